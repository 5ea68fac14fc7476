/**
 * Crawls a served site in the browser from its home page, following every same-origin link, and
 * records for each page what the tests judge: its status, the ids it defines, the links it holds,
 * console errors, uncaught exceptions and failed requests. Non-HTML targets (JSON, feeds) are
 * fetched, not opened, so only their status is known.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';

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

/** Collects, on one reused tab, what the tests judge about each page it opens. */
export class Visitor {
  private errors: string[] = [];
  private failedRequests: string[] = [];
  private current = '';
  /** The failure list of the visit each request was made during. */
  private readonly owner = new WeakMap<Request, string[]>();

  private constructor(private readonly page: Page) {
    page.on('console', (message) => { if (message.type() === 'error') this.errors.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => this.errors.push(`exception: ${error.message}`));
    page.on('request', (request) => this.owner.set(request, this.failedRequests));
    page.on('requestfailed', (request) => {
      const owner = this.owner.get(request) ?? this.failedRequests;
      const reason = request.failure()?.errorText ?? 'failed';
      // Leaving a page cancels what it still had in flight (a favicon, a worker): not the site's fault.
      // Real failures show as another error or as a 4xx/5xx response.
      if (reason === 'net::ERR_ABORTED') return;
      owner.push(`${request.url()} (${reason})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url() !== this.current) (this.owner.get(response.request()) ?? this.failedRequests).push(`${response.url()} (HTTP ${response.status()})`);
    });
  }

  static async open(context: BrowserContext): Promise<Visitor> {
    return new Visitor(await context.newPage());
  }

  /** Opens `url` and returns what was seen while it loaded. */
  async visit(url: string): Promise<CrawledPage> {
    this.errors = [];
    this.failedRequests = [];
    this.current = url;
    const response = await this.page.goto(url, { waitUntil: 'load' });
    const found = await pageFacts(this.page);
    const from = new URL(url).pathname;
    return {
      path: from,
      status: response?.status() ?? 0,
      contentType: response?.headers()['content-type'] ?? '',
      opened: true,
      ids: new Set(found.ids),
      links: found.links.map((link) => ({ from, href: link.href, target: link.target })),
      errors: this.errors,
      failedRequests: this.failedRequests,
    };
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
  const visitor = await Visitor.open(context);
  while (queue.length > 0) {
    const pathname = queue.shift()!;
    const url = new URL(pathname, origin).href;
    const head = await fetch(url, { method: 'HEAD' });
    const contentType = head.headers.get('content-type') ?? '';
    if (head.status !== 200 || !contentType.startsWith('text/html')) {
      result.set(pathname, { path: pathname, status: head.status, contentType, opened: false, ids: new Set(), links: [], errors: [], failedRequests: [] });
      continue;
    }
    const page = await visitor.visit(url);
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
