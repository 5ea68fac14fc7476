/**
 * Pages, feeds and the data exports' records reused from their inputs alone (`renderPageFrom`,
 * `RenderMemo.made`): reused only while everything they are made from
 * is the same, so the site after an edit always equals a clean build, including the pages a reuse
 * would leave stale (a neighbour's headline, a renamed entity, a changed template).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevSession } from '../src/dev/devSession.js';
import { RenderMemo, type WrittenTexts } from '../src/dev/renderMemo.js';
import type { Numbered } from '../src/render/page.js';
import { jsonArrayParts, jsonArrayTexts, indentedJson } from '../src/export/jsonChunks.js';
import { createEnvironment } from '../src/render/environment.js';
import { cleanBuildSnapshot, differences, snapshotTree, tempProject } from './helpers/devProject.js';
import { tempDir } from './helpers/project.js';

function memoEnv(memo: RenderMemo) {
  const dir = tempDir('dossier-reuse-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'page.njk'), '<h1>{{ title }}</h1><i>{{ title | tag }}</i>\n');
  return memo.wrap(createEnvironment({ templates: dir, portable: false, baseUrl: null }));
}

/** A stand-in for the session's writer: "writes" each text it is given, and says which number each file holds. */
class FakeDisk implements WrittenTexts {
  /** The number of the text each file holds. */
  readonly numbers = new Map<string, number>();
  /** Each file's text. */
  readonly texts = new Map<string, string>();

  holds(file: string, serial: number): boolean {
    return this.numbers.get(file) === serial;
  }

  /** Writes what the memo handed over, and gives back the file's text. */
  write(file: string, made: Numbered): string {
    if (made.text === null) {
      expect(this.numbers.get(file)).toBe(made.serial);
    } else {
      this.numbers.set(file, made.serial);
      this.texts.set(file, made.text);
    }
    return this.texts.get(file)!;
  }
}

describe('RenderMemo.made', () => {
  it('hands back last build\'s number, without making the text, while the inputs are equal and the text is on disk', () => {
    const disk = new FakeDisk();
    const memo = new RenderMemo(disk);
    const env = memoEnv(memo);
    env.addFilter('tag', (title: string) => `#${title}`);
    let made = 0;
    const page = (record: { title: string }) =>
      disk.write('a/index.html', memo.made('a/index.html', 'page.njk\na/', [record], () => {
        made++;
        return env.render('page.njk', { url: 'a/', title: record.title });
      }));
    const record = { title: 'One' };
    const first = page(record);
    expect(page(record)).toBe(first);
    // An equal record that is another object (a record rebuilt with the same content) counts as the same.
    expect(page({ title: 'One' })).toBe(first);
    expect(made).toBe(1);
    expect(memo.counts).toEqual({ rendered: 1, reused: 2 });
    expect(page({ title: 'Two' })).toContain('<h1>Two</h1>');
    expect(made).toBe(2);
  });

  it('makes the text again when the file no longer holds it (a write that failed, another text written there)', () => {
    const disk = new FakeDisk();
    const memo = new RenderMemo(disk);
    let made = 0;
    const text = () => memo.made('a.json', 'k', [1], () => `text ${++made}`);
    disk.write('a.json', text());
    disk.numbers.set('a.json', -1);
    expect(text()).toEqual({ serial: expect.any(Number), text: 'text 2' });
    // Not written at all: made again.
    expect(text().text).toBe('text 3');
  });

  it('makes the page again when a filter that reads the archive answers differently', () => {
    const disk = new FakeDisk();
    const memo = new RenderMemo(disk);
    const env = memoEnv(memo);
    let archiveSays = 'old';
    env.addFilter('tag', () => archiveSays);
    const record = { title: 'One' };
    const page = () => disk.write('a/index.html', memo.made('a/index.html', 'page.njk\na/', [record], () => env.render('page.njk', { url: 'a/', title: record.title })));
    expect(page()).toContain('<i>old</i>');
    expect(page()).toContain('<i>old</i>');
    archiveSays = 'new';
    expect(page()).toContain('<i>new</i>');
    // A new build adds a new version of the filter: its answers are what count.
    env.addFilter('tag', () => 'rebuilt');
    expect(page()).toContain('<i>rebuilt</i>');
  });

  it('forgets its texts and values on clear (a template changed)', () => {
    const disk = new FakeDisk();
    const memo = new RenderMemo(disk);
    let made = 0;
    const page = () => disk.write('a/index.html', memo.made('a/index.html', 'page.njk\na/', [1], () => `page ${++made}`));
    page();
    memo.clear();
    page();
    expect(made).toBe(2);
    let values = 0;
    memo.value('k', [1], () => values++);
    memo.clear();
    memo.value('k', [1], () => values++);
    expect(values).toBe(2);
  });
});

describe('RenderMemo.sweep', () => {
  it('forgets texts no recent build asked for, and makes them again when asked', () => {
    const disk = new FakeDisk();
    const memo = new RenderMemo(disk);
    let made = 0;
    const text = (key: string) => disk.write(`${key}.html`, memo.made(`${key}.html`, key, [key], () => `${key} ${++made}`));
    memo.resetCounts();
    text('gone');
    text('kept');
    memo.resetCounts();
    text('kept');
    memo.resetCounts();
    text('kept');
    memo.sweep();
    expect(made).toBe(2);
    text('kept');
    expect(made).toBe(2);
    // 'gone' was last asked for two builds ago: forgotten, so made again (never reused stale).
    expect(text('gone')).toBe('gone 3');
  });
});

describe('RenderMemo.value', () => {
  it('hands back the value made from equal inputs, the very same object', () => {
    const memo = new RenderMemo(new FakeDisk());
    const first = memo.value('articles.json\na', [{ id: 'a', title: 'T' }], () => ({ text: 'x' }));
    expect(memo.value('articles.json\na', [{ id: 'a', title: 'T' }], () => ({ text: 'y' }))).toBe(first);
    expect(memo.value('articles.json\na', [{ id: 'a', title: 'U' }], () => ({ text: 'z' }))).toEqual({ text: 'z' });
    expect(memo.value('articles.json\nb', [{ id: 'a', title: 'U' }], () => ({ text: 'w' }))).toEqual({ text: 'w' });
  });
});

describe('jsonArrayTexts', () => {
  it('writes the same text as jsonArrayParts from items already written', () => {
    for (const items of [[], [1], [{ a: [1, { b: 'c\nd' }] }, 'x', null]]) {
      for (const depth of [0, 1, 2]) {
        expect([...jsonArrayTexts(items.map((item) => indentedJson(item, depth + 1)), depth)].join('')).toBe([...jsonArrayParts(items, depth)].join(''));
      }
    }
  });
});

describe('watch rebuilds that reuse pages', () => {
  let session: DevSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  async function start() {
    const config = tempProject();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    return config;
  }

  /** The pages of the seed articles, by file name. */
  function articlePage(config: { output: string }, slugPart: string): string {
    const archive = session!.lastResult!.archive!;
    const article = archive.articles.find((a) => a.sourcePath.includes(slugPart))!;
    return readFileSync(path.join(config.output, article.url, 'index.html'), 'utf8');
  }

  it('makes a neighbour page again when an article it links to changes its headline', async () => {
    const config = tempProject();
    // Articles that share nothing but their place in time: only the neighbour links tie their pages together.
    const plain = (day: number, title: string) => `---\ntitle: ${title}\ndate: 2019-01-0${day}\n---\n\nsome quiet words about nothing much ${day}.\n`;
    for (const day of [1, 2, 3]) writeFileSync(path.join(config.input, `plain-${day}.md`), plain(day, `Plain ${day}`));
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    writeFileSync(path.join(config.input, 'plain-2.md'), plain(2, 'A Brand New Headline'));
    session.changed({ kind: 'article', path: 'plain-2.md' });
    await session.idle();
    expect(session.status.ok).toBe(true);
    expect(articlePage(config, 'plain-1')).toContain('A Brand New Headline');
    expect(articlePage(config, 'plain-3')).toContain('A Brand New Headline');
    expect(readFileSync(path.join(config.output, 'data/articles.json'), 'utf8')).toContain('A Brand New Headline');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  }, 120_000);

  it('makes the pages listing an event again when one of its source articles changes its headline', async () => {
    const config = tempProject();
    // Fixed slugs (ids), naming no entity: only the event ties b to the timeline page.
    const report = (title: string, date: string, slug: string) => `---\ntitle: ${title}\ndate: ${date}\nslug: ${slug}\n---\n\nOn 5 March 2019 the old bridge over the river reopened to traffic.\n`;
    writeFileSync(path.join(config.input, 'report-a.md'), report('First Report', '2019-03-06', 'report-a'));
    writeFileSync(path.join(config.input, 'report-b.md'), report('Second Report', '2019-03-08', 'report-b'));
    writeFileSync(path.join(config.input, 'report-c.md'), report('Third Report', '2019-03-07', 'report-c'));
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 1, write: () => {} });
    const timeline = () => readFileSync(path.join(config.output, 'timeline/2019/index.html'), 'utf8');
    expect(timeline()).toContain('Second Report');
    writeFileSync(path.join(config.input, 'report-b.md'), report('Renamed Report', '2019-03-08', 'report-b'));
    session.changed({ kind: 'article', path: 'report-b.md' });
    await session.idle();
    expect(timeline()).toContain('Renamed Report');
    expect(readFileSync(path.join(config.output, 'data/timelinejs.json'), 'utf8')).toContain('Renamed Report');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  }, 120_000);

  it('makes the pages naming an entity again when the registry changes its type or name, though their articles did not change', async () => {
    const config = await start();
    const registry = path.join(config.input, 'entities.yml');
    const before = readFileSync(registry, 'utf8');
    expect(articlePage(config, '000_')).toContain('Ebrahim Raisi');
    // First the entity's type (its id, its mentions and every article stay the same), then its name.
    expect(articlePage(config, '000_')).not.toContain('class="entity-place" href="../../entities/ebrahim-raisi/');
    const edit = async (from: string, to: string, shows: string) => {
      writeFileSync(registry, before.replace(from, to));
      session!.changed({ kind: 'article', path: 'entities.yml' });
      await session!.idle();
      expect(session!.status.ok).toBe(true);
      expect(articlePage(config, '000_')).toContain(shows);
      expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
    };
    await edit('- name: Ebrahim Raisi\n    type: person', '- name: Ebrahim Raisi\n    type: place', 'class="entity-place" href="../../entities/ebrahim-raisi/');
    await edit('- name: Ebrahim Raisi\n    type: person\n    aliases: [Raisi]', '- name: Ebrahim Raisi Renamed\n    type: person\n    aliases: [Raisi, Ebrahim Raisi]', 'Ebrahim Raisi Renamed');
  }, 120_000);

  it('makes every page again when a template changes, and reuses them on the next edit', async () => {
    const config = await start();
    const template = path.join(config.templates, 'article.njk');
    writeFileSync(template, readFileSync(template, 'utf8').replace('{% block main %}', '{% block main %}<!-- changed template -->'));
    session!.changed({ kind: 'template', path: 'article.njk' });
    await session!.idle();
    expect(articlePage(config, '000_')).toContain('<!-- changed template -->');
    expect(articlePage(config, '002_')).toContain('<!-- changed template -->');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
    const file = path.join(config.input, '002_cc6656fa01f43e34.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA closing paragraph.\n`);
    session!.changed({ kind: 'article', path: '002_cc6656fa01f43e34.txt' });
    await session!.idle();
    expect(session!.currentSteps.memo.counts.reused).toBeGreaterThan(0);
    expect(articlePage(config, '002_')).toContain('A closing paragraph.');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  }, 120_000);
});
