import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY, extractEntities } from '../src/extract/entities/index.js';
import { buildArchive } from '../src/link/buildArchive.js';
import { LinkMemo } from '../src/link/linkEntities.js';
import { articleFromText } from './helpers/article-fixture.js';
import type { Article } from '../src/types.js';

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
    expect(first.entityIndex).toEqual(plain.entityIndex);
    expect(second.entityIndex).toEqual(plain.entityIndex);
    const sentence = (archive: typeof plain) => archive.entityIndex.appearances.get('tony-blair')?.[0]?.sentences[0];
    expect(sentence(plain)).toBeDefined();
    expect(sentence(second)).toBe(sentence(first));
  });
});
