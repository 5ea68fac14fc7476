/**
 * The timeline pages: `timeline/` (the axis over every year and a summary of each), one page per
 * year (`timeline/2024/`) listing its events by month, and, for a year too big for one page, one
 * page per month (`timeline/2024/05/`). No page grows without bound with the archive.
 */
import { groupTimeline, type TimelineMonth, type TimelineYear } from '../../link/timeline.js';
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
    years: years.map((year) => ({ ...year, groups: year.months.map((m) => ({ anchor: m.anchor, url: m.url, label: groupLabel(year, m.month), count: m.events.length })) })),
    total: ctx.archive.events.length,
  });
  const pages = [index];
  years.forEach((year, i) => {
    pages.push(yearPage(ctx, year, years[i - 1] ?? null, years[i + 1] ?? null));
    const own = year.months.filter((m) => m.url !== year.url);
    own.forEach((month, j) => pages.push(monthPage(ctx, year, month, own[j - 1] ?? null, own[j + 1] ?? null)));
  });
  return pages;
}

function yearPage(ctx: RenderContext, year: TimelineYear, previous: TimelineYear | null, next: TimelineYear | null): Page {
  return renderPage(ctx, 'timeline-year.njk', year.url, {
    title: `Timeline: ${year.year}`,
    year,
    axis: monthAxis(year),
    groups: year.months.map((m) => {
      const elsewhere = m.url !== year.url;
      return { anchor: m.anchor, label: groupLabel(year, m.month), count: m.events.length, url: elsewhere ? m.url : null, events: elsewhere ? [] : eventViews(ctx.archive, m.events) };
    }),
    previous: previous ? { label: String(previous.year), url: previous.url } : null,
    next: next ? { label: String(next.year), url: next.url } : null,
  });
}

function monthPage(ctx: RenderContext, year: TimelineYear, month: TimelineMonth, previous: TimelineMonth | null, next: TimelineMonth | null): Page {
  const label = groupLabel(year, month.month);
  return renderPage(ctx, 'timeline-month.njk', month.url, {
    title: `Timeline: ${label}`,
    year,
    label,
    events: eventViews(ctx.archive, month.events),
    previous: previous ? { label: groupLabel(year, previous.month), url: previous.url } : null,
    next: next ? { label: groupLabel(year, next.month), url: next.url } : null,
  });
}

/** `May 2024`, or `2024 (month unknown)` for events dated only to the year. */
function groupLabel(year: TimelineYear, month: number | null): string {
  return month === null ? `${year.year} (month unknown)` : `${MONTH_NAMES[month - 1]} ${year.year}`;
}
