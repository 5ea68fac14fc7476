/**
 * The live-preview invariant: after any sequence of edits, additions, renames and deletions (and
 * template and static-file edits), the output folder is byte-identical to a clean build of the
 * same inputs; and when the inputs are broken, the last good site stays as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevSession } from '../src/dev/devSession.js';
import type { Change } from '../src/dev/incrementalSteps.js';
import { resolveConfig, type Config } from '../src/config.js';
import { EVENT_PAGES_URL } from '../src/render/timeline/eventReports.js';
import { cleanBuildSnapshot, differences, seededRandom, snapshotTree, tempProject } from './helpers/devProject.js';
import { writeReport } from './helpers/shared-event.js';

const WORDS = ['minister', 'river', 'council', 'Paris', 'budget', 'storm', 'election', 'Acme Corp', 'Maria Lopez', 'harbour', 'vote', 'report', 'strike', 'court'];
const DATES = ['2024-05-20', '2024-05-21', '2023-01-02', '2024-05', '2022', null];
const SLUGS = ['same-slug', 'other-slug', 'river-news'];

let session: DevSession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** All article files under `dir`, relative. */
function articlesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(md|txt)$/.test(file))
    .sort();
}

function makeArticle(random: () => number, serial: number): { name: string; text: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = () => `${Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ')}.`;
  const paragraphs = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${sentence()} ${sentence()}`);
  if (random() < 0.3) {
    // Scraped text: headline on the first line, then paragraphs.
    return { name: `scraped-${serial}.txt`, text: `${pick(WORDS)} ${pick(WORDS)} headline ${serial % 4}\n${paragraphs.join('\n')}\n` };
  }
  const front = [`title: "${pick(WORDS)} ${random() < 0.3 ? 'story' : serial}"`];
  const date = pick(DATES);
  if (date) front.push(`date: ${date}`);
  if (random() < 0.25) front.push(`slug: ${pick(SLUGS)}`);
  if (random() < 0.2) front.push(`outlet: ${pick(WORDS)}`);
  const folder = random() < 0.3 ? `${2020 + Math.floor(random() * 3)}/` : '';
  return { name: `${folder}article-${serial}.md`, text: `---\n${front.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n` };
}

describe('incremental rebuilds', () => {
  // The search index is left out here to keep the 240 clean builds quick; the next test covers it.
  it('leave the output byte-identical to a clean build after 240 random operations', async () => {
    await checkRandomEdits(240, 20240521, false);
    // Generous: a busy shared machine can take several times the minute this needs when quiet.
  }, 900_000);

  it('bring the search index up to date behind 30 random operations', async () => {
    await checkRandomEdits(30, 7, true);
  }, 300_000);

  it('re-reads and re-parses only the changed article, and re-renders only pages whose inputs changed', async () => {
    const config = tempProject();
    for (let i = 0; i < 30; i++) writeFileSync(path.join(config.input, `extra-${i}.md`), `---\ntitle: Extra ${i}\ndate: 2020-01-${String(i + 1).padStart(2, '0')}\n---\n\nParagraph ${i}.\n`);
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    const file = path.join(config.input, 'extra-10.md');
    const untouched = path.join(config.output, 'articles/extra-25/index.html');
    const before = statSync(untouched).mtimeMs;
    writeFileSync(file, readFileSync(file, 'utf8') + '\nA new closing paragraph.\n');
    session.changed({ kind: 'article', path: 'extra-10.md' });
    await session.idle();
    const steps = session.currentSteps;
    expect(steps.counts).toEqual({ read: 1, parsed: 1 });
    // The article itself and its two neighbours (whose links name it); not the other 30 pages, which stay on disk untouched.
    expect(steps.memo.counts.rendered).toBeLessThanOrEqual(4);
    expect(session.status.filesChanged).toBeLessThanOrEqual(6);
    expect(statSync(untouched).mtimeMs).toBe(before);
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('moves an unchanged article to its suffixed URL when a new one takes its slug', async () => {
    const config = tempProject();
    writeFileSync(path.join(config.input, 'b.md'), '---\ntitle: B\nslug: shared\n---\n\nText of b.\n');
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    expect(readFileSync(path.join(config.output, 'articles/shared/index.html'), 'utf8')).toContain('Text of b.');
    writeFileSync(path.join(config.input, 'a.md'), '---\ntitle: A\nslug: shared\n---\n\nText of a.\n');
    session.changed({ kind: 'article', path: 'a.md' });
    await session.idle();
    expect(readFileSync(path.join(config.output, 'articles/shared/index.html'), 'utf8')).toContain('Text of a.');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('removes the pages of a deleted article and of its entities when the rebuild looks at every page (the navigation changed)', async () => {
    const config = tempProject();
    for (const file of articlesIn(config.input)) rmSync(path.join(config.input, file));
    writeFileSync(path.join(config.input, 'a.md'), '---\ntitle: A\ndate: 2024-05-20\n---\n\nMaria Lopez met Acme Corp in Paris. Maria Lopez said Acme Corp would stay in Paris.\n');
    writeFileSync(path.join(config.input, 'b.md'), '---\ntitle: B\ndate: 2024-05-21\n---\n\nnothing here has a name at all.\n');
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    expect(readdirSync(path.join(config.output, 'entities')).length).toBeGreaterThan(1);
    rmSync(path.join(config.input, 'a.md'));
    session.changed({ kind: 'article', path: 'a.md' });
    await session.idle();
    // No entity is left, so the navigation loses its Entities link and every page is looked at: the gone ones must go.
    expect(existsSync(path.join(config.output, 'entities'))).toBe(false);
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('keeps the pages an edit did not touch in the sitemap', async () => {
    const config: Config = { ...tempProject(), baseUrl: 'https://example.org/archive/' };
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    const file = articlesIn(config.input)[0]!;
    writeFileSync(path.join(config.input, file), `${readFileSync(path.join(config.input, file), 'utf8')}\nA closing paragraph.\n`);
    session.changed({ kind: 'article', path: file });
    await session.idle();
    const sitemap = readFileSync(path.join(config.output, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('https://example.org/archive/entities/');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('keeps the month pages of a split year right as edits move, add and remove events, and split and join the year', async () => {
    const config = tempProject();
    for (const file of articlesIn(config.input)) rmSync(path.join(config.input, file));
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    // Article `n`: twelve dated sentences from January to October (or in `month`), so 30 of them make a year of more than 250 events.
    const write = (n: number, shift = 0, month: number | null = null, year = 2024) => {
      const sentences = Array.from({ length: 12 }, (_, i) => {
        const day = (n * 12 + i + shift) % 280;
        return `On ${(day % 28) + 1} ${MONTHS[month ?? Math.floor(day / 28)]} ${year}, the council voted on harbour budget ${n} item ${i}.`;
      });
      writeFileSync(path.join(config.input, `dated-${n}.md`), `---\ntitle: Dated ${n}\ndate: 2024-12-31\n---\n\n${sentences.join(' ')}\n`);
    };
    const change = async (...files: string[]) => {
      for (const file of files) session!.changed({ kind: 'article', path: file });
      await session!.idle();
      expect(session!.status.ok).toBe(true);
      expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
    };
    for (let n = 0; n < 30; n++) write(n);
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    expect(existsSync(path.join(config.output, 'timeline/2024/03/index.html'))).toBe(true);
    // Events move to other days (some to other months).
    write(4, 9);
    await change('dated-4.md');
    // An article and its events go: months shrink, their neighbours stay.
    rmSync(path.join(config.input, 'dated-7.md'));
    await change('dated-7.md');
    // Events in a month no article reached before: October's page now links to December's, though none of its events changed.
    write(40, 0, 11);
    await change('dated-40.md');
    expect(readFileSync(path.join(config.output, 'timeline/2024/10/index.html'), 'utf8')).toContain('timeline/2024/12/');
    // Events in a year no article reached before: 2024's page now links to 2025's.
    write(41, 0, 2, 2025);
    await change('dated-41.md');
    expect(readFileSync(path.join(config.output, 'timeline/2024/index.html'), 'utf8')).toContain('2025/');
    // Few enough events left for one page: the year is joined, its month pages go.
    for (let n = 8; n < 30; n++) rmSync(path.join(config.input, `dated-${n}.md`));
    await change(...Array.from({ length: 22 }, (_, i) => `dated-${i + 8}.md`));
    expect(existsSync(path.join(config.output, 'timeline/2024/03'))).toBe(false);
    // And split again.
    for (let n = 8; n < 30; n++) write(n);
    await change(...Array.from({ length: 22 }, (_, i) => `dated-${i + 8}.md`));
    expect(existsSync(path.join(config.output, 'timeline/2024/03/index.html'))).toBe(true);
  }, 120_000);

  it('keeps a much-reported event’s own pages right as articles stop and start reporting it, are retitled and deleted', async () => {
    // Three reports a page, so seven reports make three pages; more than five have pages at all. A base URL, so the sitemap is compared too.
    const config: Config = { ...tempProject(), pageSize: 3, baseUrl: 'https://example.org/archive/' };
    for (const file of articlesIn(config.input)) rmSync(path.join(config.input, file));
    for (let n = 0; n < 7; n++) writeReport(config.input, n);
    const eventDirs = () => (existsSync(path.join(config.output, EVENT_PAGES_URL)) ? readdirSync(path.join(config.output, EVENT_PAGES_URL)) : []);
    const pagesOf = (id: string) => readdirSync(path.join(config.output, EVENT_PAGES_URL, id), { recursive: true }).filter((file) => String(file).endsWith('index.html')).length;
    const change = async (...files: string[]) => {
      for (const file of files) session!.changed({ kind: 'article', path: file });
      await session!.idle();
      expect(session!.status.ok).toBe(true);
      expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
    };
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    const [id] = eventDirs();
    expect(eventDirs()).toEqual([id]);
    expect(pagesOf(id!)).toBe(3);
    expect(readFileSync(path.join(config.output, 'sitemap.xml'), 'utf8')).toContain(`<loc>https://example.org/archive/${EVENT_PAGES_URL}${id}/page/3/</loc>`);
    // An article stops reporting it: six reports, two pages; the third page goes.
    await change(writeReport(config.input, 6, { reports: false }));
    expect(pagesOf(id!)).toBe(2);
    // A report the timeline does not list is retitled: only the event's own page shows it.
    await change(writeReport(config.input, 5, { title: 'Harbour report five, retitled' }));
    expect(readFileSync(path.join(config.output, EVENT_PAGES_URL, id!, 'page/2/index.html'), 'utf8')).toContain('>Harbour report five, retitled</a>');
    // Five reports: all listed where it is shown, and its pages go.
    await change(writeReport(config.input, 4, { reports: false }));
    expect(eventDirs()).toEqual([]);
    // And back, past a page and a half.
    await change(writeReport(config.input, 4), writeReport(config.input, 6));
    expect(eventDirs()).toEqual([id]);
    expect(pagesOf(id!)).toBe(3);
    // The article of its first report is deleted: the event's id (from its first report) changes, its old pages go.
    rmSync(path.join(config.input, 'report-0.md'));
    await change('report-0.md');
    expect(eventDirs()).toHaveLength(1);
    expect(eventDirs()).not.toEqual([id]);
    expect(pagesOf(eventDirs()[0]!)).toBe(2);
  }, 120_000);

  it('does not rebuild for a save that changed no byte', async () => {
    const config = tempProject();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    const [file] = articlesIn(config.input);
    const full = path.join(config.input, file!);
    writeFileSync(full, readFileSync(full));
    session.changed({ kind: 'article', path: file! });
    await session.idle();
    expect(session.status.generation).toBe(1);
    writeFileSync(full, `${readFileSync(full, 'utf8')}\nOne more line.\n`);
    session.changed({ kind: 'article', path: file! });
    await session.idle();
    expect(session.status.generation).toBe(2);
  });

  it('copies a changed static file and rebuilds nothing else', async () => {
    const config = tempProject();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    await session.idle(); // the search index is written behind the first build
    const before = snapshotTree(config.output);
    writeFileSync(path.join(config.public, 'style.css'), 'body { color: red; }\n');
    writeFileSync(path.join(config.public, 'extra.css'), 'p { margin: 0; }\n');
    session.changed({ kind: 'static', path: 'style.css' });
    session.changed({ kind: 'static', path: 'extra.css' });
    await session.idle();
    expect(session.status.ok).toBe(true);
    expect(session.currentSteps.memo.counts).toEqual({ rendered: 0, reused: 0 });
    const after = snapshotTree(config.output);
    expect(differences(before, after)).toEqual(['.dossier-manifest.json', 'extra.css', 'style.css']);
    expect(differences(after, (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('writes the whole site again when the output folder was removed behind its back', async () => {
    const config = tempProject();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    rmSync(config.output, { recursive: true, force: true });
    rmSync(path.join(config.public, 'favicon.svg'));
    session.changed({ kind: 'static', path: 'favicon.svg' });
    await session.idle();
    expect(session.status.filesChanged).toBeGreaterThan(0);
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  });

  it('starts over with the new settings when the settings file changes', async () => {
    const config = tempProject();
    const settings = path.join(config.root, 'dossier.yml');
    writeFileSync(settings, 'title: First Title\n');
    const load = (): Config => resolveConfig(config.root, {});
    session = await DevSession.start({ config: load(), reloadConfig: load, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toContain('First Title');
    writeFileSync(settings, 'title: Second Title\n');
    session.changed({ kind: 'config', path: 'dossier.yml' });
    await session.idle();
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toContain('Second Title');
    writeFileSync(settings, 'title: [unclosed\n');
    session.changed({ kind: 'config', path: 'dossier.yml' });
    await session.idle();
    expect(session.status.ok).toBe(false);
    expect(session.status.diagnostics.some((d) => d.file?.endsWith('dossier.yml'))).toBe(true);
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toContain('Second Title');
  });
});

/** Applies `count` random operations in bursts, checking the output against a clean build after each burst. */
async function checkRandomEdits(count: number, seed: number, search: boolean): Promise<void> {
  // A small page size so home-page pagination comes and goes as articles are added and removed.
  const config = { ...tempProject(), pageSize: 4 };
  const random = seededRandom(seed);
  session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, search, write: () => {} });
  await session.idle();
  expect(session.status.ok).toBe(true);
  let serial = 0;
  let operations = 0;
  let checks = 0;
  let lastGood = snapshotTree(config.output);
  while (operations < count) {
    // A few operations per rebuild, as in a burst of saves.
    const burst = 1 + Math.floor(random() * 3);
    for (let i = 0; i < burst; i++, operations++) {
      for (const change of applyRandomOperation(config, random, () => serial++)) session.changed(change);
    }
    await session.idle();
    const clean = await cleanBuildSnapshot(config, { search });
    const now = snapshotTree(config.output);
    if (clean) {
      expect(session.status.ok, `operation ${operations}`).toBe(true);
      expect(differences(now, clean), `after operation ${operations}`).toEqual([]);
      lastGood = now;
    } else {
      // Broken inputs: the build fails and the last good site stays exactly as it was.
      expect(session.status.ok, `operation ${operations}`).toBe(false);
      expect(differences(now, lastGood), `after failed operation ${operations}`).toEqual([]);
    }
    checks++;
  }
  expect(checks).toBeGreaterThan(count / 3);
}

/** Broken edits to undo: the next operation fixes them, as a curator would after seeing the error page. */
const repairs: (() => Change)[] = [];

/** Applies one random operation to the project and returns the changes a watcher would report. */
function applyRandomOperation(config: Config, random: () => number, nextSerial: () => number): Change[] {
  if (repairs.length > 0) return repairs.splice(0).map((repair) => repair());
  const articles = articlesIn(config.input);
  const roll = random();
  const pickArticle = () => articles[Math.floor(random() * articles.length)]!;
  const article = (file: string): Change => ({ kind: 'article', path: file });
  if (roll < 0.3 && articles.length > 0) {
    // Edit: append, rewrite a line, or (rarely) break the front matter.
    const file = pickArticle();
    const full = path.join(config.input, file);
    const text = readFileSync(full, 'utf8');
    const choice = random();
    if (choice < 0.15 && file.endsWith('.md')) {
      writeFileSync(full, text.replace(/^---\n/, '---\ntitle: [broken\n'));
      repairs.push(() => (writeFileSync(full, text), article(file)));
    }
    else if (choice < 0.5) writeFileSync(full, `${text}\nAn added paragraph ${nextSerial()} about the ${WORDS[Math.floor(random() * WORDS.length)]}.\n`);
    else writeFileSync(full, text.replace(/title: "?([^"\n]*)"?/, (_all, title: string) => `title: "${title} updated ${nextSerial()}"`).replace(/date: .*/, `date: ${DATES[Math.floor(random() * 3)]}`));
    return [article(file)];
  }
  if (roll < 0.6 || articles.length === 0) {
    const { name, text } = makeArticle(random, nextSerial());
    mkdirSync(path.dirname(path.join(config.input, name)), { recursive: true });
    writeFileSync(path.join(config.input, name), text);
    return [article(name)];
  }
  if (roll < 0.75) {
    const file = pickArticle();
    const target = `${random() < 0.5 ? 'moved/' : ''}renamed-${nextSerial()}${path.extname(file)}`;
    mkdirSync(path.dirname(path.join(config.input, target)), { recursive: true });
    renameSync(path.join(config.input, file), path.join(config.input, target));
    return [article(file), article(target)];
  }
  if (roll < 0.88) {
    const file = pickArticle();
    rmSync(path.join(config.input, file));
    return [article(file)];
  }
  if (roll < 0.95) {
    // A template edit: a visible change in the footer, or (rarely) a syntax error, fixed by a later edit.
    const file = path.join(config.templates, 'layouts/base.njk');
    const text = readFileSync(file, 'utf8').replace(/<p data-edit="[^"]*">[^<]*<\/p>\n|\{% broken %\}\n/g, '');
    const broken = random() < 0.15;
    const insert = broken ? '{% broken %}\n' : `<p data-edit="${nextSerial()}">Edited</p>\n`;
    writeFileSync(file, text.replace('</footer>', `${insert}</footer>`));
    if (broken) repairs.push(() => (writeFileSync(file, text), { kind: 'template', path: 'layouts/base.njk' }));
    return [{ kind: 'template', path: 'layouts/base.njk' }];
  }
  const css = path.join(config.public, 'style.css');
  writeFileSync(css, `${existsSync(css) ? readFileSync(css, 'utf8') : ''}\n/* edit ${nextSerial()} */\n`);
  return [{ kind: 'static', path: 'style.css' }];
}
