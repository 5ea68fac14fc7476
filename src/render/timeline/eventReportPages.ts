/**
 * The pages of the events with more reports than they list where they are shown (see
 * `eventReports.ts`): `timeline/events/<id>/`, each report linked at its sentence, `pageSize` a
 * page (`timeline/events/<id>/page/2/`), with the event itself and a link to its place on the
 * timeline. Each event's pages are a group (see `Page.group`), so a watch build makes only those of
 * the events an edit touched and names those gone (see `touchedEventPages`).
 */
import { timelineYearUrl } from '../../extract/events/pages.js';
import type { TimelineEvent } from '../../types.js';
import type { Page, SiteItem } from '../page.js';
import { paginate, pageSuffix, PREVIOUS_NEXT } from '../pages/paginate.js';
import { droppedGroup, groupKey, groupPages, renderPageFrom, type RenderContext } from '../renderContext.js';
import { eventReportsUrl, eventsWithReportPages } from './eventReports.js';
import { eventDateLabel, eventViewInputs, eventViews, reportLinks } from './eventView.js';
import { headline } from './timelineData.js';
import { groupLabel } from './timelinePages.js';
import { touchedEventPages } from './touchedEventPages.js';

/** Every event page, one event's pages at a time; in a watch build, only the touched events' (see `touchedEventPages`). */
export function* eventReportPages(ctx: RenderContext): Generator<SiteItem> {
  const withPages = eventsWithReportPages(ctx.archive.events);
  const touched = touchedEventPages(ctx, withPages);
  for (const event of touched?.touched ?? withPages) {
    const url = eventReportsUrl(event.id);
    // The event and what it names: all its pages show (see `eventViewInputs`).
    const inputs = eventViewInputs(ctx, [event]);
    yield* groupPages(ctx, groupKey('timeline', url), inputs, () => pagesOfEvent(ctx, event, url, inputs));
  }
  for (const url of touched?.gone ?? []) yield droppedGroup(ctx, groupKey('timeline', url));
}

/** One event's pages: its reports, `pageSize` a page, in the order of its sources (the first states the event). */
function* pagesOfEvent(ctx: RenderContext, event: TimelineEvent, url: string, inputs: readonly unknown[]): Generator<Page> {
  const { pageSize } = ctx.config;
  const sources = event.sources;
  const year = Number(event.date.slice(0, 4));
  const yearLink = { year, url: timelineYearUrl(year) };
  // The group of the timeline that lists it: its month, or its year for an event known only to the year.
  const placeLabel = groupLabel(year, event.precision === 'year' ? null : Number(event.date.slice(5, 7)));
  for (const pageOf of paginate(sources, pageSize, url, PREVIOUS_NEXT)) {
    yield renderPageFrom(ctx, 'timeline-event.njk', pageOf.url, [pageOf.pagination, inputs], () => ({
      title: `${eventDateLabel(event)}: ${headline(event.text)}${pageSuffix(pageOf.pagination)}`,
      description: event.text,
      view: eventViews(ctx.archive, [event])[0],
      year: yearLink,
      placeLabel,
      reports: reportLinks(ctx.archive, pageOf.items),
      reportCount: sources.length,
      first: (pageOf.pagination.current - 1) * pageSize + 1,
      pagination: pageOf.pagination,
      paginationName: 'Pages of reports',
    }));
  }
}
