/**
 * Which year and month pages of the timeline a watch build must look at (the counterpart of
 * `touchedEntities` for the timeline, whose pages on a big archive are hundreds and list every
 * event once). A year's or a month's pages show its events (with what they name) and, around them,
 * its label, its counts and its neighbours' links: one whose events an edit left alone (see
 * `SourcesSince.events`) and whose surroundings read the same is last build's, left on disk.
 */
import { timelineMonthUrl, timelineYearOnlyUrl, timelineYearUrl } from '../../extract/events/pages.js';
import type { TimelineMonth, TimelineYear } from '../../link/timeline.js';
import { sourcesSince } from '../pages/pageSources.js';
import type { RenderContext } from '../renderContext.js';

/** The year and month pages a watch build must make again, and those gone since the last build that wrote its site. */
export interface TouchedMonths {
  /** URLs of the years and months (their first page) whose pages may differ from last build's. */
  touched: ReadonlySet<string>;
  /** URLs of the years and months that had pages then and have none now. */
  gone: readonly string[];
}

/** A month of a split year with its neighbours: what its pages show besides its events. */
export interface MonthPlace {
  /** The year. */
  year: TimelineYear;
  /** The month. */
  month: TimelineMonth;
  /** The month before it in the year (with a page of its own), or null. */
  previous: TimelineMonth | null;
  /** The one after it, or null. */
  next: TimelineMonth | null;
}

/** Every month of a split year, in order, with its neighbours. */
export function monthPlaces(years: readonly TimelineYear[]): MonthPlace[] {
  const places: MonthPlace[] = [];
  for (const year of years) {
    const own = year.months.filter((m) => m.url !== year.url);
    own.forEach((month, j) => places.push({ year, month, previous: own[j - 1] ?? null, next: own[j + 1] ?? null }));
  }
  return places;
}

/** What a month's pages show besides its events, as one string to compare. */
export function monthShape({ month, previous, next }: MonthPlace): string {
  return [month.key, month.events.length, previous?.url ?? '', previous?.key ?? '', next?.url ?? '', next?.key ?? ''].join('\n');
}

/** What a year's page shows besides the events it lists: its count, its months (each one's place, size and page) and its neighbours. */
export function yearShape(year: TimelineYear, previous: TimelineYear | null, next: TimelineYear | null): string {
  return [year.year, year.count, previous?.year ?? '', next?.year ?? '', ...year.months.map((m) => `${m.key} ${m.url} ${m.events.length}`)].join('\n');
}

/**
 * The months a watch build must look at, or null when every month must be (see `sourcesSince`).
 * Every build of a session keeps its months' shapes for the next (`PageReuse.swap`), so ask once per build.
 */
export function touchedMonths(ctx: RenderContext, years: readonly TimelineYear[], places: readonly MonthPlace[]): TouchedMonths | null {
  if (!ctx.reuse) return null;
  const shapes = new Map(places.map((place) => [place.month.url, monthShape(place)]));
  years.forEach((year, i) => shapes.set(year.url, yearShape(year, years[i - 1] ?? null, years[i + 1] ?? null)));
  const last = ctx.reuse.swap('timeline months', shapes);
  const since = sourcesSince(ctx);
  if (!last || !since) return null;
  const touched = new Set<string>();
  for (const [url, shape] of shapes) if (last.get(url) !== shape) touched.add(url);
  // An event added, gone or naming a changed record touches the year and the month listing it (now or before: the same by its date).
  for (const event of since.events) {
    const year = event.date.slice(0, 4);
    touched.add(timelineYearUrl(year));
    touched.add(event.precision === 'year' ? timelineYearOnlyUrl(year) : timelineMonthUrl(event.date));
  }
  const gone = [...last.keys()].filter((url) => !shapes.has(url));
  return { touched, gone };
}
