/**
 * The hook entity pages use to list an entity's events: `events` for the
 * `partials/entity-events.njk` partial.
 */
import { indexTimeline } from '../../link/timeline.js';
import type { RenderContext } from '../renderContext.js';
import { eventViews, type EventView } from './eventView.js';

/** A lookup from entity id to the views of its events, oldest first (empty when it has none). */
export function timelineEntityEvents(ctx: RenderContext): (entityId: string) => EventView[] {
  const { byEntity } = indexTimeline(ctx.archive.events);
  return (entityId) => eventViews(ctx.archive, byEntity.get(entityId) ?? []);
}
