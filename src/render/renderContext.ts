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
}

/**
 * Renders `template` as the page at `url` (`articles/x/`, or a file name such as `404.html`).
 * `vars.root` may replace the relative prefix to the site root, for a page served at other
 * addresses than its own (the 404 page).
 */
export function renderPage(ctx: RenderContext, template: string, url: string, vars: Record<string, unknown>): Page {
  const path = fileForUrl(url);
  const root = typeof vars.root === 'string' ? vars.root : rootFor(path);
  const { config } = ctx;
  const content = ctx.env.render(template, {
    ...vars,
    root,
    url,
    nav: ctx.nav,
    site: { title: config.title, description: config.description, language: config.language, baseUrl: config.baseUrl },
  });
  return { path, content };
}
