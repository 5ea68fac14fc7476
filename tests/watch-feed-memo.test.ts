// A watch session keeps each entity's feed articles from build to build (see `feedOfEntity` in
// src/publish/feeds.ts): reused only when the entity's ids lead to the very same article records.
import { describe, expect, it } from 'vitest';
import type { Archive } from '../src/link/archive.js';
import { entityFeedArticles } from '../src/publish/feeds.js';
import type { Article } from '../src/types.js';

const article = (id: string, date: string | null, title = id): Article => ({ id, date, title }) as unknown as Article;

/** Just what the feed articles are made from: the entities, the entities each article names and the articles by id. */
function archiveOf(articles: Article[], entities: Array<{ id: string; articles: string[] }>): Archive {
  return { entities, entityIndex: { named: new Map() }, articleById: new Map(articles.map((a) => [a.id, a])) } as unknown as Archive;
}

describe('entity feed articles in a watch session', () => {
  it('hands back the same list for the same records, and makes it again when one of them changed', () => {
    const entity = { id: 'e', articles: ['a', 'b'] };
    const [a, b] = [article('a', '2024-01-01'), article('b', '2024-02-01')];
    const first = entityFeedArticles(archiveOf([a, b], [entity]), true).get('e')!;
    expect(first.map((x) => x.id)).toEqual(['b', 'a']);
    expect(entityFeedArticles(archiveOf([a, b], [entity]), true).get('e')).toBe(first);
    // The same entity record and ids, but article a edited to a later date: the order changes.
    const later = article('a', '2024-03-01');
    expect(entityFeedArticles(archiveOf([later, b], [entity]), true).get('e')!.map((x) => x.id)).toEqual(['a', 'b']);
    // And undated: no feed at all.
    expect(entityFeedArticles(archiveOf([article('a', null), article('b', null)], [entity]), true).has('e')).toBe(false);
    expect(entityFeedArticles(archiveOf([a, b], [entity]), true).get('e')!.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('puts an edited record in the place of the old one when it sorts the same, and sorts again when it does not', () => {
    const entity = { id: 'e', articles: ['a', 'b', 'c'] };
    const [a, b, c] = [article('a', '2024-01-01'), article('b', '2024-02-01'), article('c', '2024-02-01', 'c title')];
    expect(entityFeedArticles(archiveOf([a, b, c], [entity]), true).get('e')!.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    // A new record of b with the same date and title: the order holds, with the new record in it.
    const edited = article('b', '2024-02-01');
    const feed = entityFeedArticles(archiveOf([a, edited, c], [entity]), true).get('e')!;
    expect(feed.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(feed[0]).toBe(edited);
    // A new title that sorts after c's on the same date, then a new date: sorted again.
    expect(entityFeedArticles(archiveOf([a, article('b', '2024-02-01', 'zz'), c], [entity]), true).get('e')!.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(entityFeedArticles(archiveOf([a, article('b', '2023-01-01', 'zz'), c], [entity]), true).get('e')!.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('checks the articles of an entity once per archive, however many of its pages ask', () => {
    const entity = { id: 'e', articles: ['a', 'b'] };
    const [a, b] = [article('a', '2024-01-01'), article('b', '2024-02-01')];
    entityFeedArticles(archiveOf([a, b], [entity]), true);
    const archive = archiveOf([a, b], [entity]);
    // Lookups counted on the map the check walks.
    let lookups = 0;
    const get = archive.articleById.get.bind(archive.articleById);
    archive.articleById.get = (id: string) => (lookups++, get(id));
    const first = entityFeedArticles(archive, true).get('e');
    const counted = lookups;
    expect(counted).toBeGreaterThan(0);
    // Each page of the entity asks again in the same archive: the answer of the first ask holds.
    for (let i = 0; i < 3; i++) expect(entityFeedArticles(archive, true).get('e')).toBe(first);
    expect(lookups).toBe(counted);
  });
});
