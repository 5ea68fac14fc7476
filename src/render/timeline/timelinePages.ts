/**
 * The timeline pages: `timeline/` (the axis over every year and a summary of each), one page per
 * year (`timeline/2024/`) listing its events by month, and, for a year too big for one page, one
 * page per month (`timeline/2024/05/`), itself paginated (`timeline/2024/05/page/2/`) when the month
 * alone holds more than `MONTH_PAGE_LIMIT` events. No page grows without bound with the archive;
 * `placeEvents` gives each event the URL of the page listed here.
 */
import { MONTH_PAGE_LIMIT } from '../../extract/events/pages.js';
import { groupTimeline, type TimelineMonth, type TimelineYear } from '../../link/timeline.js';
import { MONTH_NAMES } from '../../parse/isoDate.js';
import type { Page, SiteItem } from '../page.js';
import { paginate, pageSuffix } from '../pages/paginate.js';
import { droppedGroup, groupKey, groupPages, renderPage, renderPageFrom, type RenderContext } from '../renderContext.js';
import { monthAxis, yearAxis } from './axis.js';
import { eventViewInputs, eventViews } from './eventView.js';
import { monthPlaces, monthShape, touchedMonths } from './touchedMonths.js';

/** URL of the timeline's index page. */
export const TIMELINE_URL = 'timeline/';

/**
 * Every timeline page, one at a time: the index, each year's page, then the month pages of split
 * years. Each year's page and each month's pages are a group (see `Page.group`): a watch build that
 * knows what an edit touched makes only the touched ones (see `touchedMonths`) and leaves the others
 * on disk.
 */
export function* timelinePages(ctx: RenderContext): Generator<SiteItem> {
  const years = groupTimeline(ctx.archive.events);
  const places = monthPlaces(years);
  const months = touchedMonths(ctx, years, places);
  yield renderPage(ctx, 'timeline.njk', TIMELINE_URL, {
    title: 'Timeline',
    axis: yearAxis(years),
    years: years.map((year) => ({ ...year, groups: year.months.map((m) => ({ anchor: m.anchor, url: m.url, label: groupLabel(year.year, m.month), count: m.events.length })) })),
    total: ctx.archive.events.length,
  });
  for (const [i, year] of years.entries()) {
    if (months && !months.touched.has(year.url)) continue;
    const [previous, next] = [years[i - 1] ?? null, years[i + 1] ?? null];
    // A group of one page, so a watch build can leave it on disk (see `touchedMonths`).
    const inputs = yearInputs(ctx, year, previous, next);
    yield* groupPages(ctx, groupKey('timeline', year.url), inputs, () => [yearPage(ctx, year, previous, next, inputs)]);
  }
  for (const place of places) {
    if (months && !months.touched.has(place.month.url)) continue;
    const { year, month, previous, next } = place;
    // Everything the month's pages are made from: what surrounds its events, and the events with what they name.
    const inputs = [year.year, monthShape(place), eventViewInputs(ctx, month.events)];
    yield* groupPages(ctx, groupKey('timeline', month.url), inputs, () => monthPages(ctx, year, month, previous, next));
  }
  for (const url of months?.gone ?? []) yield droppedGroup(ctx, groupKey('timeline', url));
}

/**
 * A year's page: its months, with the events of those that have no page of their own. Made from its
 * inputs (see `renderPageFrom`): in a watch session an edit that touched none of its events and
 * none of the records they name reuses it without making a view of any event.
 */
function yearPage(ctx: RenderContext, year: TimelineYear, previous: TimelineYear | null, next: TimelineYear | null, inputs: readonly unknown[]): Page {
  const inline = (m: TimelineMonth) => m.url === year.url;
  return renderPageFrom(ctx, 'timeline-year.njk', year.url, inputs, () => ({
    title: `Timeline: ${year.year}`,
    year,
    axis: monthAxis(year),
    groups: year.months.map((m) => ({ anchor: m.anchor, label: groupLabel(year.year, m.month), count: m.events.length, url: inline(m) ? null : m.url, events: inline(m) ? eventViews(ctx.archive, m.events) : [] })),
    previous: previous ? { label: String(previous.year), url: previous.url } : null,
    next: next ? { label: String(next.year), url: next.url } : null,
  }));
}

/** Everything a year's page is made from: the template reads the year's number and count, and each month's place, size and (when listed there) events. */
function yearInputs(ctx: RenderContext, year: TimelineYear, previous: TimelineYear | null, next: TimelineYear | null): unknown[] {
  const months = year.months.map((m) => [m.key, m.anchor, m.url, m.events.length, m.url === year.url ? eventViewInputs(ctx, m.events) : null]);
  return [year.year, year.url, year.count, months, previous?.year ?? null, next?.year ?? null];
}

/**
 * A month of a split year: one page, or several of `MONTH_PAGE_LIMIT` events (oldest first). Made
 * from its inputs (see `renderPageFrom`): a watch session keeps no variables for these pages, which
 * are many in a big archive, and makes none for the months an edit did not touch.
 */
function* monthPages(ctx: RenderContext, year: TimelineYear, month: TimelineMonth, previous: TimelineMonth | null, next: TimelineMonth | null): Generator<Page> {
  const label = groupLabel(year.year, month.month);
  const neighbour = (other: TimelineMonth | null) => (other ? { label: groupLabel(year.year, other.month), url: other.url } : null);
  // What the template is told of its year: enough for the breadcrumb.
  const yearLink = { year: year.year, url: year.url };
  for (const pageOf of paginate(month.events, MONTH_PAGE_LIMIT, month.url, { previous: 'Earlier', next: 'Later' })) {
    const inputs = [yearLink, label, month.events.length, pageOf.pagination, neighbour(previous), neighbour(next), eventViewInputs(ctx, pageOf.items)];
    yield renderPageFrom(ctx, 'timeline-month.njk', pageOf.url, inputs, () => ({
      title: `Timeline: ${label}${pageSuffix(pageOf.pagination)}`,
      year: yearLink,
      label,
      count: month.events.length,
      first: (pageOf.pagination.current - 1) * MONTH_PAGE_LIMIT + 1,
      events: eventViews(ctx.archive, pageOf.items),
      pagination: pageOf.pagination,
      paginationName: `Pages of ${label}`,
      previous: neighbour(previous),
      next: neighbour(next),
    }));
  }
}

/** `May 2024`, or `2024 (month unknown)` for events dated only to the year. */
export function groupLabel(year: number, month: number | null): string {
  return month === null ? `${year} (month unknown)` : `${MONTH_NAMES[month - 1]} ${year}`;
}
