/** The render memo's comparison of inputs, and pages made from their variables alone (`renderPage`) in a watch session. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderMemo, sameValue } from '../src/dev/renderMemo.js';
import { createEnvironment } from '../src/render/environment.js';
import { renderPage, type RenderContext } from '../src/render/renderContext.js';
import type { Archive } from '../src/link/archive.js';
import type { Config } from '../src/config.js';
import { tempDir } from './helpers/project.js';

function templates(): string {
  const dir = tempDir('dossier-memo-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'page.njk'), '<h1>{{ title }}</h1>{% for item in items %}<p>{{ item.name }}</p>{% endfor %}\n');
  return dir;
}

describe('sameValue', () => {
  it('compares plain data by content, in key order, and everything else by identity', () => {
    const shared = { a: 1 };
    expect(sameValue({ a: [1, 'x', null], b: { c: true } }, { a: [1, 'x', null], b: { c: true } })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false); // a template may loop over keys
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(false);
    expect(sameValue(shared, shared)).toBe(true);
    expect(sameValue(() => 1, () => 1)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(false); // errs on the side of a render
    expect(sameValue([1], { 0: 1, length: 1 })).toBe(false);
  });
});

describe('renderPage in a watch session', () => {
  it('reuses a page whose variables are the same, and renders it again when they differ', () => {
    const onDisk = new Map<string, number>();
    const memo = new RenderMemo({ holds: (file, serial) => onDisk.get(file) === serial });
    const config = { templates: templates(), portable: false, baseUrl: null, title: 'T', description: '', language: 'en' } as unknown as Config;
    const ctx: RenderContext = { archive: {} as Archive, config, env: memo.wrap(createEnvironment(config)), nav: [], reuse: memo };
    const page = (url: string, items: Array<{ name: string }>) => {
      const made = renderPage(ctx, 'page.njk', url, { title: 'One', items });
      const content = made.content as { serial: number; text: string | null };
      if (content.text !== null) onDisk.set(made.path, content.serial);
      return content;
    };
    const first = page('a/', [{ name: 'x' }]);
    expect(first.text).toContain('<p>x</p>');
    expect(page('a/', [{ name: 'x' }])).toEqual({ serial: first.serial, text: null });
    expect(memo.counts).toEqual({ rendered: 1, reused: 1 });
    expect(page('a/', [{ name: 'y' }]).text).toContain('<p>y</p>');
    // Another URL is another page.
    expect(page('b/', [{ name: 'x' }]).text).toContain('<p>x</p>');
    expect(memo.counts).toEqual({ rendered: 3, reused: 1 });
  });
});

describe('a group of pages in a watch session', () => {
  it('keeps all its pages without making them while its inputs are the same, and makes them again when they change or a page is no longer on disk', () => {
    const onDisk = new Map<string, number>();
    const memo = new RenderMemo({ holds: (file, serial) => onDisk.get(file) === serial });
    let calls = 0;
    const pagesOf = (name: string) => () => {
      calls++;
      return ['p1', 'p2'].map((page) => ({ path: `${page}.html`, content: memo.made(`${page}.html`, page, [name, page], () => `${name} ${page}`) }));
    };
    const build = (name: string, record: object) => {
      memo.resetCounts();
      const pages = [...memo.pages('group', [record], pagesOf(name))];
      for (const page of pages) {
        const content = page.content as { serial: number; text: string | null };
        if (content.text !== null) onDisk.set(page.path, content.serial);
      }
      return pages.map((page) => (page.content as { text: string | null }).text);
    };
    const record = { name: 'x' };
    expect(build('x', record)).toEqual(['x p1', 'x p2']);
    expect(calls).toBe(1);
    // The same inputs: last build's pages by number, `make` never called.
    expect(build('x', record)).toEqual([null, null]);
    expect(calls).toBe(1);
    expect(memo.counts).toEqual({ rendered: 0, reused: 2 });
    // Equal by content counts as the same.
    expect(build('x', { name: 'x' })).toEqual([null, null]);
    expect(calls).toBe(1);
    // Different inputs: made again (each page still reused on its own inputs when they are the same).
    expect(build('y', { name: 'y' })).toEqual(['y p1', 'y p2']);
    expect(calls).toBe(2);
    // A page that is no longer on disk as made: the group is made again.
    onDisk.delete('p2.html');
    expect(build('y', { name: 'y' })).toEqual([null, 'y p2']);
    expect(calls).toBe(3);
  });
});
