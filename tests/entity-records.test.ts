/**
 * A watch session's entity records (`EntityRecords`), counted again by the articles an edit changed:
 * each build must give the records a fresh count of the same articles gives, and keep the very
 * record of an entity whose mentions the edit left alone.
 */
import { describe, expect, it } from 'vitest';
import { EntityRecords } from '../src/extract/entities/entityRecords.js';
import type { EntityGroup } from '../src/extract/entities/resolve.js';
import type { Article, Mention } from '../src/types.js';

const group = (id: string): EntityGroup => ({ id, name: id.toUpperCase(), type: 'person', keys: [id], registry: null });
const groups = ['x', 'y'].map(group);
const article = (id: string, date: string, title = id) => ({ id, date, title }) as unknown as Article;
const mention = (articleId: string, entityId: string, surface: string): Mention => ({ articleId, entityId, surface, blockAnchor: 'p-1', start: 0, end: 1 });

/** Records of `articles` (each with its mentions) from a kept `EntityRecords`, checked against a fresh one. */
function recordsOf(kept: EntityRecords, articles: Array<[Article, Mention[]]>) {
  const mentionsOf = new Map(articles);
  const of = (records: EntityRecords) => records.entities(articles.map(([a]) => a), (a) => mentionsOf.get(a)!, groups, () => undefined);
  const warm = of(kept);
  expect(warm).toEqual(of(new EntityRecords()));
  return warm;
}

describe('EntityRecords across edits', () => {
  it('keeps the records an edit left alone, and follows a new surface, a new count and a new place in the listing', () => {
    const kept = new EntityRecords();
    const [a, b] = [article('a', '2005-01-01'), article('b', '2005-02-01')];
    const first = recordsOf(kept, [[a, [mention('a', 'x', 'Ex'), mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(first.find((e) => e.id === 'x')!.articles).toEqual(['b', 'a']);
    // a edited (a new record, new lists) naming the same entities the same way: the same records.
    const same = recordsOf(kept, [[article('a', '2005-01-01'), [mention('a', 'x', 'Ex'), mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(same[0]).toBe(first[0]);
    expect(same[1]).toBe(first[1]);
    // As many mentions of x, another surface: a new alias.
    const surface = recordsOf(kept, [[article('a', '2005-01-01'), [mention('a', 'x', 'Eks'), mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(surface.find((e) => e.id === 'x')!.aliases).toContain('Eks');
    expect(surface.find((e) => e.id === 'y')).toBe(first[1]);
    // One more mention of y.
    recordsOf(kept, [[article('a', '2005-01-01'), [mention('a', 'x', 'Eks'), mention('a', 'y', 'Why'), mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    // The same mentions, a later date: a goes before b on x's list.
    const later = recordsOf(kept, [[article('a', '2005-03-01'), [mention('a', 'x', 'Eks'), mention('a', 'y', 'Why'), mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(later.find((e) => e.id === 'x')!.articles).toEqual(['a', 'b']);
    // The same date as b: by title.
    recordsOf(kept, [[article('a', '2005-02-01', 'z'), [mention('a', 'x', 'Eks')]], [b, [mention('b', 'x', 'Ex')]]]);
    const tied = recordsOf(kept, [[article('a', '2005-02-01', 'a'), [mention('a', 'x', 'Eks')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(tied.find((e) => e.id === 'x')!.articles).toEqual(['a', 'b']);
    // a stops naming x, then is gone.
    recordsOf(kept, [[article('a', '2005-02-01', 'a'), [mention('a', 'y', 'Why')]], [b, [mention('b', 'x', 'Ex')]]]);
    expect(recordsOf(kept, [[b, [mention('b', 'x', 'Ex')]]]).map((e) => e.id)).toEqual(['x']);
  });
});
