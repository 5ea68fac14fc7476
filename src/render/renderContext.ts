/**
 * What every page renderer receives, and the one function that turns a template plus variables into
 * a Page (adding the variables every template can rely on).
 */
import type nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { fileForUrl, rootFor, type DroppedGroup, type Numbered, type Page } from './page.js';

/** A link in the site's main navigation. */
export interface NavItem {
  /** Label shown to the reader. */
  label: string;
  /** Target page URL relative to the site root. */
  url: string;
}

export interface RenderContext {
  /** The linked records. */
  archive: Archive;
  /** The build's settings. */
  config: Config;
  /** The Nunjucks environment. */
  env: nunjucks.Environment;
  /** Main navigation, only listing page kinds this build writes. */
  nav: NavItem[];
  /**
   * A watch session's memory of last build's pages (see `renderPageFrom`); without it every page is
   * made afresh.
   */
  reuse?: PageReuse;
}

/**
 * Last build's texts (pages, feeds, records of the data exports), told apart by key, with the
 * records each was made from. Only a watch session has one (`RenderMemo`): it lives as long as
 * the templates and settings do. It keeps no text: a text made from unchanged inputs comes back
 * as a number the session's writer recognises in the file it wrote last time (see `Numbered`).
 */
export interface PageReuse {
  /**
   * The text under `key` for the file at `path` (a page's, or one part of a data export's). When
   * last build's was made from inputs equal to `inputs` (and the filters that read the archive
   * still answer as they did), and the writer still holds it in that file: its number, without
   * the text. Else `make()`, numbered and remembered with `inputs` for the next build.
   */
  made(path: string, key: string, inputs: readonly unknown[], make: () => string): Numbered;
  /**
   * The pages `make()` yields (each through `made`), or, when last build's were made from inputs
   * equal to `inputs` and each is still as it was made (on disk, its filters answering as they
   * did), last build's by number without calling `make` at all. `inputs` must hold every record
   * any of the pages is made from besides the settings and the navigation: one entity's pages, say,
   * so an edit that left the entity alone costs one comparison, not one per page.
   */
  pages(key: string, inputs: readonly unknown[], make: () => Iterable<Page>): Iterable<Page>;
  /**
   * Asked once per build by a render that knows what an edit touched (see `sourcesSince`): true
   * when this build's writer leaves on disk every group of pages (see `Page.group`) it is not
   * given, so the render may list only the groups the edit touched and name those that are gone;
   * the memo then tells the writer so. False: every group must be listed.
   */
  listTouchedOnly(): boolean;
  /** Forgets the pages of the group under `key` (its record is gone). */
  forget(key: string): void;
  /** Keeps `value` under `key` for the next build, and hands back what the last build kept there (null in the first). */
  swap<T>(key: string, value: T): T | null;
  /** The same for any value kept in memory (small ones: the navigation, the entity groups): last build's under `key` when made from equal inputs, else `make()`. */
  value<T>(key: string, inputs: readonly unknown[], make: () => T): T;
}

/** What a group of pages belongs to: an article, an entity, or a year, a month or an event of the timeline (by its URL). */
export type GroupKind = 'article' | 'entity' | 'timeline';

/**
 * The memo key of one article's or entity's pages (`article\n<id>`), the same string each time it
 * is asked for: a watch build asks for every article's and entity's, and a string made afresh
 * must be hashed afresh to be looked up (at 12,000 entities that alone took ~15 ms an edit).
 */
export function groupKey(kind: GroupKind, id: string): string {
  const keys = groupKeys[kind];
  let key = keys.get(id);
  if (key === undefined) {
    // Ids of records deleted long ago are let go now and then (a key is cheap to make again).
    if (keys.size >= GROUP_KEYS_KEPT) keys.clear();
    keys.set(id, (key = `${kind}\n${id}`));
  }
  return key;
}

/**
 * The pages of one article, entity, year, month or event (`reusedPages` under its `groupKey`), each marked with the
 * group in a watch session, whose writer keeps each group's files together (see `Page.group`).
 */
export function* groupPages(ctx: RenderContext, key: string, inputs: readonly unknown[], make: () => Iterable<Page>): Generator<Page> {
  if (!ctx.reuse) return yield* make();
  for (const page of reusedPages(ctx, key, inputs, make)) yield { path: page.path, content: page.content, group: key };
}

/** The group under `key` is gone (its article, entity, year, month or event page is): forgotten, and named to the writer. */
export function droppedGroup(ctx: RenderContext, key: string): DroppedGroup {
  ctx.reuse?.forget(key);
  return { dropped: key };
}

/** The kind of the group under `key` (see `groupKey`), or null for a key `groupKey` did not make. */
export function groupKind(key: string): GroupKind | null {
  const kind = key.slice(0, key.indexOf('\n'));
  return Object.hasOwn(groupKeys, kind) ? (kind as GroupKind) : null;
}

/** The keys `groupKey` made, by kind and id. */
const groupKeys: Record<GroupKind, Map<string, string>> = { article: new Map(), entity: new Map(), timeline: new Map() };
/** Most keys kept of each kind. */
const GROUP_KEYS_KEPT = 500_000;

/** `make()`, or through `reuse` when there is one (see `PageReuse.value`). */
export function reusedValue<T>(reuse: PageReuse | undefined, key: string, inputs: readonly unknown[], make: () => T): T {
  return reuse ? reuse.value(key, inputs, make) : make();
}

/** The pages of `make()`, or through `ctx.reuse` when there is one (see `PageReuse.pages`); the navigation and settings are inputs too. */
export function reusedPages(ctx: RenderContext, key: string, inputs: readonly unknown[], make: () => Iterable<Page>): Iterable<Page> {
  return ctx.reuse ? ctx.reuse.pages(key, [ctx.nav, ctx.config, ...inputs], make) : make();
}

/** `make()`, or through `reuse` when there is one (see `PageReuse.made`). */
export function madeText(reuse: PageReuse | undefined, path: string, key: string, inputs: readonly unknown[], make: () => string): string | Numbered {
  return reuse ? reuse.made(path, key, inputs, make) : make();
}

/**
 * Renders `template` as the page at `url` (`articles/x/`, or a file name such as `404.html`).
 * `vars.root` may replace the relative prefix to the site root, for a page served at other
 * addresses than its own (the 404 page).
 */
export function renderPage(ctx: RenderContext, template: string, url: string, vars: Record<string, unknown>): Page {
  const path = fileForUrl(url);
  const all = pageVars(ctx, path, url, vars);
  // In a watch session the page is reused while its variables are equal to last build's (compared by content).
  return { path, content: madeText(ctx.reuse, path, `${template}\n${url}`, [all], () => ctx.env.render(template, all)) };
}

/**
 * `renderPage`, for a page whose variables are costly to make: `vars()` is called only when the page
 * must be rendered. `inputs` must hold every record the variables are made from besides the
 * settings (compared by content, see `sameValue`; unchanged records are the same objects from one
 * watch build to the next, so that is mostly identity checks): in a watch session the page is
 * reused, its variables never made, when they are all equal to last build's. A record missing from
 * `inputs` would leave a stale page, so when in doubt, list it.
 */
export function renderPageFrom(ctx: RenderContext, template: string, url: string, inputs: readonly unknown[], vars: () => Record<string, unknown>): Page {
  const path = fileForUrl(url);
  const render = () => ctx.env.render(template, pageVars(ctx, path, url, vars()));
  // The navigation and settings reach every page too.
  return { path, content: madeText(ctx.reuse, path, `${template}\n${url}`, [ctx.nav, ctx.config, ...inputs], render) };
}

/** A page's variables with those every template can rely on. */
function pageVars(ctx: RenderContext, path: string, url: string, vars: Record<string, unknown>): Record<string, unknown> {
  const root = typeof vars.root === 'string' ? vars.root : rootFor(path);
  const { config } = ctx;
  return {
    ...vars,
    root,
    url,
    nav: ctx.nav,
    site: { title: config.title, description: config.description, language: config.language, baseUrl: config.baseUrl },
  };
}
