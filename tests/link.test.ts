import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY, EntityMemo, extractEntities } from '../src/extract/entities/index.js';
import { buildArchive } from '../src/link/buildArchive.js';
import { LinkMemo } from '../src/link/linkEntities.js';
import { changedKeys } from '../src/link/lists.js';
import { articleFromText } from './helpers/article-fixture.js';
import type { Article } from '../src/types.js';
import { comparableIndex } from './helpers/comparable-index.js';

function article(id: string, date: string | null, title = id): Article {
  return {
    id, slug: id, url: `articles/${id}/`, sourcePath: `${id}.md`, format: 'markdown', contentHash: id, title, titleSource: 'front-matter',
    date, datePrecision: date ? (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year') : null, dateSource: date ? 'front-matter' : 'unknown',
    outlet: null, originalUrl: null, author: null, summary: '', blocks: [], sections: [], removed: [], wordCount: 0, readingMinutes: 1, extra: {},
  };
}

describe('linking the archive', () => {
  it('orders newest first, undated last, ties by title, whatever the input order', () => {
    const input = [article('c', null, 'Zulu'), article('a', '2024-01-30'), article('b', '2024-05'), article('d', null, 'Alpha'), article('e', '2020')];
    const ids = buildArchive(input).articles.map((a) => a.id);
    expect(ids).toEqual(['b', 'a', 'e', 'd', 'c']);
    expect(buildArchive([...input].reverse()).articles.map((a) => a.id)).toEqual(ids);
  });

  it('links each article to the next older and newer one', () => {
    const archive = buildArchive([article('old', '2020-01-01'), article('new', '2024-01-01'), article('mid', '2022-01-01')]);
    expect(archive.neighbours.get('mid')).toEqual({ previous: expect.objectContaining({ id: 'old' }), next: expect.objectContaining({ id: 'new' }) });
    expect(archive.neighbours.get('new')?.next).toBeNull();
    expect(archive.neighbours.get('old')?.previous).toBeNull();
  });

  it('links entities the same with a watch session’s memo, and keeps its sentence records between builds', () => {
    const memo = new LinkMemo();
    const texts = ['In London, Tony Blair met Gordon Brown. Later Blair left.', 'Mr Blair and Mr Brown spoke in London. Brown stayed.'];
    const articles = texts.map((text, i) => articleFromText(text, { id: `a${i}`, date: `2005-0${i + 1}-01` }));
    const { entities, mentions } = extractEntities(articles, EMPTY_REGISTRY);
    const plain = buildArchive(articles, { entities, mentions, events: [] });
    const first = buildArchive(articles, { entities, mentions, events: [] }, memo);
    const second = buildArchive(articles, { entities, mentions, events: [] }, memo);
    expect(comparableIndex(first.entityIndex)).toEqual(comparableIndex(plain.entityIndex));
    expect(comparableIndex(second.entityIndex)).toEqual(comparableIndex(plain.entityIndex));
    const sentence = (archive: typeof plain) => archive.entityIndex.appearances.get('tony-blair')?.[0]?.sentences[0];
    expect(sentence(plain)).toBeDefined();
    expect(sentence(second)).toBe(sentence(first));
  });
  it('lists related articles and appearances the same with a memo after edits, deletions and additions, reusing unchanged lists', () => {
    const memo = new LinkMemo();
    const entityMemo = new EntityMemo();
    const make = (id: string, text: string, month: number) => articleFromText(text, { id, date: `2005-0${month}-01` });
    let articles = [
      make('a', 'In London, Tony Blair met Gordon Brown and Angela Merkel.', 1),
      make('b', 'Tony Blair and Gordon Brown spoke in Paris.', 2),
      make('c', 'Angela Merkel visited Paris with Gordon Brown.', 3),
      make('d', 'Angela Merkel and Tony Blair met in Berlin.', 4),
    ];
    const both = () => {
      const extracted = { ...extractEntities(articles, EMPTY_REGISTRY, entityMemo), events: [] };
      const warm = buildArchive(articles, extracted, memo);
      expect(comparableIndex(warm.entityIndex)).toEqual(comparableIndex(buildArchive(articles, extracted).entityIndex));
      return warm;
    };
    const first = both();
    expect(first.entityIndex.related.get('a')?.length).toBeGreaterThan(0);
    const second = both();
    expect(second.entityIndex.related.get('a')).toBe(first.entityIndex.related.get('a'));
    expect(second.entityIndex.appearances.get('tony-blair')?.[0]).toBe(first.entityIndex.appearances.get('tony-blair')?.[0]);
    articles = [articles[0]!, make('b', 'Tony Blair spoke in Berlin with Angela Merkel.', 2), articles[2]!, articles[3]!];
    both();
    articles = articles.filter((article) => article.id !== 'c');
    both();
    articles = [...articles, make('e', 'Gordon Brown and Angela Merkel in London.', 5)];
    both();
  });
});

describe('changedKeys', () => {
  it('names the keys added, gone or holding another value, whatever else changed with them', () => {
    const [one, two, three] = [{ v: 1 }, { v: 2 }, { v: 3 }];
    const before = new Map([['a', one], ['b', two], ['c', three]]);
    expect(changedKeys(before, before)).toEqual([]);
    expect(changedKeys(before, new Map(before))).toEqual([]);
    expect(changedKeys(before, new Map([['a', one], ['b', { v: 2 }], ['c', three]]))).toEqual(['b']);
    // One added and one gone: the sizes match, the gone one is still found.
    expect(changedKeys(before, new Map([['a', one], ['b', two], ['d', three]])).sort()).toEqual(['c', 'd']);
    expect(changedKeys(before, new Map([['a', one]])).sort()).toEqual(['b', 'c']);
    expect(changedKeys(new Map(), before).sort()).toEqual(['a', 'b', 'c']);
  });
});
