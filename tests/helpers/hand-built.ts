/** Small hand-built records for the publishing tests: articles, entities and an Archive. */
import { buildArchive } from '../../src/link/buildArchive.js';
import type { Archive } from '../../src/link/archive.js';
import type { Article, Entity, Mention } from '../../src/types.js';

export function makeArticle(id: string, fields: Partial<Article> = {}): Article {
  return {
    id,
    slug: id,
    url: `articles/${id}/`,
    sourcePath: `${id}.md`,
    format: 'markdown',
    contentHash: '0'.repeat(64),
    title: `Title of ${id}`,
    titleSource: 'front-matter',
    date: null,
    datePrecision: null,
    dateSource: 'unknown',
    outlet: null,
    originalUrl: null,
    author: null,
    summary: `Summary of ${id}.`,
    blocks: [{ type: 'paragraph', anchor: 'p-1', content: { text: `Body of ${id}.`, marks: [] } }],
    sections: [],
    removed: [],
    wordCount: 3,
    readingMinutes: 1,
    extra: {},
    ...fields,
  };
}

export function makeEntity(id: string, type: Entity['type'], articles: string[], name = id): Entity {
  return { id, url: `entities/${id}/`, name, type, aliases: [], description: null, links: [], articles, mentions: articles.length };
}

export function mention(entityId: string, articleId: string): Mention {
  return { entityId, articleId, blockAnchor: 'p-1', surface: entityId, start: 0, end: 1 };
}

/** Three articles (two dated), a person, a place and an organisation mentioned only in the undated one. */
export function handBuiltArchive(): Archive {
  const articles = [
    makeArticle('crash', { title: 'Crash </script> & <b>fog</b>\u0001', date: '2024-05-20', datePrecision: 'day', dateSource: 'front-matter', outlet: 'Example News', author: 'Jane Roe' }),
    makeArticle('election', { date: '2024-05', datePrecision: 'month', dateSource: 'front-matter' }),
    makeArticle('undated'),
  ];
  const entities = [
    makeEntity('ebrahim-raisi', 'person', ['crash', 'election'], 'Ebrahim Raisi'),
    makeEntity('tabriz', 'place', [], 'Tabriz'),
    makeEntity('red-crescent', 'organization', ['undated'], 'Red Crescent'),
  ];
  const mentions = [mention('ebrahim-raisi', 'crash'), mention('tabriz', 'crash'), mention('ebrahim-raisi', 'election'), mention('red-crescent', 'undated')];
  return buildArchive(articles, { entities, mentions, events: [] });
}
