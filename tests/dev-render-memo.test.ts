/** The render memo: a page is reused only when its template, variables and archive-reading filters give the same. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderMemo, sameValue } from '../src/dev/renderMemo.js';
import { createEnvironment } from '../src/render/environment.js';
import { tempDir } from './helpers/project.js';

function templates(): string {
  const dir = tempDir('dossier-memo-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'page.njk'), '<h1>{{ title }}</h1>{% for item in items %}<p>{{ item.name }}</p>{% endfor %}<i>{{ title | tag }}</i>\n');
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

describe('RenderMemo', () => {
  it('reuses a page whose variables are the same, and renders it again when they differ', () => {
    const memo = new RenderMemo();
    const env = memo.wrap(createEnvironment({ templates: templates(), portable: false, baseUrl: null }));
    env.addFilter('tag', (title: string) => `#${title}`);
    const first = env.render('page.njk', { url: 'a/', title: 'One', items: [{ name: 'x' }] });
    expect(env.render('page.njk', { url: 'a/', title: 'One', items: [{ name: 'x' }] })).toBe(first);
    expect(memo.counts).toEqual({ rendered: 1, reused: 1 });
    expect(env.render('page.njk', { url: 'a/', title: 'One', items: [{ name: 'y' }] })).toContain('<p>y</p>');
    expect(env.render('page.njk', { url: 'b/', title: 'One', items: [{ name: 'x' }] })).toBe(first);
    expect(memo.counts).toEqual({ rendered: 3, reused: 1 });
  });

  it('renders again when a filter added per build answers differently for the same arguments', () => {
    const memo = new RenderMemo();
    const env = memo.wrap(createEnvironment({ templates: templates(), portable: false, baseUrl: null }));
    const vars = { url: 'a/', title: 'One', items: [] };
    // The filter reads something beyond its argument (as the publishing filters read the archive).
    let archiveSays = 'old';
    env.addFilter('tag', () => archiveSays);
    expect(env.render('page.njk', vars)).toContain('<i>old</i>');
    expect(env.render('page.njk', vars)).toContain('<i>old</i>');
    expect(memo.counts.reused).toBe(1);
    archiveSays = 'new';
    expect(env.render('page.njk', vars)).toContain('<i>new</i>');
    // A new build adds a new version of the filter: its answers are what count.
    env.addFilter('tag', () => 'rebuilt');
    expect(env.render('page.njk', vars)).toContain('<i>rebuilt</i>');
  });

  it('forgets everything on clear (a template changed)', () => {
    const dir = templates();
    const memo = new RenderMemo();
    const env = memo.wrap(createEnvironment({ templates: dir, portable: false, baseUrl: null }));
    env.addFilter('tag', (title: string) => title);
    env.render('page.njk', { url: 'a/', title: 'One', items: [] });
    memo.clear();
    env.render('page.njk', { url: 'a/', title: 'One', items: [] });
    expect(memo.counts).toEqual({ rendered: 2, reused: 0 });
  });
});
