/**
 * schema.org JSON-LD for article pages: a `NewsArticle` (headline, date when known, publisher,
 * the entities it mentions) and a `BreadcrumbList`. URLs are absolute with a base URL and relative
 * to the page otherwise (JSON-LD resolves relative URLs against the page, so they stay correct on
 * any host). The objects are plain data; templates embed them with the `jsonScript` filter.
 */
import type { Config } from '../config.js';
import type { Article, Entity, EntityType } from '../types.js';
import { publicUrl } from './links.js';

/** The settings structured data reads. */
export type StructuredDataConfig = Pick<Config, 'title' | 'language' | 'baseUrl' | 'portable'>;

/** schema.org type of each entity type. */
export const SCHEMA_TYPES: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place', other: 'Thing' };

/** The NewsArticle record of an article that mentions `entities`. */
export function newsArticleJsonLd(article: Article, entities: readonly Entity[], config: StructuredDataConfig): Record<string, unknown> {
  const link = (target: string) => publicUrl(config, article.url, target);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    ...(article.date ? { datePublished: article.date } : {}),
    url: link(article.url),
    mainEntityOfPage: link(article.url),
    inLanguage: config.language,
    wordCount: article.wordCount,
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    publisher: { '@type': 'Organization', name: article.outlet ?? config.title },
    ...(article.originalUrl ? { isBasedOn: article.originalUrl } : {}),
    isPartOf: { '@type': 'WebSite', name: config.title, url: link('') },
    ...(entities.length > 0
      ? { mentions: entities.map((entity) => ({ '@type': SCHEMA_TYPES[entity.type], name: entity.name, url: link(entity.url) })) }
      : {}),
  };
}

/** Home › article. */
export function breadcrumbJsonLd(article: Article, config: StructuredDataConfig): Record<string, unknown> {
  const link = (target: string) => publicUrl(config, article.url, target);
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: config.title, item: link('') },
      { '@type': 'ListItem', position: 2, name: article.title, item: link(article.url) },
    ],
  };
}
