/**
 * The link stage: orders the articles, finds their neighbours and joins the extractors' results
 * into one Archive. Pure: no disk, no clock.
 */
import type { Article, Entity, Mention, TimelineEvent } from '../types.js';
import type { Archive, Neighbours } from './archive.js';
import { linkEntities, type LinkMemo } from './linkEntities.js';
import { compareArticles } from './articleOrder.js';
import { compareByName } from './nameOrder.js';

/** What the extract stage hands over. */
export interface Extracted {
  /** Entities of the whole archive. */
  entities: Entity[];
  /** Their mentions. */
  mentions: Mention[];
  /** Timeline events. */
  events: TimelineEvent[];
}

/** `memo`: what a watch session keeps between builds (see `LinkMemo`); a cold build passes none. */
export function buildArchive(articles: readonly Article[], extracted: Extracted = { entities: [], mentions: [], events: [] }, memo?: LinkMemo): Archive {
  const ordered = memo ? [...memo.listing.of(articles)] : [...articles].sort(compareArticles);
  const neighbours = new Map<string, Neighbours>();
  ordered.forEach((article, index) => {
    neighbours.set(article.id, { previous: ordered[index + 1] ?? null, next: ordered[index - 1] ?? null });
  });
  return {
    articles: ordered,
    articleById: new Map(ordered.map((article) => [article.id, article])),
    neighbours,
    entities: memo ? [...memo.names.of(extracted.entities)] : [...extracted.entities].sort(compareByName),
    mentions: extracted.mentions,
    entityIndex: linkEntities(ordered, extracted.entities, extracted.mentions, memo),
    events: extracted.events,
  };
}
