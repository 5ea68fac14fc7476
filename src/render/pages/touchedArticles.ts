/**
 * Which articles' pages a watch build must look at (the counterpart of `touchedEntities`). An
 * article's page is made from its record, its neighbours, its entities (body links, the side list,
 * related articles) and its events with the records they name; a watch session's link stage hands
 * back the very same record or list for each of those an edit did not change, so comparing last
 * build's maps with this build's by identity tells the few articles an edit touched.
 */
import type { Archive } from '../../link/archive.js';
import { changedKeys } from '../../link/lists.js';
import type { TimelineEvent } from '../../types.js';
import type { NavItem, RenderContext } from '../renderContext.js';
import { touchedEvents } from './touchedEvents.js';

/** What every article page is made from, as one build holds it (kept until the next build, see `PageReuse.swap`). */
interface ArticleSources {
  /** Article records by id. */
  articles: Archive['articleById'];
  /** Each article's neighbours. */
  neighbours: Archive['neighbours'];
  /** Entity records by id (events name them). */
  entities: Archive['entityIndex']['byId'];
  /** Each article's body links. */
  bodyLinks: Archive['entityIndex']['bodyLinks'];
  /** Each article's entities by type (made again when any of their records changes). */
  ofArticle: Archive['entityIndex']['ofArticle'];
  /** Each article's related articles. */
  related: Archive['entityIndex']['related'];
  /** Every event. */
  events: readonly TimelineEvent[];
  /** The navigation every page shows. */
  nav: readonly NavItem[];
  /** The settings. */
  config: RenderContext['config'];
}

/**
 * The ids of the articles whose pages may differ from last build's, or null when every article's
 * must be looked at (a single build, the first of a session, a change of templates or settings).
 */
export function touchedArticles(ctx: RenderContext): ReadonlySet<string> | null {
  if (!ctx.reuse) return null;
  const { archive } = ctx;
  const { entityIndex } = archive;
  const now: ArticleSources = {
    articles: archive.articleById,
    neighbours: archive.neighbours,
    entities: entityIndex.byId,
    bodyLinks: entityIndex.bodyLinks,
    ofArticle: entityIndex.ofArticle,
    related: entityIndex.related,
    events: archive.events,
    nav: ctx.nav,
    config: ctx.config,
  };
  const last = ctx.reuse.swap('article page sources', now);
  if (!last || last.nav !== now.nav || last.config !== now.config) return null;
  const touched = new Set<string>();
  const changedArticles = changedKeys(last.articles, now.articles);
  for (const id of changedArticles) touched.add(id);
  // Neighbour records are made anew each build: compared by the articles they name.
  for (const [id, around] of now.neighbours) {
    const before = last.neighbours.get(id);
    if (!before || before.previous !== around.previous || before.next !== around.next) touched.add(id);
  }
  for (const id of changedKeys(last.bodyLinks, now.bodyLinks)) touched.add(id);
  for (const id of changedKeys(last.ofArticle, now.ofArticle)) touched.add(id);
  for (const id of changedKeys(last.related, now.related)) touched.add(id);
  // The articles reporting an event added, gone or showing a changed record list it.
  for (const event of touchedEvents(last.events, now.events, changedArticles, changedKeys(last.entities, now.entities))) for (const id of event.articles) touched.add(id);
  return touched;
}
