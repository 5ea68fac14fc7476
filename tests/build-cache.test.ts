/**
 * The speed paths must not change what a build produces: a build with the record cache (cold and
 * warm), a rebuild over an existing site (unchanged files hard-linked, or nothing touched at all) and
 * a rebuild after an edit all give byte-identical output to a plain build into an empty folder.
 * No timing assertions here: speed is measured by `npm run bench`.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, freshSteps } from '../src/build.js';
import { entityParts } from '../src/build/cacheParts.js';
import { cachedForArchive } from '../src/build/cachedStages.js';
import { cacheKey, openRecordCache } from '../src/build/recordCache.js';
import { resolveConfig } from '../src/config.js';
import type { Article, Mention } from '../src/types.js';
import { PackedMentions } from '../src/extract/entities/packedMentions.js';
import { readSources } from '../src/read/readSources.js';
import { REPO, snapshotFolder, tempDir } from './helpers/project.js';

const temp = () => tempDir('dossier-cache-test-');
const snapshot = snapshotFolder;

async function buildInto(input: string, output: string, cacheDir?: string) {
  const config = resolveConfig(REPO, { input, output });
  const result = await build(config, { cwd: REPO, ...(cacheDir ? { cacheDir } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  return result;
}

/** The seeds plus a few Markdown articles in year folders, so both readers and nesting are covered. */
function archive(): string {
  const input = temp();
  cpSync(path.join(REPO, 'seeds'), input, { recursive: true });
  for (let i = 0; i < 6; i++) {
    const folder = path.join(input, `20${10 + i}`, '03');
    mkdirSync(folder, { recursive: true });
    if (i < 2) cpSync(path.join(REPO, 'seeds'), path.join(input, 'copies', String(i)), { recursive: true });
    writeFileSync(
      path.join(folder, `story-${i}.md`),
      `---\ntitle: "Council story ${i}"\ndate: 20${10 + i}-03-0${i + 1}\noutlet: Example Times\n---\n\nThe council met **today** in Springfield.\n\n## Reaction\n\nResidents said the plan was [late](https://example.org/${i}).\n`,
      { flag: 'w', encoding: 'utf8' },
    );
  }
  return input;
}

describe('cached and incremental builds', () => {
  it('give byte-identical output to a plain build, cold, warm and after an edit', async () => {
    const input = archive();
    const plain = path.join(temp(), 'plain');
    const cached = path.join(temp(), 'cached');
    const cacheDir = path.join(temp(), 'cache');

    await buildInto(input, plain);
    const cold = await buildInto(input, cached, cacheDir);
    expect(snapshot(cached)).toEqual(snapshot(plain));
    expect(Object.keys(cold.timings)).toContain('cache');

    // Warm: every parsed record comes from the cache, and no file changes.
    const page = path.join(cached, 'index.html');
    const pageBefore = statSync(page);
    const warm = await buildInto(input, cached, cacheDir);
    expect(warm.pages).toBe(cold.pages);
    expect(snapshot(cached)).toEqual(snapshot(plain));
    expect(statSync(page).mtimeMs).toBe(pageBefore.mtimeMs);

    // Edit one article: the cached build matches a plain build of the edited archive.
    const before = snapshot(cached);
    const inodes = new Map([...before.keys()].map((file) => [file, statSync(path.join(cached, file)).ino]));
    const edited = path.join(input, '2012', '03', 'story-2.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Council story 2', 'Council story two, revised'));
    const plainAfter = path.join(temp(), 'plain-after');
    await buildInto(input, plainAfter);
    await buildInto(input, cached, cacheDir);
    expect(snapshot(cached)).toEqual(snapshot(plainAfter));
    // Every file whose bytes did not change keeps its file (hard-linked from the previous site).
    const after = snapshot(cached);
    const same = [...after.keys()].filter((file) => before.get(file) === after.get(file));
    expect(same.length).toBeGreaterThan(0);
    for (const file of same) expect([file, statSync(path.join(cached, file)).ino]).toEqual([file, inodes.get(file)]);
  });

  it('repairs an output file edited by hand, and removes pages no longer built', async () => {
    const input = archive();
    const output = path.join(temp(), 'site');
    const plain = path.join(temp(), 'plain');
    await buildInto(input, output);
    writeFileSync(path.join(output, 'index.html'), 'tampered');
    rmSync(path.join(input, '2013'), { recursive: true });
    await buildInto(input, output);
    await buildInto(input, plain);
    expect(snapshot(output)).toEqual(snapshot(plain));
  });

  it('skips rendering when nothing changed, and not when a template, an article or the output changed', async () => {
    const input = archive();
    const output = path.join(temp(), 'site');
    const cacheDir = path.join(temp(), 'cache');
    const templates = path.join(temp(), 'templates');
    cpSync(path.join(REPO, 'templates'), templates, { recursive: true });
    const run = async () => {
      const config = { ...resolveConfig(REPO, { input, output }), templates };
      const result = await build(config, { cwd: REPO, cacheDir, search: false });
      expect(result.ok).toBe(true);
      return result;
    };
    const first = await run();
    const skipped = await run();
    expect(Object.keys(skipped.timings)).not.toContain('render');
    expect(skipped.pages).toBe(first.pages);
    expect(skipped.diagnostics).toEqual(first.diagnostics);
    expect(skipped.archive?.articles.length).toBe(first.archive?.articles.length);

    writeFileSync(path.join(output, 'index.html'), 'tampered');
    expect(Object.keys((await run()).timings)).toContain('render');
    expect(readFileSync(path.join(output, 'index.html'), 'utf8')).not.toBe('tampered');

    const layout = path.join(templates, 'layouts', 'base.njk');
    writeFileSync(layout, `${readFileSync(layout, 'utf8')}<!-- edited -->\n`);
    expect(Object.keys((await run()).timings)).toContain('render');
    expect(readFileSync(path.join(output, '404.html'), 'utf8')).toContain('<!-- edited -->');

    const story = path.join(input, '2011', '03', 'story-1.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace('Council story 1', 'Council story one'));
    expect(Object.keys((await run()).timings)).toContain('render');
    expect(Object.keys((await run()).timings)).not.toContain('render');
  });

  it('records a file saved between the read and the parse as it was parsed, so a build of its old bytes renders again', async () => {
    const input = archive();
    const output = path.join(temp(), 'site');
    const cacheDir = path.join(temp(), 'cache');
    const story = path.join(input, '2011', '03', 'story-1.md');
    const titleOf = (result: Awaited<ReturnType<typeof build>>) => result.archive?.articles.find((article) => article.sourcePath === '2011/03/story-1.md')?.title;
    const old = readFileSync(story, 'utf8');
    // Saved once the read stage has hashed it: the parse reads it again (the read stage keeps no texts).
    const read = (dir: string, cwd: string) => {
      const result = readSources(dir, cwd);
      writeFileSync(story, old.replace('Council story 1', 'Council story one'));
      return result;
    };
    const config = resolveConfig(REPO, { input, output });
    const racing = await build(config, { cwd: REPO, cacheDir, search: false, steps: { ...freshSteps, read } });
    expect(racing.ok).toBe(true);
    expect(titleOf(racing)).toBe('Council story one');

    // The bytes the read stage saw, back: the site recorded is of the bytes parsed, so this one is built anew.
    writeFileSync(story, old);
    const again = await build(config, { cwd: REPO, cacheDir, search: false });
    expect(Object.keys(again.timings)).toContain('render');
    expect(titleOf(again)).toBe('Council story 1');
    const plain = path.join(temp(), 'plain');
    expect((await build(resolveConfig(REPO, { input, output: plain }), { cwd: REPO, search: false })).ok).toBe(true);
    expect(snapshot(output)).toEqual(snapshot(plain));
  });

  it('ignores a cache written by another build of Dossier, and a damaged cache file', () => {
    const dir = temp();
    const first = openRecordCache(dir, 'tool-a');
    first.namespace<{ n: number }>('parse').set('k', { n: 1 });
    first.save();
    expect(openRecordCache(dir, 'tool-a').namespace<{ n: number }>('parse').get('k')).toEqual({ n: 1 });
    expect(openRecordCache(dir, 'tool-b').namespace('parse').get('k')).toBeUndefined();
    const file = path.join(dir, 'parse.bin');
    writeFileSync(file, readFileSync(file).subarray(0, -3));
    expect(openRecordCache(dir, 'tool-a').namespace('parse').get('k')).toBeUndefined();
    writeFileSync(file, 'not a cache');
    expect(openRecordCache(dir, 'tool-a').namespace('parse').get('k')).toBeUndefined();
  });

  it('keeps a namespace a build did not touch, and prunes entries a build did not use', () => {
    const dir = temp();
    const first = openRecordCache(dir, 't');
    first.namespace<number>('a').set('k1', 1);
    first.namespace<number>('a').set('k2', 2);
    first.namespace<number>('b').set('k', 3);
    first.save();
    const second = openRecordCache(dir, 't');
    second.namespace<number>('b');
    expect(second.namespace<number>('a').get('k1')).toBe(1);
    second.save();
    const third = openRecordCache(dir, 't');
    expect(third.namespace<number>('b').get('k')).toBe(3);
    expect(third.namespace<number>('a').get('k1')).toBe(1);
    expect(third.namespace<number>('a').get('k2')).toBeUndefined();
  });

  it('keeps a record as it was when set, writes it as the build goes, and leaves no temporary file', () => {
    const dir = temp();
    const cache = openRecordCache(dir, 't');
    const record = { list: [1] };
    cache.namespace<{ list: number[] }>('x').set('k', record);
    record.list.push(2);
    // On its way to disk already: only the namespace's next file exists until the save.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    cache.save();
    expect(readdirSync(dir)).toEqual(['x.bin']);
    expect(openRecordCache(dir, 't').namespace<{ list: number[] }>('x').get('k')).toEqual({ list: [1] });
  });

  it('keeps the last of two records set under one key, and leaves an unchanged namespace as it was', () => {
    const dir = temp();
    const first = openRecordCache(dir, 't');
    first.namespace<number>('x').set('k', 1);
    first.namespace<number>('x').set('k', 2);
    first.save();
    const file = path.join(dir, 'x.bin');
    const bytes = readFileSync(file);
    const second = openRecordCache(dir, 't');
    expect(second.namespace<number>('x').get('k')).toBe(2);
    expect(second.namespace<number>('x').get('k')).toBe(2);
    second.save();
    expect(readFileSync(file)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['x.bin']);
    expect(openRecordCache(dir, 't').namespace<number>('x').get('k')).toBe(2);
  });

  it('keeps an archive-wide result as several records, and works it out again when one is missing', () => {
    const dir = temp();
    const articles = [{ sourcePath: 'a.md', contentHash: 'h', id: 'a', url: 'articles/a/' }] as Article[];
    // Enough mentions for several chunks of packed numbers, over articles of different lengths.
    const mentions = new PackedMentions();
    const plain: Mention[] = [];
    for (const [articleId, count] of [['a', 100_000], ['b', 3], ['c', 70_000]] as const) {
      const own = Array.from({ length: count }, (_, start) => ({ entityId: `e${start % 7}`, articleId, blockAnchor: `p-${start % 11}`, surface: `E${start % 5}`, start, end: start + 3 }));
      mentions.push(articleId, own);
      for (const mention of own) plain.push(mention);
    }
    const result = { value: { entities: [{ id: 'e' }], mentions }, diagnostics: [{ severity: 'warning', message: 'w' }] } as unknown as Parameters<typeof entityParts.cut>[0];
    let runs = 0;
    const run = () => (runs++, result);
    const first = openRecordCache(dir, 't');
    expect(cachedForArchive(first, 'entities', articles, '', run, entityParts)).toBe(result);
    first.save();
    const again = openRecordCache(dir, 't');
    const read = cachedForArchive(again, 'entities', articles, '', run, entityParts);
    expect(read).not.toBe(result);
    expect(read.diagnostics).toEqual(result.diagnostics);
    expect(read.value.entities).toEqual(result.value.entities);
    expect([...read.value.mentions]).toEqual(plain);
    expect((read.value.mentions as PackedMentions).ofArticle('b')).toEqual(plain.slice(100_000, 100_003));
    expect(runs).toBe(1);
    again.save();
    // The head says how many records: the problems, the entities, the mentions' tables and their numbers in chunks.
    const key = cacheKey('', 'a.md\0h\0a\0articles/a/');
    const partial = openRecordCache(dir, 't');
    const records = partial.namespace<{ value: unknown }>('entities');
    const head = records.get(key)!.value as { parts: number };
    expect(head.parts).toBe(6);
    expect(records.get(`${key}.0`)!.value).toEqual({ diagnostics: result.diagnostics });
    partial.save();
    // The save kept only the records that build used: the rest of the result is gone, so it is worked out again.
    expect(cachedForArchive(openRecordCache(dir, 't'), 'entities', articles, '', run, entityParts)).toBe(result);
    expect(runs).toBe(2);
  });

  it('returns a fresh copy on every get, so a stage mutating a cached record cannot change the cache', () => {
    const dir = temp();
    const cache = openRecordCache(dir, 't');
    cache.namespace<{ list: number[] }>('x').set('k', { list: [1] });
    cache.save();
    const again = openRecordCache(dir, 't').namespace<{ list: number[] }>('x');
    const loaded = again.get('k')!;
    expect(loaded.list).toEqual([1]);
    loaded.list.push(3);
    expect(again.get('k')!.list).toEqual([1]);
  });
});
