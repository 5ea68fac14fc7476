/**
 * A watch session's read stage lists the input folder only when an event may have changed the list
 * of files (`IncrementalSteps.read`): saves of known files reuse the last listing; a file that came,
 * went or was reported without saying how, or a watcher error, makes the next read list again.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IncrementalSteps, type Change } from '../src/dev/incrementalSteps.js';
import { watchFiles } from '../src/dev/watchFiles.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function input(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-listing-'));
  folders.push(dir);
  mkdirSync(path.join(dir, '2024'));
  writeFileSync(path.join(dir, '2024', 'a.md'), '# A\n\nOne.\n');
  writeFileSync(path.join(dir, 'b.md'), '# B\n\nTwo.\n');
  return dir;
}

const paths = (steps: IncrementalSteps, dir: string) => steps.read(dir, dir).sources.map((source) => source.relativePath);

describe('the read stage of a watch session', () => {
  it('reuses the listing while every change is new contents of a listed file', () => {
    const dir = input();
    const steps = new IncrementalSteps();
    expect(paths(steps, dir)).toEqual(['2024/a.md', 'b.md']);
    // A file the watcher has not reported yet is not looked for: the listing is the last one.
    writeFileSync(path.join(dir, 'c.md'), '# C\n\nThree.\n');
    writeFileSync(path.join(dir, 'b.md'), '# B\n\nTwo, edited.\n');
    steps.noteChange({ kind: 'article', path: 'b.md', contentsOnly: true });
    const read = steps.read(dir, dir);
    expect(read.sources.map((source) => source.relativePath)).toEqual(['2024/a.md', 'b.md']);
    expect(read.sources[1]!.text).toContain('edited');
    expect(steps.counts.read).toBe(1);
    // Its event comes: listed again.
    steps.noteChange({ kind: 'article', path: 'c.md' });
    expect(paths(steps, dir)).toEqual(['2024/a.md', 'b.md', 'c.md']);
  });

  it('lists again after a change that does not say it is new contents, for a file not listed, and after a watcher error', () => {
    const dir = input();
    const steps = new IncrementalSteps();
    paths(steps, dir);
    unlinkSync(path.join(dir, 'b.md'));
    steps.noteChange({ kind: 'article', path: 'b.md' });
    expect(paths(steps, dir)).toEqual(['2024/a.md']);
    // Reported as new contents, but not a file of the last listing.
    writeFileSync(path.join(dir, 'b.md'), '# B\n\nBack.\n');
    steps.noteChange({ kind: 'article', path: 'b.md', contentsOnly: true });
    expect(paths(steps, dir)).toEqual(['2024/a.md', 'b.md']);
    // The watcher lost events: whatever it says next, the folder is listed.
    writeFileSync(path.join(dir, 'd.md'), '# D\n\nFour.\n');
    steps.forgetListing();
    steps.noteChange({ kind: 'article', path: 'b.md', contentsOnly: true });
    expect(paths(steps, dir)).toEqual(['2024/a.md', 'b.md', 'd.md']);
  });

  it('lists again when a file saved is gone by the time it is read', () => {
    const dir = input();
    const steps = new IncrementalSteps();
    paths(steps, dir);
    steps.noteChange({ kind: 'article', path: 'b.md', contentsOnly: true });
    unlinkSync(path.join(dir, 'b.md'));
    expect(paths(steps, dir)).toEqual(['2024/a.md']);
  });

  it('is told by the watcher which events are new contents of a file', async () => {
    const dir = input();
    const [templates, pub] = ['templates', 'public'].map((name) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), `dossier-${name}-`));
      folders.push(folder);
      return folder;
    });
    const seen: Change[] = [];
    const watcher = await watchFiles({ input: dir, templates: templates!, public: pub!, configFile: null }, (change) => seen.push(change), () => undefined);
    const waitFor = async (test: () => boolean) => {
      for (let i = 0; i < 500 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      writeFileSync(path.join(dir, 'b.md'), '# B\n\nSaved.\n');
      await waitFor(() => seen.some((change) => change.path === 'b.md'));
      writeFileSync(path.join(dir, 'new.md'), '# New\n');
      await waitFor(() => seen.some((change) => change.path === 'new.md'));
      unlinkSync(path.join(dir, '2024', 'a.md'));
      await waitFor(() => seen.some((change) => change.path === '2024/a.md'));
    } finally {
      await watcher.close();
    }
    const of = (file: string) => seen.find((change) => change.path === file) as { contentsOnly?: boolean } | undefined;
    expect(of('b.md')?.contentsOnly).toBe(true);
    expect(of('new.md')).toBeDefined();
    expect(of('new.md')?.contentsOnly).toBeUndefined();
    expect(of('2024/a.md')?.contentsOnly).toBeUndefined();
  });
});
