/**
 * The events whose listing an edit may have changed, for `touchedEntities` and `touchedArticles`:
 * those added or gone since last build, and those naming an article or entity whose record changed
 * (an event's view shows its sources' headlines and its entities' names).
 */
import { indexTimeline } from '../../link/timeline.js';
import type { TimelineEvent } from '../../types.js';

/** The events added or gone between `last` and `now`, and those of `now` naming one of the changed articles or entities (by id). */
export function touchedEvents(last: readonly TimelineEvent[], now: readonly TimelineEvent[], changedArticles: Iterable<string>, changedEntities: Iterable<string>): Set<TimelineEvent> {
  const touched = new Set<TimelineEvent>();
  if (last !== now) {
    const before = new Set(last);
    const after = new Set(now);
    for (const event of now) if (!before.has(event)) touched.add(event);
    for (const event of last) if (!after.has(event)) touched.add(event);
  }
  const { byArticle, byEntity } = indexTimeline(now);
  for (const id of changedArticles) for (const event of byArticle.get(id) ?? []) touched.add(event);
  for (const id of changedEntities) for (const event of byEntity.get(id) ?? []) touched.add(event);
  return touched;
}
