/**
 * Template filters for publishing metadata: structured data and search filters of an article, and
 * the feed of an entity. They close over the Archive so templates never look records up themselves.
 */
import type nunjucks from 'nunjucks';
import type { Archive } from '../link/archive.js';
import type { Article, Entity, EntityType } from '../types.js';
import { entityFeedPath, hasEntityFeed } from './feeds.js';
import { breadcrumbJsonLd, newsArticleJsonLd, type StructuredDataConfig } from './structuredData.js';

/** Filter labels of the entity types, as shown in the search page's filters. */
export const TYPE_LABELS: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', place: 'Place', other: 'Other' };

/** An article's search filters (Pagefind `data-pagefind-filter` values). */
export interface SearchFilters {
  /** Publication year, or null when unknown. */
  year: string | null;
  /** Labels of the entity types it mentions, in TYPE_LABELS order. */
  types: string[];
  /** The entities it mentions: filter name (the type's label) and value (the entity's name). */
  entities: { filter: string; name: string }[];
}

/** The entities each article mentions, in order of first mention (found by the link stage). */
export function entitiesByArticle(archive: Archive): ReadonlyMap<string, Entity[]> {
  return archive.entityIndex.named;
}

export function searchFilters(article: Article, entities: readonly Entity[]): SearchFilters {
  const present = new Set(entities.map((entity) => entity.type));
  return {
    year: article.date ? article.date.slice(0, 4) : null,
    types: (Object.keys(TYPE_LABELS) as EntityType[]).filter((type) => present.has(type)).map((type) => TYPE_LABELS[type]),
    entities: entities.map((entity) => ({ filter: TYPE_LABELS[entity.type], name: entity.name })),
  };
}

/** A filter's last result for an article, with the entities and settings it was made from. */
interface Remembered<T> {
  /** The entities the article mentioned. */
  entities: readonly Entity[];
  /** The settings. */
  config: StructuredDataConfig;
  /** The result. */
  value: T;
}

/**
 * Each article's last JSON-LD records and search filters. In a watch session an unchanged article,
 * its entities (see `extractEntities`) and the settings are the very same objects from one build to
 * the next; handing back the same result then lets the render memo see it is unchanged at a glance.
 */
const jsonLdOf = new WeakMap<Article, Remembered<Record<string, unknown>[]>>();
const searchFiltersOf = new WeakMap<Article, Remembered<SearchFilters>>();

function rememberedIn<T>(memo: WeakMap<Article, Remembered<T>>, article: Article, entities: readonly Entity[], config: StructuredDataConfig, make: () => T): T {
  const last = memo.get(article);
  if (last && last.config === config && (last.entities === entities || (last.entities.length === entities.length && last.entities.every((entity, i) => entity === entities[i])))) return last.value;
  const value = make();
  memo.set(article, { entities, config, value });
  return value;
}

/** `remember` keeps each article's results for the next build (a watch session's; see `jsonLdOf`); a single build makes them afresh. */
export function addPublishingFilters(env: nunjucks.Environment, archive: Archive, config: StructuredDataConfig, remember = true): void {
  const mentioned = entitiesByArticle(archive);
  const remembered = remember ? rememberedIn : <T>(_memo: unknown, _article: Article, _entities: unknown, _config: unknown, make: () => T): T => make();
  /** `{{ article | structuredData | jsonScript }}`: the article's JSON-LD records. */
  env.addFilter('structuredData', (article: Article) =>
    remembered(jsonLdOf, article, mentioned.get(article.id) ?? [], config, () => [newsArticleJsonLd(article, mentioned.get(article.id) ?? [], config), breadcrumbJsonLd(article, config)]),
  );
  /** `{% set filters = article | searchFilters %}`: year, entity types and entities for the search index. */
  env.addFilter('searchFilters', (article: Article) => remembered(searchFiltersOf, article, mentioned.get(article.id) ?? [], config, () => searchFilters(article, mentioned.get(article.id) ?? [])));
  /** `{{ entity | entityFeed }}`: the entity's Atom feed path, or '' when it has none. */
  env.addFilter('entityFeed', (entity: Pick<Entity, 'id' | 'url'>) => {
    // Asked per entity page rendered: a watch rebuild renders only the entities an edit touched.
    const record = entity ? archive.entityIndex.byId.get(entity.id) : undefined;
    return record && hasEntityFeed(archive, record) ? entityFeedPath(entity) : '';
  });
}
