/**
 * The build as a stream (render, publish and write overlapping): what a user relies on stays true
 * when pages are written one at a time. A template error half-way leaves the previous site exactly
 * as it was, a rebuild with nothing changed touches nothing, and the data exports written in pieces
 * are the same JSON, byte for byte, as one `JSON.stringify`.
 */
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, freshSteps } from '../src/build.js';
import { resolveConfig } from '../src/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { indentedJson, joined, jsonArrayParts } from '../src/export/jsonChunks.js';
import { pageText } from '../src/render/page.js';
import { timelineJsData } from '../src/render/timeline/timelineData.js';
import { startWrite, type SiteWriter, type WriteOptions } from '../src/write/writeSite.js';
import { handBuiltArchive } from './helpers/hand-built.js';
import { REPO, SEEDS, snapshotFolder, tempDir } from './helpers/project.js';

/** Every file and folder under `dir` (the folder itself included) with its modification time and inode. */
function stamps(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const stat = lstatSync(path.join(dir, rel));
    out.set(rel || '.', `${stat.mtimeMs} ${stat.ino}`);
    if (stat.isDirectory()) for (const name of readdirSync(path.join(dir, rel))) walk(rel ? `${rel}/${name}` : name);
  };
  walk('');
  return out;
}

/** Adds `text` at the start of a template's main block. */
function editTemplate(templates: string, name: string, text: string): void {
  const file = path.join(templates, name);
  writeFileSync(file, readFileSync(file, 'utf8').replace('{% block main %}', `{% block main %}${text}`));
}

/** A copy of the project's templates, to break or change. */
function templatesCopy(): string {
  const dir = path.join(tempDir(), 'templates');
  cpSync(path.join(REPO, 'templates'), dir, { recursive: true });
  return dir;
}

// Each on the main thread and with a writer thread (what a big build uses), which must behave alike.
describe.each([
  ['on the main thread', false],
  ['with a writer thread', true],
])('a streamed build, written %s', (_, writerThread) => {
  it('leaves the previous site exactly as it was when a template fails half-way through the pages', async () => {
    const parent = tempDir();
    const output = path.join(parent, 'site');
    const templates = templatesCopy();
    const config = { ...resolveConfig(REPO, { input: SEEDS, output }), templates };
    expect((await build(config, { cwd: REPO, writerThread })).ok).toBe(true);
    writeFileSync(path.join(output, 'CNAME'), 'archive.example.org\n');
    const before = snapshotFolder(output);
    const times = stamps(output);

    // The home and article pages change (so they go to the staging folder), then every entity page fails.
    editTemplate(templates, 'home.njk', '<!-- changed -->');
    editTemplate(templates, 'entity.njk', '{{ noSuchFunction() }}');
    let added = 0;
    let stagedWhenFailed: string[] = [];
    const steps = {
      ...freshSteps,
      startWrite: (outDir: string, options?: WriteOptions): SiteWriter => {
        expect(options?.threaded).toBe(writerThread);
        const writer = startWrite(outDir, options);
        return {
          add: (page) => (added++, writer.add(page)),
          settle: () => writer.settle(),
          read: (file) => writer.read(file),
          finish: (files) => writer.finish(files),
          abandon: async () => {
            await writer.settle().catch(() => null);
            stagedWhenFailed = readdirSync(parent).filter((name) => name.includes('dossier-staging'));
            return writer.abandon();
          },
        };
      },
    };
    const result = await build(config, { cwd: REPO, steps, writerThread });
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('entity.njk');
    expect(errors[0]).toContain('template error');
    // Pages were written before the failure, into a staging folder that is gone now.
    expect(added).toBeGreaterThan(3);
    expect(stagedWhenFailed).toHaveLength(1);
    expect(readdirSync(parent)).toEqual(['site']);
    expect(snapshotFolder(output)).toEqual(before);
    expect(stamps(output)).toEqual(times);
  });

  it('touches nothing in the output folder when nothing changed, and keeps unchanged files when something did', async () => {
    const parent = tempDir();
    const output = path.join(parent, 'site');
    const templates = templatesCopy();
    const config = { ...resolveConfig(REPO, { input: SEEDS, output }), templates };
    expect((await build(config, { cwd: REPO, writerThread })).ok).toBe(true);
    const first = stamps(output);
    const again = await build(config, { cwd: REPO, writerThread });
    expect(again.ok).toBe(true);
    expect(stamps(output)).toEqual(first);
    expect(readdirSync(parent)).toEqual(['site']);

    // One template changes: its pages are new files, every other file is the previous one, linked.
    editTemplate(templates, '404.njk', '<!-- changed -->');
    expect((await build(config, { cwd: REPO, writerThread })).ok).toBe(true);
    const after = stamps(output);
    expect(readFileSync(path.join(output, '404.html'), 'utf8')).toContain('<!-- changed -->');
    expect(after.get('404.html')).not.toEqual(first.get('404.html'));
    for (const file of ['data/timeline.json', 'data/articles.json', 'feed.xml', 'favicon.svg', 'pagefind/pagefind.js']) {
      expect(existsSync(path.join(output, file)), file).toBe(true);
      expect(after.get(file), file).toEqual(first.get(file));
    }
  });

  it('fails with the first foreign file in the way, after writing nothing over the previous site', async () => {
    const output = path.join(tempDir(), 'site');
    const config = resolveConfig(REPO, { input: SEEDS, output });
    expect((await build(config, { cwd: REPO, search: false, writerThread })).ok).toBe(true);
    // Forget every file: all of them are now someone else's.
    writeFileSync(path.join(output, '.dossier-manifest.json'), JSON.stringify({ files: [] }));
    const before = snapshotFolder(output);
    const writer = startWrite(output, { threaded: writerThread });
    await writer.add({ path: 'index.html', content: 'new' });
    await writer.add({ path: '404.html', content: 'new' });
    await expect(writer.finish([])).rejects.toThrow(/site\/404\.html was not written by Dossier/);
    await writer.abandon();
    expect(snapshotFolder(output)).toEqual(before);
    const result = await build(config, { cwd: REPO, search: false, writerThread });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)[0]).toMatch(/404\.html was not written by Dossier/);
    expect(snapshotFolder(output)).toEqual(before);
  });
});

describe('data exports written in pieces', () => {
  const samples: unknown[][] = [
    [],
    [{}],
    [{ a: 1, b: 'two\nlines "quoted" \u2028 é 𝄞', c: [], d: {}, e: [1, [2, { f: null }]], skipped: undefined }],
    [1, 'x', null, [], [[]], { nested: { deeper: [{ deepest: true }] } }],
  ];

  it('are the text of one JSON.stringify(value, null, 2), at any depth and any piece size', () => {
    for (const items of samples) {
      expect([...jsonArrayParts(items)].join('')).toBe(JSON.stringify(items, null, 2));
      expect(`{\n  "events": ${[...jsonArrayParts(items, 1)].join('')}\n}`).toBe(JSON.stringify({ events: items }, null, 2));
      expect([...joined(jsonArrayParts(items), 1)].join('')).toBe(JSON.stringify(items, null, 2));
      expect(indentedJson(items, 0)).toBe(JSON.stringify(items, null, 2));
    }
  });

  it('parse as the same JSON, formatted as before, in a built site', async () => {
    const output = path.join(tempDir(), 'site');
    expect((await build(resolveConfig(REPO, { input: SEEDS, output }), { cwd: REPO, search: false })).ok).toBe(true);
    for (const file of ['articles', 'entities', 'timeline', 'timelinejs']) {
      const text = readFileSync(path.join(output, `data/${file}.json`), 'utf8');
      expect(text, file).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    const doc = JSON.parse(readFileSync(path.join(output, 'data/timelinejs.json'), 'utf8'));
    expect(doc.events.length).toBe(JSON.parse(readFileSync(path.join(output, 'data/timeline.json'), 'utf8')).length);
  });

  it('give the TimelineJS document the same text each time it is read', () => {
    const page = timelineJsData(handBuiltArchive(), { title: 'Archive', baseUrl: null });
    const text = pageText(page);
    expect(pageText(page)).toBe(text);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
