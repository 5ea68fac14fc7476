/**
 * Which entities' pages a watch build must look at. An entity's pages are made from its record,
 * its appearance list, its co-mentions, its events and the records those events name; comparing
 * last build's maps with this build's (`sourcesSince`) tells the few entities an edit touched,
 * without making any page's inputs: at 16,000 articles an entity visit costs far more than the
 * lookups that skip it.
 */
import { changedKeys } from '../../link/lists.js';
import type { RenderContext } from '../renderContext.js';
import { sourcesSince } from './pageSources.js';

/**
 * The ids of the entities whose pages may differ from last build's, or null when every entity's
 * must be looked at (see `sourcesSince`). An entity not listed has the very same record,
 * appearances, co-mentions, events and named records as last build, so its pages are last build's.
 */
export function touchedEntities(ctx: RenderContext): ReadonlySet<string> | null {
  const since = sourcesSince(ctx);
  if (!since) return null;
  const { last, now } = since;
  const touched = new Set<string>(since.changedEntities);
  for (const id of changedKeys(last.appearances, now.appearances)) touched.add(id);
  for (const id of changedKeys(last.coMentions, now.coMentions)) touched.add(id);
  // The entities an event added, gone or showing a changed record names list it.
  for (const event of since.events) for (const id of event.entities) touched.add(id);
  return touched;
}
