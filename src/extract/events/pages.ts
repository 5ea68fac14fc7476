/**
 * Where each event is listed: on its year's page (`timeline/2024/`), or, when a year holds more
 * events than one page should, on its month's page (`timeline/2024/05/`), itself split into pages
 * (`timeline/2024/05/page/2/`) when the month alone holds more. Year-only events of a split year
 * have a page of their own (`timeline/2024/year/`), paginated the same way. One rule, used both to
 * give events their `url` and to render the pages: no timeline page lists more than
 * `YEAR_PAGE_LIMIT` events.
 */
import type { TimelineEvent } from '../../types.js';

/** Above this many events a year's page lists its months and each month gets its own page. */
export const YEAR_PAGE_LIMIT = 250;

/** The page of a year: `timeline/2024/`. */
export function timelineYearUrl(year: number | string): string {
  return `timeline/${year}/`;
}

/** Most events on one page of a month (or of a split year's year-only events). */
export const MONTH_PAGE_LIMIT = YEAR_PAGE_LIMIT;

/** The URL of page `n` of the listing at `base` (`timeline/2024/05/page/2/`); page 1 is `base`. */
export function timelinePageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** The page of a month of a split year: `timeline/2024/05/`. */
export function timelineMonthUrl(yearMonth: string): string {
  return `timeline/${yearMonth.slice(0, 4)}/${yearMonth.slice(5, 7)}/`;
}

/** The page of a split year's events known only to the year: `timeline/2024/year/`. */
export function timelineYearOnlyUrl(year: number | string): string {
  return `timeline/${year}/year/`;
}

/** True when a year with `count` events is split into month pages. */
export function isSplitYear(count: number): boolean {
  return count > YEAR_PAGE_LIMIT;
}

/** The page that lists `event`, given how many events its year has and its 0-based place among its month's events (by date). */
export function eventPageUrl(event: Pick<TimelineEvent, 'date' | 'precision'>, yearCount: number, placeInMonth = 0): string {
  const year = event.date.slice(0, 4);
  if (!isSplitYear(yearCount)) return timelineYearUrl(year);
  const base = event.precision === 'year' ? timelineYearOnlyUrl(year) : timelineMonthUrl(event.date);
  return timelinePageUrl(base, Math.floor(placeInMonth / MONTH_PAGE_LIMIT) + 1);
}

/** The group an event is listed in on a split year: its month (`2024-05`), or the year for year-only events. */
export function groupKey(event: Pick<TimelineEvent, 'date' | 'precision'>): string {
  return event.precision === 'year' ? event.date.slice(0, 4) : event.date.slice(0, 7);
}

/** Gives every event its `url` (page and anchor) once the whole timeline is known. `events` must be sorted by date, as the pages list them. */
export function placeEvents(events: TimelineEvent[], anchorOf: (id: string) => string): TimelineEvent[] {
  const perYear = new Map<string, number>();
  for (const e of events) perYear.set(e.date.slice(0, 4), (perYear.get(e.date.slice(0, 4)) ?? 0) + 1);
  const placed = new Map<string, number>();
  return events.map((e) => {
    const key = groupKey(e);
    const place = placed.get(key) ?? 0;
    placed.set(key, place + 1);
    return { ...e, url: `${eventPageUrl(e, perYear.get(e.date.slice(0, 4)) ?? 0, place)}#${anchorOf(e.id)}` };
  });
}
