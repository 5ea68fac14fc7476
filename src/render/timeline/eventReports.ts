/**
 * Where an event's reports are listed. An event is shown on its timeline page, on its entities'
 * pages and (as a count) on its articles' pages; a much-reported one, listing every report there,
 * made each of those pages grow with the archive (214 links for one event at 16,000 synthetic
 * articles). So an event lists its first `EVENT_REPORTS_SHOWN` reports wherever it is shown, and
 * one with more gets a page of its own listing them all (`timeline/events/<id>/`, paginated): only
 * those events get one, so there are never more such pages than reports / `EVENT_REPORTS_SHOWN`.
 */
import { sourceCountOf } from '../../extract/events/compactEvents.js';
import type { TimelineEvent } from '../../types.js';

/**
 * Most reports an event lists where it is shown. Five names the outlets a reader scans for at a
 * glance and keeps a month page of 250 events (see `MONTH_PAGE_LIMIT`) to at most 1,250 report links.
 */
export const EVENT_REPORTS_SHOWN = 5;

/** The folder of the event pages, beside the years' (`timeline/2024/`): `events` is never a year. */
export const EVENT_PAGES_URL = 'timeline/events/';

/** The page listing every report of the event `eventId` (ids are a date and hex digits: safe in a URL). */
export function eventReportsUrl(eventId: string): string {
  return `${EVENT_PAGES_URL}${eventId}/`;
}

/** True when `event` has more reports than it lists where it is shown, and so a page of its own. */
export function hasReportsPage(event: TimelineEvent): boolean {
  return sourceCountOf(event) > EVENT_REPORTS_SHOWN;
}

/** Each list of events' events with a page of their own, made once per list (never changed once made; a watch build compares the last build's with this one's). */
const withPagesOf = new WeakMap<readonly TimelineEvent[], readonly TimelineEvent[]>();

/** The events of `events` that have a page of their own (see `hasReportsPage`), in timeline order. */
export function eventsWithReportPages(events: readonly TimelineEvent[]): readonly TimelineEvent[] {
  let found = withPagesOf.get(events);
  if (!found) withPagesOf.set(events, (found = events.filter(hasReportsPage)));
  return found;
}
