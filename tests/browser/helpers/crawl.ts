/**
 * Crawls a served site in the browser from its home page, following every same-origin link, and
 * records for each page what the tests judge: its status, the ids it defines, the links it holds,
 * console errors, uncaught exceptions and failed requests. Non-HTML targets (JSON, feeds) are
 * fetched, not opened, so only their status is known.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A link found on a page. */
export interface FoundLink {
  /** The page it was found on (path from the site root). */
  from: string;
  /** The href as written. */
  href: string;
  /** Absolute target URL. */
  target: string;
}

/** What one visit found. */
export interface CrawledPage {
  /** The page's path from the site root (`/articles/x/`). */
  path: string;
  /** HTTP status of the page itself. */
  status: number;
  /** The response's content type. */
  contentType: string;
  /** True when it was opened in the browser (HTML); false when only fetched. */
  opened: boolean;
  /** Every `id` (and `a[name]`) in the document. */
  ids: Set<string>;
  /** Links on the page (a, area, link, form actions), absolute. */
  links: FoundLink[];
  /** Console messages of type error, uncaught exceptions. */
  errors: string[];
  /** Requests that failed or answered 400 or more (besides the page itself). */
  failedRequests: string[];
}

/** Everything a crawl saw, by page path. */
export type CrawlResult = Map<string, CrawledPage>;

/** Opens `url` in a fresh tab and collects what the tests judge about it. */
export async function visit(context: BrowserContext, url: string): Promise<CrawledPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  page.on('response', (response) => { if (response.status() >= 400 && response.url() !== url) failedRequests.push(`${response.url()} (HTTP ${response.status()})`); });
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    const contentType = response?.headers()['content-type'] ?? '';
    const found = await pageFacts(page);
    return {
      path: new URL(url).pathname,
      status: response?.status() ?? 0,
      contentType,
      opened: true,
      ids: new Set(found.ids),
      links: found.links.map((link) => ({ from: new URL(url).pathname, href: link.href, target: link.target })),
      errors,
      failedRequests,
    };
  } finally {
    await page.close();
  }
}

async function pageFacts(page: Page): Promise<{ ids: string[]; links: { href: string; target: string }[] }> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    const names = [...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name') ?? '');
    // A form's action is a link too (the header's search box leads to the search page).
    const links = [...document.querySelectorAll('a[href], area[href], link[href], form[action]')].map((el) => {
      const href = el.getAttribute(el.localName === 'form' ? 'action' : 'href') ?? '';
      // Resolved by hand: an SVG <a> has no string .href.
      return { href, target: new URL(href, document.baseURI).href };
    });
    return { ids: [...ids, ...names], links };
  });
}

/** Crawls from `origin` (and any `extra` paths, such as the 404 page) following same-origin links. */
export async function crawl(context: BrowserContext, origin: string, extra: readonly string[] = []): Promise<CrawlResult> {
  const result: CrawlResult = new Map();
  const queue: string[] = [new URL('/', origin).pathname, ...extra];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const pathname = queue.shift()!;
    const url = new URL(pathname, origin).href;
    const head = await fetch(url, { method: 'HEAD' });
    const contentType = head.headers.get('content-type') ?? '';
    if (head.status !== 200 || !contentType.startsWith('text/html')) {
      result.set(pathname, { path: pathname, status: head.status, contentType, opened: false, ids: new Set(), links: [], errors: [], failedRequests: [] });
      continue;
    }
    const page = await visit(context, url);
    result.set(pathname, page);
    for (const link of page.links) {
      const target = new URL(link.target);
      if (target.origin !== new URL(origin).origin || seen.has(target.pathname)) continue;
      seen.add(target.pathname);
      queue.push(target.pathname);
    }
  }
  return result;
}

/** Problems with links: targets that are missing and fragments that name no element. */
export function brokenLinks(result: CrawlResult, origin: string): string[] {
  const problems: string[] = [];
  for (const page of result.values()) {
    for (const link of page.links) {
      const target = new URL(link.target);
      if (target.origin !== new URL(origin).origin) continue;
      const landing = result.get(target.pathname);
      if (!landing || landing.status !== 200) {
        problems.push(`${link.from}: link "${link.href}" leads to a missing page (${landing?.status ?? 'not visited'})`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && fragment !== 'top' && landing.opened && !landing.ids.has(fragment)) {
        problems.push(`${link.from}: link "${link.href}" names #${fragment}, which ${target.pathname} does not define`);
      }
    }
  }
  return problems;
}
