/**
 * Addresses in published files. Internal links stay relative so one build works on any host, at
 * any path, and from disk; only what must be absolute (canonical links, feeds' ids, the sitemap,
 * social metadata) uses the base URL, and only when there is one: never a guessed absolute URL.
 */
import type { Config } from '../config.js';
import { fileForUrl, linkTarget, rootFor } from '../render/page.js';

/** The settings links depend on. */
export type LinkConfig = Pick<Config, 'baseUrl' | 'portable'>;

/** The public address of `target` (a path relative to the site root), or null without a base URL. */
export function absoluteUrl(config: Pick<Config, 'baseUrl'>, target: string): string | null {
  return config.baseUrl ? `${config.baseUrl}${target}` : null;
}

/**
 * A link from the file at `from` to `target`, both relative to the site root (`articles/x/`,
 * `feed.xml`). In portable sites a folder link names its `index.html`, as file:// needs.
 */
export function relativeUrl(config: Pick<Config, 'portable'>, from: string, target: string): string {
  const link = `${rootFor(fileForUrl(from))}${linkTarget(target, config.portable)}`;
  return link === '' ? './' : link;
}

/** The absolute address when there is a base URL, else a link relative to `from`. */
export function publicUrl(config: LinkConfig, from: string, target: string): string {
  return absoluteUrl(config, target) ?? relativeUrl(config, from, target);
}

/** A date at any precision (`2024`, `2024-05`, `2024-05-20`) as an RFC 3339 time at midnight UTC on its first day. */
export function rfc3339(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

/**
 * Hosts serve `404.html` at whatever address was missing (`/archive/a/b/c`), so its links cannot be
 * relative to its own place. With a base URL they start from the base URL's path (`/archive/`),
 * which works on the published host. Without one they start from `/`, right for a site served at a
 * host's root (the dev server, a local server, a domain of its own) at any depth of missing path;
 * a site in a subfolder needs its base URL for a 404 page that works everywhere. Portable sites
 * (file://) have no 404 handling, so theirs stays relative.
 */
export function notFoundRoot(config: Pick<Config, 'baseUrl' | 'portable'>): { root?: string } {
  if (config.portable) return {};
  return { root: config.baseUrl ? new URL(config.baseUrl).pathname : '/' };
}
