/**
 * Where each event is listed: on its year's page (`timeline/2024/`), or, when a year holds more
 * events than one page should, on its month's page (`timeline/2024/05/`). Year-only events stay on
 * their own page. One rule, used both to give events their `url` and to render the pages.
 */
import type { TimelineEvent } from '../../types.js';

/** Above this many events a year's page lists its months and each month gets its own page. */
export const YEAR_PAGE_LIMIT = 250;

/** The page of a year: `timeline/2024/`. */
export function timelineYearUrl(year: number | string): string {
  return `timeline/${year}/`;
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

/** The page that lists `event`, given how many events its year has. */
export function eventPageUrl(event: Pick<TimelineEvent, 'date' | 'precision'>, yearCount: number): string {
  const year = event.date.slice(0, 4);
  if (!isSplitYear(yearCount)) return timelineYearUrl(year);
  return event.precision === 'year' ? timelineYearOnlyUrl(year) : timelineMonthUrl(event.date);
}

/** Gives every event its `url` (page and anchor) once the whole timeline is known. */
export function placeEvents(events: TimelineEvent[], anchorOf: (id: string) => string): TimelineEvent[] {
  const perYear = new Map<string, number>();
  for (const e of events) perYear.set(e.date.slice(0, 4), (perYear.get(e.date.slice(0, 4)) ?? 0) + 1);
  return events.map((e) => ({ ...e, url: `${eventPageUrl(e, perYear.get(e.date.slice(0, 4)) ?? 0)}#${anchorOf(e.id)}` }));
}
