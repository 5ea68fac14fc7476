/**
 * Which event pages (see `eventReports.ts`) a watch build must look at: the counterpart of
 * `touchedMonths` for the pages listing one event's reports. An event's pages show the event (its
 * date, sentence, place on the timeline and sources: any change to them makes a new record) and
 * what it names (its entities' names, its source articles' headlines); an event an edit left alone
 * (see `SourcesSince.events`) has last build's pages, left on disk.
 */
import type { TimelineEvent } from '../../types.js';
import { sourcesSince } from '../pages/pageSources.js';
import type { RenderContext } from '../renderContext.js';
import { eventReportsUrl, eventsWithReportPages } from './eventReports.js';

/** The event pages a watch build must make again, and those gone since the last build that wrote its site. */
export interface TouchedEventPages {
  /** The events with a page of their own whose pages may differ from last build's, in timeline order. */
  touched: readonly TimelineEvent[];
  /** URLs of the event pages (their first page) written then and not made now: the event is gone, or has few enough reports again. */
  gone: readonly string[];
}

/**
 * The event pages a watch build must look at, given this build's events with pages (`withPages`),
 * or null when every one must be (see `sourcesSince`). Last build's events are the page sources'
 * (`SourcesSince.last`), so a failed build in between changes nothing.
 */
export function touchedEventPages(ctx: RenderContext, withPages: readonly TimelineEvent[]): TouchedEventPages | null {
  const since = sourcesSince(ctx);
  if (!since) return null;
  const ids = new Set<string>();
  for (const event of withPages) ids.add(event.id);
  // An event added, or changed in any way (a report more or fewer, a new place), is a new record: one of `since.events`.
  const touched = withPages.filter((event) => since.events.has(event));
  const gone: string[] = [];
  for (const event of eventsWithReportPages(since.last.events)) if (!ids.has(event.id)) gone.push(eventReportsUrl(event.id));
  return { touched, gone };
}
