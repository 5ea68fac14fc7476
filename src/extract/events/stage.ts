/**
 * The timeline stage as the build (and the bench) calls it: every article's dated sentences,
 * merged across the archive. Linear in the archive's size: extraction is per article, merging
 * buckets by date.
 */
import type { Article, TimelineEvent } from '../../types.js';
import type { MentionList } from '../entities/packedMentions.js';
import type { EventCandidate } from './candidate.js';
import { extractEvents } from './extract.js';
import { mergePrepared } from './merge.js';
import { PreparedCandidates } from './prepared.js';

/** The timeline of an archive; `mentions` (from entity extraction) fill each event's entities. */
export function extractTimeline(
  articles: readonly Article[],
  mentions: MentionList,
  /** Per-article extraction; the build passes a cached `extractEvents` (src/build/cachedStages.ts). */
  extract: (article: Article) => EventCandidate[] = extractEvents,
  /** Called between units of work, so a build can collect garbage inside the stage (`memoryCheckpoint`). */
  checkpoint: () => void = () => {},
): TimelineEvent[] {
  // Each article's candidates are prepared for merging as they come: nothing is gathered twice.
  const prepared = new PreparedCandidates(mentions);
  for (const article of articles) {
    prepared.add(extract(article));
    checkpoint();
  }
  // The build holds the timeline to its last page: its records keep their sentences and URLs compactly (see `CompactEvent`).
  return mergePrepared(prepared, checkpoint, { compact: true });
}

