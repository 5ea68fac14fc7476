/**
 * A watch rebuild writes the article pages it changed as soon as they are made, before the rest of
 * the build (see `EarlyWrites`): these tests check that such a page is on disk before `finish`,
 * that the build still lists and counts it, and that a build failing after it puts it back, so the
 * last good site stays whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevSession } from '../src/dev/devSession.js';
import { EARLY_WRITES_MOST } from '../src/dev/earlyWrites.js';
import { ChangedFilesWriter, type Unlisted } from '../src/dev/writeChanged.js';
import type { Page } from '../src/render/page.js';
import { groupKey } from '../src/render/renderContext.js';
import { cleanBuildSnapshot, differences, snapshotTree, tempProject } from './helpers/devProject.js';

let work: string;
let out: string;
let session: DevSession | null = null;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'dossier-early-writes-'));
  out = path.join(work, 'site');
});
afterEach(async () => {
  await session?.close();
  session = null;
  rmSync(work, { recursive: true, force: true });
});

/** A write that keeps the groups it is not given, as a watch rebuild that lists only what an edit touched. */
const KEEP_OTHERS: Unlisted = { otherGroups: () => 'kept', looseGoes: () => false };

let serial = 1_000_000;
/** A page of the group `group` with new text, numbered as a watch session numbers it. */
const page = (file: string, group: string, text: string): Page => ({ path: file, content: { serial: ++serial, text }, group });
const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');

describe('early writes', () => {
  it('writes an article page as it is handed over, not an entity page, and counts it once at finish', async () => {
    const writer = new ChangedFilesWriter();
    const article = groupKey('article', 'a');
    const entity = groupKey('entity', 'x');
    await writer.write(out, [page('articles/a/index.html', article, 'A1'), page('entities/x/index.html', entity, 'X1')], []);
    const build = writer.start(out, false, KEEP_OTHERS);
    const edited = page('articles/a/index.html', article, 'A2');
    // A page changed on disk: the stream is given a turn of the event loop, so the server can hand it out before the rest is made.
    expect(build.add(edited)).toBeInstanceOf(Promise);
    expect(build.add(page('entities/x/index.html', entity, 'X2'))).toBeUndefined();
    expect(read('articles/a/index.html')).toBe('A2');
    expect(read('entities/x/index.html')).toBe('X1');
    expect(writer.holds('articles/a/index.html', (edited.content as { serial: number }).serial)).toBe(true);
    expect(await build.finish([])).toEqual({ written: 2, removed: 0, kept: 0 });
    expect(read('entities/x/index.html')).toBe('X2');
  });

  it('puts the pages written early back, bytes and all, when the build fails after them', async () => {
    const writer = new ChangedFilesWriter();
    const first = page('articles/a/index.html', groupKey('article', 'a'), 'A1');
    await writer.write(out, [first, page('articles/b/index.html', groupKey('article', 'b'), 'B1')], []);
    const build = writer.start(out, false, KEEP_OTHERS);
    const edited = page('articles/a/index.html', groupKey('article', 'a'), 'A2');
    build.add(edited);
    // Unchanged bytes under a new number: nothing to put back, and the file holds either text.
    build.add(page('articles/b/index.html', groupKey('article', 'b'), 'B1'));
    expect(read('articles/a/index.html')).toBe('A2');
    await build.abandon();
    expect(read('articles/a/index.html')).toBe('A1');
    expect(read('articles/b/index.html')).toBe('B1');
    // The writer knows the old text is on disk again, so a render reuses it and never the text of the failed build.
    expect(writer.holds('articles/a/index.html', (first.content as { serial: number }).serial)).toBe(true);
    expect(writer.holds('articles/a/index.html', (edited.content as { serial: number }).serial)).toBe(false);
  });

  it('leaves a new page, and the pages past the most written early, to finish', async () => {
    const writer = new ChangedFilesWriter();
    const ids = Array.from({ length: EARLY_WRITES_MOST + 2 }, (_, i) => `a${i}`);
    await writer.write(out, ids.map((id) => page(`articles/${id}/index.html`, groupKey('article', id), 'old')), []);
    const build = writer.start(out, false, KEEP_OTHERS);
    for (const id of ids) build.add(page(`articles/${id}/index.html`, groupKey('article', id), 'new'));
    build.add(page('articles/added/index.html', groupKey('article', 'added'), 'added'));
    expect(read(`articles/${ids[0]}/index.html`)).toBe('new');
    expect(read(`articles/${ids.at(-1)}/index.html`)).toBe('old');
    expect(() => read('articles/added/index.html')).toThrow();
    expect(await build.finish([])).toEqual({ written: ids.length + 1, removed: 0, kept: 0 });
    expect(ids.map((id) => read(`articles/${id}/index.html`))).toEqual(ids.map(() => 'new'));
    expect(read('articles/added/index.html')).toBe('added');
  });

  it('leaves the last good site whole when an entity page fails after the edited article page was written', async () => {
    const config = tempProject();
    // An entity page that fails once it lists an article whose title says BOOM: the article's own page is made (and written) first.
    const template = path.join(config.templates, 'entity.njk');
    writeFileSync(template, readFileSync(template, 'utf8').replace('{% for item in appearances %}', '{% for item in appearances %}{% if "BOOM" in item.article.title %}{{ boom() }}{% endif %}'));
    const source = path.join(config.input, 'quiet-story.md');
    const text = '---\ntitle: A quiet story\nslug: quiet-story\ndate: 2024-05-21\n---\n\nEbrahim Raisi met Matthew Miller in Tehran.\n';
    writeFileSync(source, text);
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, search: false, write: () => {} });
    expect(session.status.ok).toBe(true);
    const lastGood = snapshotTree(config.output);
    expect(lastGood.get('articles/quiet-story/index.html')).toContain('A quiet story');
    writeFileSync(source, text.replace('A quiet story', 'A BOOM story'));
    session.changed({ kind: 'article', path: 'quiet-story.md' });
    await session.idle();
    expect(session.status.ok).toBe(false);
    expect(differences(snapshotTree(config.output), lastGood)).toEqual([]);
    // Fixed: the next build writes the page again (its text was put back, so it is not taken as on disk).
    writeFileSync(source, text.replace('A quiet story', 'A calmer story'));
    session.changed({ kind: 'article', path: 'quiet-story.md' });
    await session.idle();
    expect(session.status.ok).toBe(true);
    expect(readFileSync(path.join(config.output, 'articles/quiet-story/index.html'), 'utf8')).toContain('A calmer story');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config, { search: false }))!)).toEqual([]);
  });
});
