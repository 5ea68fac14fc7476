/**
 * The timeline stage as the build (and the bench) calls it: every article's dated sentences,
 * merged across the archive. Linear in the archive's size: extraction is per article, merging
 * buckets by date.
 */
import type { Article, Mention, TimelineEvent } from '../../types.js';
import type { EventCandidate } from './candidate.js';
import { extractEvents } from './extract.js';
import { buildTimeline } from './merge.js';

/** The timeline of an archive; `mentions` (from entity extraction) fill each event's entities. */
export function extractTimeline(articles: readonly Article[], mentions: readonly Mention[]): TimelineEvent[] {
  const candidates: EventCandidate[] = [];
  for (const article of articles) candidates.push(...extractEvents(article));
  return buildTimeline(candidates, mentions);
}

