/**
 * The Archive: every record of the build, linked, ready to render. The link stage builds it from
 * the parsed articles and the extractors' results; templates read it and nothing else.
 */
import type { Article, Entity, TimelineEvent } from '../types.js';
import type { EntityIndex } from './linkEntities.js';
import type { LoggedChanges } from './articleChanges.js';

/** An article's chronological neighbours. */
export interface Neighbours {
  /** The next older article (or, among undated ones, the one before it in the listing). */
  previous: Article | null;
  /** The next newer article. */
  next: Article | null;
}

export interface Archive {
  /** All articles, newest first; undated ones last, by title. */
  articles: Article[];
  /** Articles by id. */
  articleById: Map<string, Article>;
  /** Previous/next article of each article, by article id. */
  neighbours: Map<string, Neighbours>;
  /** Every entity, by name. */
  entities: Entity[];
  /** Entities linked into the archive: per-article lists, sentences, co-mentions, related articles, body links. */
  entityIndex: EntityIndex;
  /** Every timeline event, oldest first. */
  events: TimelineEvent[];
  /**
   * A watch session's: where this archive's build stands in the log of what each build changed of
   * the articles. Its maps by article (`articleById`, `neighbours`, and the entity index's maps by
   * article) are then the session's, changed in place by the next build: the render asks the log
   * what changed instead of comparing two builds' maps.
   */
  changes?: LoggedChanges;
}
