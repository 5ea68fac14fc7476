/**
 * What every page renderer receives, and the one function that turns a template plus variables into
 * a Page (adding the variables every template can rely on).
 */
import type nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { fileForUrl, rootFor, type Page } from './page.js';

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
   * Keep per-article results (bodies, structured data) for the next build: only a watch session
   * builds again. Unset means keep. A single build renders each article once, and what it kept
   * would stay in memory until the build ends (about 26 KiB an article).
   */
  remember?: boolean;
  /**
   * A watch session's memory of last build's pages (see `renderPageFrom`); without it every page is
   * made afresh.
   */
  reuse?: PageReuse;
}

/**
 * Last build's pages, told apart by template and URL, with the records each was made from. Only a
 * watch session has one (`RenderMemo`): it lives as long as the templates and settings do.
 */
export interface PageReuse {
  /**
   * Last build's output of `template` at `url` when it was made from inputs equal to `inputs` (and
   * the filters that read the archive still answer as they did); else `render()`, remembered with
   * `inputs` for the next build.
   */
  page(template: string, url: string, inputs: readonly unknown[], render: () => string): string;
  /** The same for any value (a record's text in a data export): last build's under `key` when made from equal inputs, else `make()`. */
  value<T>(key: string, inputs: readonly unknown[], make: () => T): T;
}

/** `make()`, or through `reuse` when there is one (see `PageReuse.value`). */
export function reusedValue<T>(reuse: PageReuse | undefined, key: string, inputs: readonly unknown[], make: () => T): T {
  return reuse ? reuse.value(key, inputs, make) : make();
}

/**
 * Renders `template` as the page at `url` (`articles/x/`, or a file name such as `404.html`).
 * `vars.root` may replace the relative prefix to the site root, for a page served at other
 * addresses than its own (the 404 page).
 */
export function renderPage(ctx: RenderContext, template: string, url: string, vars: Record<string, unknown>): Page {
  return { path: fileForUrl(url), content: renderVars(ctx, template, url, vars) };
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
  const render = () => renderVars(ctx, template, url, vars());
  // The navigation and settings reach every page too.
  return { path: fileForUrl(url), content: ctx.reuse ? ctx.reuse.page(template, url, [ctx.nav, ctx.config, ...inputs], render) : render() };
}

function renderVars(ctx: RenderContext, template: string, url: string, vars: Record<string, unknown>): string {
  const root = typeof vars.root === 'string' ? vars.root : rootFor(fileForUrl(url));
  const { config } = ctx;
  return ctx.env.render(template, {
    ...vars,
    root,
    url,
    nav: ctx.nav,
    site: { title: config.title, description: config.description, language: config.language, baseUrl: config.baseUrl },
  });
}
