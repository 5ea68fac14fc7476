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

/** Builds views for events, resolving ids once per call. */
export function eventViews(archive: Archive, events: readonly TimelineEvent[]): EventView[] {
  const entityById = entitiesOf(archive);
  return events.map((event) => ({
    event,
    anchor: eventAnchor(event.id),
    dateLabel: eventDateLabel(event),
    status: event.future ? '(expected)' : '',
    entities: event.entities.flatMap((id) => {
      const entity = entityById.get(id);
      return entity ? [{ label: entity.name, url: entity.url }] : [];
    }),
    sources: event.sources.flatMap((source) => {
      const article = archive.articleById.get(source.articleId);
      return article ? [{ label: article.title, url: `${article.url}#${source.anchor}` }] : [];
    }),
  }));
}

/** Entities by id, built once per archive: views are made per page, and pages are many. */
const entityIndex = new WeakMap<Archive, Map<string, Archive['entities'][number]>>();

function entitiesOf(archive: Archive): Map<string, Archive['entities'][number]> {
  let index = entityIndex.get(archive);
  if (!index) entityIndex.set(archive, (index = new Map(archive.entities.map((entity) => [entity.id, entity]))));
  return index;
}
