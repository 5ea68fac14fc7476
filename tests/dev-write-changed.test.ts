// The watch session's writer changes its record of the last written site in place and skips the
// pages whose text is last write's: these tests check that the files on disk, the manifest and the
// counts stay what a clean write gives, through removals, additions, clashes and failures.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangedFilesWriter } from '../src/dev/writeChanged.js';
import type { Numbered, Page } from '../src/render/page.js';
import { MANIFEST_NAME } from '../src/write/manifest.js';

let work: string;
let out: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'dossier-write-changed-'));
  out = path.join(work, 'site');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const pages = (entries: Record<string, string>): Page[] => Object.entries(entries).map(([file, content]) => ({ path: file, content }));
const manifestFiles = (): string[] => (JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')) as { files: string[] }).files;

describe('ChangedFilesWriter', () => {
  it('removes a page no longer made even when another is added in its place (same number of files)', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'a/index.html': 'A', 'b/index.html': 'B' }), []);
    const result = await writer.write(out, pages({ 'a/index.html': 'A', 'c/index.html': 'C' }), []);
    expect(result).toEqual({ written: 2, removed: 1, kept: 0 });
    expect(existsSync(path.join(out, 'b'))).toBe(false);
    expect(readFileSync(path.join(out, 'c/index.html'), 'utf8')).toBe('C');
    expect(manifestFiles()).toEqual(['a/index.html', 'c/index.html']);
  });

  it('writes nothing when every page is the same, and a page listed twice counts once', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'a/index.html': 'A', 'b/index.html': 'B' }), []);
    const same = [...pages({ 'a/index.html': 'A' }), ...pages({ 'a/index.html': 'A' })];
    // 'b' is missing and 'a' is listed twice: the count of files listed again must not hide the removal.
    const result = await writer.write(out, same, []);
    expect(result).toEqual({ written: 1, removed: 1, kept: 0 });
    expect(manifestFiles()).toEqual(['a/index.html']);
    expect(await writer.write(out, same, [])).toEqual({ written: 0, removed: 0, kept: 0 });
  });

  it('lets the last page listed at a path win, as a clean write does, and writes back text that was changed and changed back', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'a.txt': 'one' }), []);
    await writer.write(out, [...pages({ 'a.txt': 'two' }), ...pages({ 'a.txt': 'one' })], []);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('one');
    await writer.write(out, [...pages({ 'a.txt': 'one' }), ...pages({ 'a.txt': 'two' })], []);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('two');
    // Only the first of the two changed: the file must still hold the last one listed.
    await writer.write(out, [...pages({ 'a.txt': 'three' }), ...pages({ 'a.txt': 'two' })], []);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('two');
  });

  it('lets a page win over a static file at the same path, and copies the static file again when the page goes', async () => {
    const source = path.join(work, 'style.css');
    writeFileSync(source, 'body {}');
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'style.css': 'made' }), [{ path: 'style.css', source }]);
    expect(readFileSync(path.join(out, 'style.css'), 'utf8')).toBe('made');
    await writer.write(out, [], [{ path: 'style.css', source }]);
    expect(readFileSync(path.join(out, 'style.css'), 'utf8')).toBe('body {}');
    writeFileSync(source, 'body { color: red }');
    expect((await writer.write(out, [], [{ path: 'style.css', source }])).written).toBe(0);
    writer.staticChanged('style.css');
    expect((await writer.write(out, [], [{ path: 'style.css', source }])).written).toBe(1);
    expect(readFileSync(path.join(out, 'style.css'), 'utf8')).toBe('body { color: red }');
  });

  it('refuses to replace a file it did not write, then writes the whole site again once it is moved', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'a.txt': 'A' }), []);
    mkdirSync(path.join(out, 'b'), { recursive: true });
    writeFileSync(path.join(out, 'b/index.html'), 'mine');
    await expect(writer.write(out, pages({ 'a.txt': 'A2', 'b/index.html': 'B' }), [])).rejects.toThrow(/was not written by Dossier/);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('A');
    rmSync(path.join(out, 'b'), { recursive: true });
    await writer.write(out, pages({ 'a.txt': 'A2', 'b/index.html': 'B' }), []);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('A2');
    expect(manifestFiles()).toEqual(['a.txt', 'b/index.html']);
    // The write after the failure started from scratch; the next one goes back to changed files only.
    expect(await writer.write(out, pages({ 'a.txt': 'A2', 'b/index.html': 'B' }), [])).toEqual({ written: 0, removed: 0, kept: 0 });
  });
  it('writes only the changed page when the paths are last write\'s, and takes the same paths in another order for what they are', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, pages({ 'a.txt': 'A', 'b.txt': 'B', 'c.txt': 'C' }), []);
    expect(await writer.write(out, pages({ 'a.txt': 'A', 'b.txt': 'B2', 'c.txt': 'C' }), [])).toEqual({ written: 1, removed: 0, kept: 0 });
    expect(readFileSync(path.join(out, 'b.txt'), 'utf8')).toBe('B2');
    // Same paths, other order: each file keeps its own text (comparing by position alone would cross them).
    expect(await writer.write(out, pages({ 'c.txt': 'C', 'b.txt': 'B2', 'a.txt': 'A' }), [])).toEqual({ written: 0, removed: 0, kept: 0 });
    await writer.write(out, pages({ 'b.txt': 'B3', 'c.txt': 'C', 'a.txt': 'A' }), []);
    expect(['a.txt', 'b.txt', 'c.txt'].map((file) => readFileSync(path.join(out, file), 'utf8'))).toEqual(['A', 'B3', 'C']);
    expect(manifestFiles()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('knows a numbered page by its number, and leaves a page made again with the same bytes alone', async () => {
    const writer = new ChangedFilesWriter();
    await writer.write(out, [{ path: 'a.html', content: { serial: 1, text: 'A' } }, { path: 'b.html', content: { serial: 2, text: 'B' } }], []);
    expect(writer.holds('a.html', 1)).toBe(true);
    expect(writer.holds('a.html', 2)).toBe(false);
    // a: reused by number; b: made again (a new number) with the same bytes.
    expect(await writer.write(out, [{ path: 'a.html', content: { serial: 1, text: null } }, { path: 'b.html', content: { serial: 3, text: 'B' } }], [])).toEqual({ written: 0, removed: 0, kept: 0 });
    expect(writer.holds('b.html', 3)).toBe(true);
    expect(await writer.write(out, [{ path: 'a.html', content: { serial: 4, text: 'A2' } }, { path: 'b.html', content: { serial: 3, text: null } }], [])).toEqual({ written: 1, removed: 0, kept: 0 });
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('A2');
    // A number the file does not hold is a bug in the caller: the writer refuses rather than leave a stale page.
    await expect(writer.write(out, [{ path: 'a.html', content: { serial: 1, text: null } }], [])).rejects.toThrow(/not on disk/);
  });

  it('writes a data export again from the records it changed, copying the others from the file on disk', async () => {
    const writer = new ChangedFilesWriter();
    const exported = (...parts: Array<string | Numbered>): Page => ({ path: 'data/x.json', content: { chunks: () => parts.map((part) => (typeof part === 'string' ? part : part.text!)), parts: () => parts } });
    const record = (serial: number, text: string | null): Numbered => ({ serial, text });
    // Two bytes a character in places, so byte offsets and string lengths differ.
    await writer.write(out, [exported('[', record(1, '"é1"'), ',', record(2, '"two"'), ',', record(3, '"3"'), ']\n')], []);
    const file = () => readFileSync(path.join(out, 'data/x.json'), 'utf8');
    expect(file()).toBe('["é1","two","3"]\n');
    expect(writer.holds('data/x.json', 2)).toBe(true);
    // Nothing new: nothing written.
    expect(await writer.write(out, [exported('[', record(1, null), ',', record(2, null), ',', record(3, null), ']\n')], [])).toEqual({ written: 0, removed: 0, kept: 0 });
    // One record changed, one removed, one added, the order changed.
    await writer.write(out, [exported('[', record(3, null), ',', record(4, '"ünf"'), ',', record(1, null), ',', record(5, '"new"'), ']\n')], []);
    expect(file()).toBe('["3","ünf","é1","new"]\n');
    expect(writer.holds('data/x.json', 2)).toBe(false);
    await writer.write(out, [exported('[', record(3, null), ',', record(4, null), ',', record(1, null), ',', record(5, null), ',', record(6, '"6"'), ']\n')], []);
    expect(file()).toBe('["3","ünf","é1","new","6"]\n');
    expect(JSON.parse(file())).toEqual(['3', 'ünf', 'é1', 'new', '6']);
  });
});
