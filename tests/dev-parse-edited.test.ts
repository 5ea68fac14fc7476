/**
 * A watch session's read and parse stages after a save take the last build's sources and records
 * and put the saved files in their places (`SavedInPlace.readSaved`, `parseEdited`): each build
 * must give what a cold build of the same files gives, records and diagnostics alike, whether the
 * save took that path or fell back to reading and parsing everything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { resolveConfig } from '../src/config.js';
import { IncrementalSteps } from '../src/dev/incrementalSteps.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const article = (title: string, body: string, extra = '') => `---\ntitle: ${title}\ndate: 2024-03-0${title.length % 9 || 1}\n${extra}---\n\n${body}\n`;

describe('the parse stage of a watch session after a save', () => {
  it('gives the records and diagnostics a cold build gives, through saves that keep, add and drop warnings and change slugs', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-parse-edited-'));
    folders.push(root);
    const input = path.join(root, 'input');
    const write = (file: string, text: string) => writeFileSync(path.join(input, file), text);
    (await import('node:fs')).mkdirSync(input);
    write('a.md', article('Alpha', 'Tony Blair met Gordon Brown in London.'));
    write('b.md', article('Beta', 'Gordon Brown spoke.', 'colour: red\n'));
    write('c.md', article('Gamma', 'London was calm.'));
    const config = resolveConfig(root, { input, output: path.join(root, 'site') });
    const steps = new IncrementalSteps();
    const check = async (saved: string[]) => {
      for (const file of saved) steps.noteChange({ kind: 'article', path: file, contentsOnly: true });
      const warm = await build(config, { cwd: root, steps, write: false, search: false, collectGarbage: false });
      const cold = await build(config, { cwd: root, write: false, search: false });
      // A cold build keeps the bodies on disk until a page asks (see `BodyStore`): the records are compared without them.
      const strip = (result: typeof warm) => ({ diagnostics: result.diagnostics, articles: result.archive?.articles.map((a) => ({ ...a, blocks: undefined })) });
      expect(strip(warm)).toEqual(strip(cold));
      return warm;
    };
    await check([]);
    // A save that changes a body: read and parsed alone.
    write('a.md', article('Alpha', 'Tony Blair met Gordon Brown in London. It rained.'));
    expect((await check(['a.md'])).archive?.articles.find((a) => a.id === 'alpha')?.blocks.length).toBeGreaterThan(0);
    expect(steps.counts.parsed).toBe(1);
    // A save that adds a warning, then one that drops it (the file with one before: everything is parsed again).
    write('c.md', article('Gamma', 'London was calm.', 'colour: blue\n'));
    await check(['c.md']);
    write('c.md', article('Gamma', 'London was calm again.'));
    await check(['c.md']);
    // A save that changes an article's slug, and one of a file that had a warning all along.
    write('a.md', article('Alpha', 'Tony Blair left.', 'slug: first\n'));
    await check(['a.md']);
    write('b.md', article('Beta', 'Gordon Brown spoke twice.', 'colour: red\n'));
    await check(['b.md']);
    write('a.md', article('Alpha', 'Tony Blair came back.', 'slug: first\n'));
    await check(['a.md']);
  });
});
