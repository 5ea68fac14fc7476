/**
 * The data exports, a public contract (see the README): `data/articles.json` and
 * `data/entities.json`. Fields may be added over time; none may change meaning. The record types
 * come from `src/export/schemas.ts`, which also generates the published JSON Schemas. Each file is
 * made one record at a time (see `chunkedFile`), never as one string.
 */
import type { Article, EmbedBlock } from '../../types.js';
import type { Archive } from '../../link/archive.js';
import { groupSets } from '../../link/group.js';
import { chunkedFile, indentedJson, jsonArrayTexts } from '../../export/jsonChunks.js';
import type { ArticleExport } from '../../export/schemas.js';
import type { Numbered, Page } from '../page.js';
import { madeText, type PageReuse } from '../renderContext.js';

/** Where the data exports of articles and entities go. */
const ARTICLES_DATA = 'data/articles.json';
const ENTITIES_DATA = 'data/entities.json';

/** One article as exported. */
export function exportArticle(article: Article, entities: string[], events: string[]): ArticleExport {
  return {
    id: article.id,
    url: article.url,
    sourcePath: article.sourcePath,
    title: article.title,
    date: article.date,
    datePrecision: article.datePrecision,
    dateSource: article.dateSource,
    outlet: article.outlet,
    originalUrl: article.originalUrl,
    author: article.author,
    summary: article.summary,
    sections: article.sections.map(({ title, level, anchor }) => ({ title, level, anchor })),
    embeds: article.blocks
      .filter((block): block is EmbedBlock => block.type === 'embed')
      .map((embed) => ({ kind: embed.kind, author: embed.author, handle: embed.handle, date: embed.date, text: embed.text, ...(embed.url ? { url: embed.url } : {}) })),
    removed: article.removed.map(({ reason, text }) => ({ reason, text })),
    entities,
    events,
    wordCount: article.wordCount,
  };
}

/** `reuse` (a watch session's) keeps each record's text from build to build (see `PageReuse.made`). */
export function articlesData(archive: Archive, reuse?: PageReuse): Page {
  // Made when the file's records are first asked for, not with the page: a watch session writes the exports later, once edits pause.
  const records = function* () {
    // Appending (not copying the list per event) keeps this linear for articles with many events.
    const eventsOf = groupSets(
      archive.events.flatMap((event) => event.articles.map((articleId) => ({ articleId, eventId: event.id }))),
      (pair) => pair.articleId,
      (pair) => pair.eventId,
    );
    for (const article of archive.articles) {
      // The entity index lists each article's entities (those the archive holds) in order of first mention.
      const entities = (archive.entityIndex.named.get(article.id) ?? []).map((entity) => entity.id).sort();
      const events = [...(eventsOf.get(article.id) ?? [])];
      yield madeText(reuse, ARTICLES_DATA, `articles.json\n${article.id}`, [article, entities, events], () => indentedJson(exportArticle(article, entities, events), 1));
    }
  };
  return { path: ARTICLES_DATA, content: chunkedFile(() => withNewline(jsonArrayTexts(records()))) };
}

/** `data/entities.json`: the public record of every entity (see DESIGN.md), by id. */
export function entitiesData(archive: Archive, reuse?: PageReuse): Page {
  const sorted = [...archive.entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const records = function* () {
    for (const entity of sorted) {
      const { id, url, name, type, aliases, articles, mentions, description, links } = entity;
      yield madeText(reuse, ENTITIES_DATA, `entities.json\n${id}`, [entity], () => indentedJson({ id, url, name, type, aliases, articles, mentions, description, links }, 1));
    }
  };
  return { path: ENTITIES_DATA, content: chunkedFile(() => withNewline(jsonArrayTexts(records()))) };
}

/** The parts, then a final line break (every JSON file of the site ends with one). */
export function* withNewline<Part extends string | Numbered>(parts: Iterable<Part>): Generator<Part | string> {
  yield* parts;
  yield '\n';
}
