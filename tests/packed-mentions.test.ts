/**
 * A cold build's mentions, packed (`PackedMentions`): read back an article at a time, every field as
 * it was given, and the same to every stage that reads them as the plain list they replace.
 */
import { describe, expect, it } from 'vitest';
import { groupMentions, mentionsByArticle, PackedMentions } from '../src/extract/entities/packedMentions.js';
import { knownOfList } from '../src/link/knownMentions.js';
import type { Article, Entity, Mention } from '../src/types.js';

const mention = (articleId: string, entityId: string, start: number, blockAnchor = 'p-1'): Mention => ({ entityId, articleId, blockAnchor, surface: entityId.toUpperCase(), start, end: start + entityId.length });

const plain: Mention[] = [
  mention('a', 'iran', 0),
  mention('a', 'us', 10, 'p-2'),
  mention('a', 'iran', 20, 'p-2'),
  mention('b', 'un', 5, 'q-1'),
  mention('c', 'iran', 7),
  mention('c', 'nobody', 9),
];

function packed(): PackedMentions {
  const list = new PackedMentions();
  for (const [articleId, own] of groupMentions(plain)) list.push(articleId, own);
  list.push('empty', []);
  return list;
}

describe('packed mentions', () => {
  it('give back every mention, field by field, in order and by article', () => {
    const list = packed();
    expect(list.length).toBe(6);
    expect([...list]).toEqual(plain);
    expect(JSON.parse(JSON.stringify(list))).toEqual(plain);
    expect(list.ofArticle('c')).toEqual(plain.slice(4));
    expect(list.ofArticle('b')).toEqual([plain[3]]);
    // An article with none, or not in the list, has an empty list.
    expect(list.ofArticle('empty')).toEqual([]);
    expect(list.ofArticle('zzz')).toEqual([]);
    expect([...list.byArticle()].map(([id, own]) => [id, own.length])).toEqual([['a', 3], ['b', 1], ['c', 2]]);
    // Each read makes the records afresh: a reader changing one changes nothing kept.
    list.ofArticle('a')[0]!.start = 99;
    expect(list.ofArticle('a')[0]!.start).toBe(0);
  });

  it('refuse more mentions once read by article (each article is added once, whole)', () => {
    const list = packed();
    list.ofArticle('a');
    expect(() => list.push('d', [mention('d', 'iran', 0)])).toThrow(/once they have been read/);
  });

  it('come back the same from their plain tables, as the record cache keeps them', () => {
    const { tables, chunks } = packed().tables();
    const again = PackedMentions.fromTables(structuredClone(tables), structuredClone(chunks));
    expect([...again]).toEqual(plain);
    expect(again.ofArticle('c')).toEqual(plain.slice(4));
    expect(PackedMentions.fromTables({ entityIds: [], anchors: [], surfaces: [], articleIds: [], articleStarts: new Int32Array([0]) }, []).length).toBe(0);
  });

  it('read by the link stage as the plain list is: known entities and articles only', () => {
    const byId = new Map(['iran', 'us', 'un'].map((id) => [id, { id } as Entity]));
    const articleById = new Map(['a', 'c'].map((id) => [id, { id } as Article]));
    const fromPlain = knownOfList(plain, byId, articleById);
    const fromPacked = knownOfList(packed(), byId, articleById);
    expect([...fromPacked]).toEqual([...fromPlain]);
    expect([...fromPacked.keys()]).toEqual(['a', 'c']);
    expect(fromPacked.size).toBe(2);
    expect(fromPacked.get('c')).toEqual([plain[4]]);
    expect(fromPacked.get('b')).toBeUndefined();
    expect(fromPacked.has('a')).toBe(true);
  });

  it('a plain list in any order is grouped by article, its runs joined in order', () => {
    const shuffled = [plain[4]!, plain[0]!, plain[3]!, plain[1]!, plain[5]!, plain[2]!];
    expect([...groupMentions(shuffled)]).toEqual([
      ['c', [plain[4], plain[5]]],
      ['a', [plain[0], plain[1], plain[2]]],
      ['b', [plain[3]]],
    ]);
    expect([...mentionsByArticle(shuffled)].map(([id]) => id)).toEqual(['c', 'a', 'b', 'a', 'c', 'a']);
    expect([...packed()]).toEqual(plain);
  });
});
