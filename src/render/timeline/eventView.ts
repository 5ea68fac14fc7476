/**
 * Timeline events as templates show them: the date written at its precision, the entities and
 * source articles resolved to names, titles and URLs, so templates stay free of lookups.
 */
import type { Archive } from '../../link/archive.js';
import { eventAnchor } from '../../extract/events/merge.js';
import type { TimelineEvent } from '../../types.js';
import { formatDate } from '../formatDate.js';

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
  /** Every reporting article, linked at the sentence. */
  sources: LinkView[];
}

/** The date of an event at its precision, `about` when the text gives it loosely. */
export function eventDateLabel(event: Pick<TimelineEvent, 'date' | 'precision' | 'approximate'>): string {
  const date = formatDate(event.date, event.precision);
  return event.approximate ? `about ${date}` : date;
}

/**
 * Builds views for events, resolving ids once per call. Plain loops rather than `flatMap`: views
 * are built for every event on its timeline page, its articles' pages and its entities' pages, and
 * a throwaway array per link added up to a visible share of the render stage's garbage.
 */
export function eventViews(archive: Archive, events: readonly TimelineEvent[]): EventView[] {
  const entityById = entitiesOf(archive);
  const views: EventView[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const entities: LinkView[] = [];
    for (const id of event.entities) {
      const entity = entityById.get(id);
      if (entity) entities.push({ label: entity.name, url: entity.url });
    }
    const sources: LinkView[] = [];
    for (const source of event.sources) {
      const article = archive.articleById.get(source.articleId);
      if (article) sources.push({ label: article.title, url: `${article.url}#${source.anchor}` });
    }
    views[i] = { event, anchor: eventAnchor(event.id), dateLabel: eventDateLabel(event), status: event.future ? '(expected)' : '', entities, sources };
  }
  return views;
}

/**
 * What `eventViews` reads besides the events themselves: for each event, the entities and source
 * articles it names (null where the archive has none), so a page made from the views is made again
 * when a named entity is renamed or a source article's headline changes.
 */
export function eventViewInputs(archive: Archive, events: readonly TimelineEvent[]): unknown[] {
  const entityById = entitiesOf(archive);
  const inputs: unknown[] = [events];
  for (const event of events) {
    for (const id of event.entities) inputs.push(entityById.get(id) ?? null);
    for (const source of event.sources) inputs.push(archive.articleById.get(source.articleId) ?? null);
  }
  return inputs;
}

/** Entities by id, built once per archive: views are made per page, and pages are many. */
const entityIndex = new WeakMap<Archive, Map<string, Archive['entities'][number]>>();

function entitiesOf(archive: Archive): Map<string, Archive['entities'][number]> {
  let index = entityIndex.get(archive);
  if (!index) entityIndex.set(archive, (index = new Map(archive.entities.map((entity) => [entity.id, entity]))));
  return index;
}
