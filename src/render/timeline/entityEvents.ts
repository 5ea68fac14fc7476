/**
 * The hook entity pages use to list an entity's events: `events` for the
 * `partials/entity-events.njk` partial. An entity named in thousands of events would make its page
 * grow without bound, so the page shows only the latest `ENTITY_EVENTS_SHOWN`; every event is on
 * the timeline, and each comes from an article the entity page lists with the sentences naming it.
 */
import { indexTimeline } from '../../link/timeline.js';
import type { RenderContext } from '../renderContext.js';
import { eventViewInputs, eventViews, type EventView } from './eventView.js';

/** Most events an entity page lists. */
export const ENTITY_EVENTS_SHOWN = 20;

/** The events an entity page shows. */
export interface EntityEvents {
  /** Every record the views are made from (see `renderPageFrom`). */
  inputs: readonly unknown[];
  /** Views of the latest `ENTITY_EVENTS_SHOWN` events, oldest first, made when called. */
  views: () => EventView[];
  /** How many events name the entity in all. */
  total: number;
}

/** A lookup from entity id to its latest events (none when it has none). Views are built only for the events shown. */
export function timelineEntityEvents(ctx: RenderContext): (entityId: string) => EntityEvents {
  const { byEntity } = indexTimeline(ctx.archive.events);
  return (entityId) => {
    const events = byEntity.get(entityId) ?? [];
    const shown = events.slice(-ENTITY_EVENTS_SHOWN);
    return { inputs: eventViewInputs(ctx, shown), views: () => eventViews(ctx.archive, shown), total: events.length };
  };
}
