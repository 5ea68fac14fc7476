import { describe, expect, it } from 'vitest';
import { ArticleChangeLog } from '../src/link/articleChanges.js';
import type { Article } from '../src/types.js';

const record = (id: string, title: string) => ({ id, title }) as unknown as Article;

describe('the log of what each watch build changed of the articles', () => {
  it('merges the builds since a version, keeping the earliest record of each article', () => {
    const log = new ArticleChangeLog();
    const first = log.add(null);
    const a1 = record('a', 'one');
    const a2 = record('a', 'two');
    const second = log.add({ records: new Map([['a', a1]]), pages: new Set(['b']) });
    const third = log.add({ records: new Map<string, Article | undefined>([['a', a2], ['c', undefined]]), pages: new Set(['d']) });
    // A render that last wrote the first build's site (the second failed after linking) sees both builds' changes.
    const since = log.between(first, third)!;
    expect([...since.records]).toEqual([['a', a1], ['c', undefined]]);
    expect([...since.pages].sort()).toEqual(['b', 'd']);
    expect([...log.between(second, third)!.records]).toEqual([['a', a2], ['c', undefined]]);
    expect(log.between(third, third)!.records.size).toBe(0);
  });

  it('cannot tell across a build that changed everything, nor from a version it no longer holds', () => {
    const log = new ArticleChangeLog();
    const first = log.add({ records: new Map(), pages: new Set() });
    const whole = log.add(null);
    const next = log.add({ records: new Map(), pages: new Set(['x']) });
    expect(log.between(first, next)).toBeNull();
    expect(log.between(whole, next)).not.toBeNull();
    let last = next;
    for (let i = 0; i < 40; i++) last = log.add({ records: new Map(), pages: new Set() });
    expect(log.between(next, last)).toBeNull();
    expect(log.between(last - 3, last)).not.toBeNull();
  });
});
