/**
 * The timeline pages: `timeline/` (the axis over every year and a summary of each) and one page
 * per year (`timeline/2024/`) listing its events by month, so no page grows without bound.
 */
import { groupTimeline, type TimelineYear } from '../../link/timeline.js';
import { MONTH_NAMES } from '../../parse/isoDate.js';
import type { Page } from '../page.js';
import { renderPage, type RenderContext } from '../renderContext.js';
import { monthAxis, yearAxis } from './axis.js';
import { eventViews } from './eventView.js';

/** URL of the timeline's index page. */
export const TIMELINE_URL = 'timeline/';

export function timelinePages(ctx: RenderContext): Page[] {
  const years = groupTimeline(ctx.archive.events);
  const index = renderPage(ctx, 'timeline.njk', TIMELINE_URL, {
    title: 'Timeline',
    axis: yearAxis(years),
    years: years.map((year) => ({ ...year, groups: year.months.map((m) => ({ anchor: m.anchor, label: groupLabel(year, m.month), count: m.events.length })) })),
    total: ctx.archive.events.length,
  });
  return [index, ...years.map((year, i) => yearPage(ctx, year, years[i - 1] ?? null, years[i + 1] ?? null))];
}

function yearPage(ctx: RenderContext, year: TimelineYear, previous: TimelineYear | null, next: TimelineYear | null): Page {
  return renderPage(ctx, 'timeline-year.njk', year.url, {
    title: `Timeline: ${year.year}`,
    year,
    axis: monthAxis(year),
    groups: year.months.map((m) => ({ anchor: m.anchor, label: groupLabel(year, m.month), events: eventViews(ctx.archive, m.events) })),
    previous: previous ? { label: String(previous.year), url: previous.url } : null,
    next: next ? { label: String(next.year), url: next.url } : null,
  });
}

/** `May 2024`, or `2024 (month unknown)` for events dated only to the year. */
function groupLabel(year: TimelineYear, month: number | null): string {
  return month === null ? `${year.year} (month unknown)` : `${MONTH_NAMES[month - 1]} ${year.year}`;
}
