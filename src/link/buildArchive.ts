/**
 * The link stage: orders the articles, finds their neighbours and joins the extractors' results
 * into one Archive. Pure: no disk, no clock.
 */
import type { Article, Entity, Mention, TimelineEvent } from '../types.js';
import type { Archive, Neighbours } from './archive.js';
import { linkEntities, type LinkMemo, type ValueStore } from './linkEntities.js';
import { compareArticles } from './articleOrder.js';
import { compareByName } from './nameOrder.js';
import { linkWatched } from './linkWatched.js';
import type { MentionList } from '../extract/entities/packedMentions.js';

/** What the extract stage hands over. */
export interface Extracted {
  /** Entities of the whole archive. */
  entities: Entity[];
  /** Their mentions (packed in a cold build, see `PackedMentions`). */
  mentions: MentionList;
  /** A watch session's: the same mentions by article id, each list kept while unchanged (see `EntityExtraction`). */
  mentionsByArticle?: Map<string, Mention[]>;
  /** A watch session's: the ids of the articles whose list in `mentionsByArticle` the link stage has not read (emptied once it has; see `EntityExtraction.mentionsChanged`). */
  mentionsChanged?: Set<string>;
  /** Timeline events. */
  events: TimelineEvent[];
}

/**
 * `memo`: what a watch session keeps between builds (see `LinkMemo`); a cold build passes none, and
 * may pass a `store` to keep the appearances' sentences out of memory (see `ValueStore`).
 */
export function buildArchive(articles: readonly Article[], extracted: Extracted = { entities: [], mentions: [], events: [] }, memo?: LinkMemo, store?: ValueStore): Archive {
  // A watch session's builds change the last archive's maps in place when they can (see `linkWatched`).
  if (memo) return linkWatched(articles, extracted, memo);
  const ordered = [...articles].sort(compareArticles);
  const neighbours = new Map<string, Neighbours>();
  ordered.forEach((article, index) => {
    neighbours.set(article.id, { previous: ordered[index + 1] ?? null, next: ordered[index - 1] ?? null });
  });
  const byArticle = extracted.mentionsByArticle;
  const articleById = new Map(ordered.map((article) => [article.id, article]));
  return {
    articles: ordered,
    articleById,
    neighbours,
    entities: [...extracted.entities].sort(compareByName),
    // With the mentions by article, the list of every mention is not read here. Pages ask the mentions nothing the entity index does not hold (which entities each article names: `named`), so the archive keeps none of them.
    entityIndex: linkEntities(ordered, extracted.entities, byArticle ? [] : extracted.mentions, undefined, store, byArticle, articleById),
    events: extracted.events,
  };
}
