/**
 * `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. A sitemap must list absolute URLs, so it is
 * only written with a base URL; robots.txt is always written and names the sitemap when there is one.
 */
import type { Config } from '../config.js';
import type { Page } from '../render/page.js';
import { absoluteUrl } from './links.js';
import { escapeXml } from './xml.js';

/** Path of the sitemap. */
export const SITEMAP = 'sitemap.xml';

/** Pages that are not content and stay out of the sitemap. */
const NOT_IN_SITEMAP = new Set(['404.html']);

/** The URL (relative to the site root) of every HTML page a search engine should know, in path order, from the paths of the site's files. */
export function sitemapUrls(paths: Iterable<string>): string[] {
  return [...paths]
    .filter((file) => file.endsWith('.html') && !NOT_IN_SITEMAP.has(file))
    .map((file) => (file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The sitemap of the files at `paths` (only their paths are needed, not their text), or null
 * without a base URL. `lastmod` gives a page's date when it is known to the day (an article's
 * publication date); the build never claims a date it does not know.
 */
export function sitemapPage(paths: Iterable<string>, config: Pick<Config, 'baseUrl'>, lastmod: ReadonlyMap<string, string> = new Map()): Page | null {
  if (!config.baseUrl) return null;
  const entries = sitemapUrls(paths).map((url) => {
    const date = lastmod.get(url);
    return `  <url><loc>${escapeXml(absoluteUrl(config, encodeURI(url))!)}</loc>${date ? `<lastmod>${date}</lastmod>` : ''}</url>`;
  });
  const content = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
  return { path: SITEMAP, content };
}

/**
 * robots.txt: everything may be crawled. Crawlers only read it at a host's root, so for a site in a
 * subfolder it is a template to copy there (docs/publishing.md says so).
 */
export function robotsPage(config: Pick<Config, 'baseUrl'>): Page {
  const sitemap = absoluteUrl(config, SITEMAP);
  return { path: 'robots.txt', content: ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : []), ''].join('\n') };
}
