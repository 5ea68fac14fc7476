/**
 * Which entities' pages a watch build must look at. An entity's pages are made from its record,
 * its appearance list, its co-mentions, its events and the records those events name, and the
 * link stage of a watch session hands back the very same record or list for each of those an edit
 * did not change (see `LinkMemo`). Comparing last build's maps with this build's by identity tells
 * the few entities an edit touched, without making any page's inputs: at 16,000 articles an entity
 * visit costs far more than the lookups that skip it.
 */
import type { Archive } from '../../link/archive.js';
import { changedKeys } from '../../link/lists.js';
import type { TimelineEvent } from '../../types.js';
import type { NavItem, RenderContext } from '../renderContext.js';
import { touchedEvents } from './touchedEvents.js';

/** What every entity page is made from, as one build holds it (kept until the next build, see `PageReuse.swap`). */
interface EntitySources {
  /** Entity records by id. */
  entities: Archive['entityIndex']['byId'];
  /** Appearance lists by entity id. */
  appearances: Archive['entityIndex']['appearances'];
  /** Co-mention lists by entity id. */
  coMentions: Archive['entityIndex']['coMentions'];
  /** Article records by id (an event names its source articles). */
  articles: Archive['articleById'];
  /** Every event. */
  events: readonly TimelineEvent[];
  /** The navigation every page shows. */
  nav: readonly NavItem[];
  /** The settings. */
  config: RenderContext['config'];
}

/**
 * The ids of the entities whose pages may differ from last build's, or null when every entity's
 * must be looked at (a single build, the first of a session, a change of templates or settings).
 * An entity not listed has the very same record, appearances, co-mentions, events and named
 * records as last build, so its pages are last build's.
 */
export function touchedEntities(ctx: RenderContext): ReadonlySet<string> | null {
  if (!ctx.reuse) return null;
  const { archive } = ctx;
  const now: EntitySources = {
    entities: archive.entityIndex.byId,
    appearances: archive.entityIndex.appearances,
    coMentions: archive.entityIndex.coMentions,
    articles: archive.articleById,
    events: archive.events,
    nav: ctx.nav,
    config: ctx.config,
  };
  const last = ctx.reuse.swap('entity page sources', now);
  if (!last || last.nav !== now.nav || last.config !== now.config) return null;
  const touched = new Set<string>();
  const changedEntities = changedKeys(last.entities, now.entities);
  for (const id of changedEntities) touched.add(id);
  for (const id of changedKeys(last.appearances, now.appearances)) touched.add(id);
  for (const id of changedKeys(last.coMentions, now.coMentions)) touched.add(id);
  // The entities an event added, gone or showing a changed record names list it.
  for (const event of touchedEvents(last.events, now.events, changedKeys(last.articles, now.articles), changedEntities)) for (const id of event.entities) touched.add(id);
  return touched;
}
