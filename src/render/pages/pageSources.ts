/**
 * What article and entity pages are made from, as one build holds it, and what changed in it since
 * the last build that wrote its site: the ground `touchedArticles` and `touchedEntities` stand on.
 * A watch session's link stage hands back the very same record or list for everything an edit did
 * not change (see `LinkMemo`), so comparing the two builds' maps by identity tells what it changed.
 */
import type { Archive } from '../../link/archive.js';
import { changedKeys } from '../../link/lists.js';
import type { Article, TimelineEvent } from '../../types.js';
import type { NavItem, RenderContext } from '../renderContext.js';
import { touchedEvents } from './touchedEvents.js';
import { shownChangedIds } from '../timeline/shown.js';

/** The maps pages are made from, as one build holds them (kept until the next build, see `PageReuse.swap`). */
export interface PageSources {
  /** Article records by id. */
  articles: Archive['articleById'];
  /** Each article's neighbours. */
  neighbours: Archive['neighbours'];
  /** Entity records by id. */
  entities: Archive['entityIndex']['byId'];
  /** Appearance lists by entity id. */
  appearances: Archive['entityIndex']['appearances'];
  /** Co-mention lists by entity id. */
  coMentions: Archive['entityIndex']['coMentions'];
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
  /** A watch session's: the archive's version in its log of changes (see `Archive.changes`); its maps by article are then changed in place by later builds. */
  version?: number;
}

/** This build's sources against the last written build's. */
export interface SourcesSince {
  /** The last build's. */
  last: PageSources;
  /** This build's. */
  now: PageSources;
  /** Ids of the articles added, gone or changed. */
  changedArticles: string[];
  /** Ids of the entities added, gone or changed. */
  changedEntities: string[];
  /** The events added or gone, and those naming an article or entity whose view changed (see `touchedEvents`, `shownChangedIds`). */
  events: Set<TimelineEvent>;
  /**
   * From the archive's log (see `Archive.changes`), when it has one: the articles whose neighbours,
   * body links, entities by type or related articles changed. Their maps are then the very same
   * maps in `last` and `now` (changed in place), which only the log tells apart.
   */
  articlePages?: ReadonlySet<string>;
}

/** Each archive's comparison, made once for both page kinds. */
const sinceOf = new WeakMap<Archive, SourcesSince | null>();

/**
 * What changed since the last build that wrote its site, or null when every page must be looked at
 * (a single build, the first of a session, a change of templates or settings, a build that writes
 * the whole site again). Non-null means the render lists only the groups of pages an edit touched
 * (see `PageReuse.listTouchedOnly`).
 */
export function sourcesSince(ctx: RenderContext): SourcesSince | null {
  if (!ctx.reuse) return null;
  const { archive } = ctx;
  const known = sinceOf.get(archive);
  if (known !== undefined) return known;
  const { entityIndex } = archive;
  const now: PageSources = {
    articles: archive.articleById,
    neighbours: archive.neighbours,
    entities: entityIndex.byId,
    appearances: entityIndex.appearances,
    coMentions: entityIndex.coMentions,
    bodyLinks: entityIndex.bodyLinks,
    ofArticle: entityIndex.ofArticle,
    related: entityIndex.related,
    events: archive.events,
    nav: ctx.nav,
    config: ctx.config,
    ...(archive.changes ? { version: archive.changes.version } : {}),
  };
  const last = ctx.reuse.swap('page sources', now);
  let since: SourcesSince | null = null;
  // Only a writer that keeps the groups it is not given on disk lets the render list only the touched ones.
  if (last && last.nav === now.nav && last.config === now.config && archive.changes) {
    // The log tells what changed since the build that wrote the site (or nothing: then every page is looked at).
    const logged = last.version === undefined ? null : archive.changes.log.between(last.version, archive.changes.version);
    if (logged && ctx.reuse.listTouchedOnly()) {
      const changedArticles = [...logged.records.keys()];
      const before = new Map<string, Article>();
      for (const [id, record] of logged.records) if (record) before.set(id, record);
      const changedEntities = changedKeys(last.entities, now.entities);
      const events = touchedEvents(last.events, now.events, shownChangedIds(changedArticles, before, now.articles), shownChangedIds(changedEntities, last.entities, now.entities));
      since = { last, now, changedArticles, changedEntities, events, articlePages: logged.pages };
    }
  } else if (last && last.nav === now.nav && last.config === now.config && ctx.reuse.listTouchedOnly()) {
    const changedArticles = changedKeys(last.articles, now.articles);
    const changedEntities = changedKeys(last.entities, now.entities);
    since = { last, now, changedArticles, changedEntities, events: touchedEvents(last.events, now.events, shownChangedIds(changedArticles, last.articles, now.articles), shownChangedIds(changedEntities, last.entities, now.entities)) };
  }
  sinceOf.set(archive, since);
  return since;
}
