/**
 * The publish stage: after rendering, adds what describes the finished site to the outside world:
 * feeds, the sitemap (which lists every rendered HTML page, so it must come last) and robots.txt.
 * Without a base URL it returns a note naming what could not be made absolute, instead of
 * writing wrong absolute URLs.
 */
import type { Config } from '../config.js';
import type { Diagnostic } from '../errors.js';
import type { Archive } from '../link/archive.js';
import type { Page } from '../render/page.js';
import { feedPages } from './feeds.js';
import { robotsPage, sitemapPage } from './sitemap.js';

/** The files the publish stage adds and anything the user should know about them. */
export interface Published {
  /** The rendered pages followed by the feeds, the sitemap and robots.txt. */
  pages: Page[];
  /** A note when there is no base URL. */
  diagnostics: Diagnostic[];
}

export function publishSite(pages: readonly Page[], archive: Archive, config: Config): Published {
  const published = new Map(archive.articles.flatMap((article) => (article.date && article.datePrecision === 'day' ? [[article.url, article.date] as const] : [])));
  const sitemap = sitemapPage(pages, config, published);
  const added = [...feedPages(archive, config), ...(sitemap ? [sitemap] : []), robotsPage(config)];
  return { pages: [...pages, ...added], diagnostics: config.baseUrl ? [] : [missingBaseUrlNote()] };
}

/** What a build without a base URL leaves out, and how to add it. */
export function missingBaseUrlNote(): Diagnostic {
  return {
    severity: 'note',
    file: null,
    message:
      'no base URL, so sitemap.xml was not written, robots.txt names no sitemap, pages have no canonical link or og:url, and feeds use relative links and urn: ids.',
    hint: 'Set baseUrl in dossier.yml or pass --base-url https://example.org/archive/ when building for publication.',
  };
}
