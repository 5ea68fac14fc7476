/**
 * The publish stage: after rendering, adds what describes the finished site to the outside world:
 * the site's feeds, the sitemap (which lists every rendered HTML page, so it must come last) and robots.txt.
 * It needs the paths of the rendered pages and the archive, never the pages' text.
 * Without a base URL it returns a note naming what could not be made absolute, instead of
 * writing wrong absolute URLs.
 */
import type { Config } from '../config.js';
import type { Diagnostic } from '../errors.js';
import type { Archive } from '../link/archive.js';
import type { Page } from '../render/page.js';
import { siteFeeds } from './feeds.js';
import { robotsPage, sitemapPage } from './sitemap.js';

/** The files the publish stage adds and anything the user should know about them. */
export interface Published {
  /** The feeds, the sitemap and robots.txt, each made as it is taken. */
  pages: Iterable<Page>;
  /** A note when there is no base URL. */
  diagnostics: Diagnostic[];
}

/** `renderedPaths`: the path of every file the render stage made (asked for only when there is a sitemap to make). */
export function publishSite(renderedPaths: Iterable<string>, archive: Archive, config: Config): Published {
  return { pages: publishedPages(renderedPaths, archive, config), diagnostics: config.baseUrl ? [] : [missingBaseUrlNote()] };
}

function* publishedPages(renderedPaths: Iterable<string>, archive: Archive, config: Config): Generator<Page> {
  yield* siteFeeds(archive, config);
  if (config.baseUrl) {
    const published = new Map(archive.articles.flatMap((article) => (article.date && article.datePrecision === 'day' ? [[article.url, article.date] as const] : [])));
    const sitemap = sitemapPage(renderedPaths, config, published);
    if (sitemap) yield sitemap;
  }
  yield robotsPage(config);
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
