/**
 * Timeline events as templates show them: the date written at its precision, the entities and
 * source articles resolved to names, titles and URLs, so templates stay free of lookups.
 */
import type { Archive } from '../../link/archive.js';
import { firstSourcesOf, sourceCountOf } from '../../extract/events/compactEvents.js';
import { eventAnchor } from '../../extract/events/merge.js';
import type { TimelineEvent } from '../../types.js';
import { formatDate } from '../formatDate.js';
import { changedKeys } from '../../link/lists.js';
import { indexTimeline } from '../../link/timeline.js';
import { sourcesSince, type SourcesSince } from '../pages/pageSources.js';
import type { RenderContext } from '../renderContext.js';
import { EVENT_REPORTS_SHOWN, eventReportsUrl, hasReportsPage } from './eventReports.js';
import { shownChangedIds, shownOf, type ShownRecord } from './shown.js';

/** A link with its label. */
export interface LinkView {
  /** Text shown. */
  label: string;
  /** Target relative to the site root, fragment included. */
  url: string;
}

/** One event, ready for a template. */
export interface EventView {
  /** The record itself. */
  event: TimelineEvent;
  /** The event's HTML id on its timeline page. */
  anchor: string;
  /** The date as a reader reads it: `19 May 2024`, `about July 2024`. */
  dateLabel: string;
  /** `(expected)` for an event its report placed in the future, else ''. */
  status: string;
  /** Entities the sentence names, linked to their pages (only those the archive knows). */
  entities: LinkView[];
  /** The first `EVENT_REPORTS_SHOWN` reporting articles, linked at the sentence. */
  sources: LinkView[];
  /** How many reports it has in all (a sentence in each reporting article). */
  reportCount: number;
  /** The page listing every report, when there are more than `sources` shows (see `hasReportsPage`), else null. */
  reportsUrl: string | null;
}

/** The date of an event at its precision, `about` when the text gives it loosely. */
export function eventDateLabel(event: Pick<TimelineEvent, 'date' | 'precision' | 'approximate'>): string {
  const date = formatDate(event.date, event.precision);
  return event.approximate ? `about ${date}` : date;
}

/** `(expected)` for an event its report placed in the future, else ''. */
export function eventStatus(event: Pick<TimelineEvent, 'future'>): string {
  return event.future ? '(expected)' : '';
}

/**
 * Builds views for events, resolving ids once per call. Plain loops rather than `flatMap`: views
 * are built for every event on its timeline page, its articles' pages and its entities' pages, and
 * a throwaway array per link added up to a visible share of the render stage's garbage.
 */
export function eventViews(archive: Archive, events: readonly TimelineEvent[]): EventView[] {
  const entityById = archive.entityIndex.byId;
  const views: EventView[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const entities: LinkView[] = [];
    for (const id of event.entities) {
      const entity = entityById.get(id);
      if (entity) entities.push({ label: entity.name, url: entity.url });
    }
    const reportCount = sourceCountOf(event);
    const sources = reportLinks(archive, firstSourcesOf(event, EVENT_REPORTS_SHOWN));
    const reportsUrl = hasReportsPage(event) ? eventReportsUrl(event.id) : null;
    views[i] = { event, anchor: eventAnchor(event.id), dateLabel: eventDateLabel(event), status: eventStatus(event), entities, sources, reportCount, reportsUrl };
  }
  return views;
}

/** Links to the sentences `sources` point at, labelled with their articles' headlines. */
export function reportLinks(archive: Archive, sources: readonly TimelineEvent['sources'][number][]): LinkView[] {
  const links: LinkView[] = [];
  for (const source of sources) {
    const article = archive.articleById.get(source.articleId);
    if (article) links.push({ label: article.title, url: `${article.url}#${source.anchor}` });
  }
  return links;
}

/**
 * What `eventViews` reads besides the events themselves: for each event, what it shows of the
 * entities and source articles it names (null where the archive has none, see `shownOf`), so a page
 * made from the views is made again when a named entity is renamed or a source article's headline
 * changes, and only then. Every source article, not only the few a view lists: an event's own page
 * (see `eventReportPages`) lists them all, from the same inputs. Only a watch session compares
 * inputs (`ctx.reuse`): a single build gets an empty list, and keeps no references.
 */
export function eventViewInputs(ctx: RenderContext, events: readonly TimelineEvent[]): unknown[] {
  if (!ctx.reuse) return [];
  const { archive } = ctx;
  const inputs: unknown[] = new Array(events.length + 1);
  inputs[0] = events;
  const since = changesSince(archive, sourcesSince(ctx));
  for (let i = 0; i < events.length; i++) inputs[i + 1] = referencesOf(archive, since, events[i]!);
  return inputs;
}

/** What an event's views show of its entities and source articles, as one build's archive resolves them, with that archive's number. */
interface References {
  /** The number of the archive they were resolved in (see `generations`: a number, so no archive is kept alive by it). */
  generation: number;
  /** What is shown of each (see `shownOf`), in the order `eventViews` reads them. */
  records: readonly unknown[];
}

/** Each event's references, from build to build (see `referencesOf`). */
const referencesKept = new WeakMap<TimelineEvent, References>();

/**
 * The records an event's views read, resolved once per archive: an event is listed on its month's
 * page, on the page of each article reporting it and of each entity it names, and a well-reported
 * event names many. In a watch session, when they are the very records last build's archive
 * resolved, the list is last build's (the same array), so each page compares it at a glance.
 */
function referencesOf(archive: Archive, since: Changes, event: TimelineEvent): readonly unknown[] {
  const kept = referencesKept.get(event);
  if (kept?.generation === since.generation) return kept.records;
  // Resolved in the build before, and none of the records it names changed since: still right.
  if (kept && kept.generation === since.previous && !since.stale.has(event)) {
    kept.generation = since.generation;
    return kept.records;
  }
  const entityById = archive.entityIndex.byId;
  const records: unknown[] = [];
  for (const id of event.entities) records.push(shownOf(entityById.get(id)));
  for (const source of event.sources) records.push(shownOf(archive.articleById.get(source.articleId)));
  const same = kept !== undefined && kept.records.length === records.length && kept.records.every((record, i) => record === records[i]);
  referencesKept.set(event, { generation: since.generation, records: same ? kept.records : records });
  return same ? kept.records : records;
}

/** What changed between the last two archives references were resolved in (see `changesSince`). */
interface Changes {
  /** The later archive's number. */
  generation: number;
  /** The earlier one's, or -1. */
  previous: number;
  /** Its articles and entities by id, to compare the next archive's with (not the archive: it may hold much more). */
  articles: ReadonlyMap<string, ShownRecord>;
  /** Its entities by id. */
  entities: ReadonlyMap<string, ShownRecord>;
  /** Events naming an article or entity added, gone, or showing another headline, name or URL in the two (see `shownChangedIds`). */
  stale: ReadonlySet<TimelineEvent>;
  /** A watch session's: the later archive's version in its log of changes (its articles by id are changed in place; see `Archive.changes`). */
  version?: number;
}

/** Each archive's number, in the order references were first resolved in them. */
const generations = new WeakMap<Archive, number>();
let lastGeneration = 0;

/**
 * The events whose references may differ between the archive references were last resolved in and
 * `archive`: those naming an article or entity added, removed or changed between the two. A watch
 * build changes few records, so the rest keep their references without a walk over their sources
 * (a much-reported event names hundreds). Held between builds: the last archive's two maps by id.
 */
let lastChanges: Changes | null = null;

function changesSince(archive: Archive, sources: SourcesSince | null): Changes {
  const known = generations.get(archive);
  if (known !== undefined && lastChanges?.generation === known) return lastChanges;
  const generation = known ?? ++lastGeneration;
  generations.set(archive, generation);
  const entities = archive.entityIndex.byId;
  const stale = new Set<TimelineEvent>();
  if (lastChanges) {
    const { byArticle, byEntity } = indexTimeline(archive.events);
    const mark = (events: readonly TimelineEvent[] | undefined) => {
      for (const event of events ?? []) stale.add(event);
    };
    // The page sources compare the same two archives when the last one resolved is the last written (as it is but after a failed build).
    const same = sources !== null && sources.last.articles === lastChanges.articles && sources.last.entities === lastChanges.entities && sources.now.articles === archive.articleById && sources.now.entities === entities;
    const changed = same ? sources.changedEntities : changedKeys(lastChanges.entities, entities);
    // A watch session's articles by id are changed in place: its log tells which changed since the last archive resolved.
    const logged = archive.changes && lastChanges.version !== undefined ? archive.changes.log.between(lastChanges.version, archive.changes.version) : null;
    if (archive.changes && !logged) for (const event of archive.events) stale.add(event);
    else {
      const before = new Map<string, ShownRecord>();
      if (logged) for (const [id, record] of logged.records) if (record) before.set(id, record);
      const articles = logged ? logged.records.keys() : same ? sources.changedArticles : changedKeys(lastChanges.articles, archive.articleById);
      // A record made anew showing what its older one showed leaves the views naming it as they were.
      for (const id of shownChangedIds(articles, logged ? before : lastChanges.articles, archive.articleById)) mark(byArticle.get(id));
    }
    for (const id of shownChangedIds(changed, lastChanges.entities, entities)) mark(byEntity.get(id));
  }
  lastChanges = { generation, previous: lastChanges?.generation ?? -1, articles: archive.articleById, entities, stale, ...(archive.changes ? { version: archive.changes.version } : {}) };
  return lastChanges;
}
