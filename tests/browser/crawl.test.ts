/**
 * The seed site in a real browser: starting from the home page and following every internal link,
 * no link leads to a missing page or anchor, no page logs a console error, fails a request or
 * loads anything from another origin, and every page the build wrote can be reached.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { brokenLinks, crawl, type CrawlResult } from './helpers/crawl.js';
import { useBrowserHarness } from './helpers/harness.js';

announceSkip();

describe.runIf(RUN_BROWSER_TESTS)('crawl of the seed site', () => {
  const h = useBrowserHarness('seeds');
  let pages: CrawlResult;
  const outside: string[] = [];

  beforeAll(async () => {
    const context = await h.browser.newContext();
    // A page must not load anything from another origin (fonts, trackers, scripts): record and refuse.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(h.server.origin)) return route.continue();
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    pages = await crawl(context, h.server.origin, ['/404.html']);
  }, 60_000);

  it('opens the home page and at least one article', () => {
    const opened = [...pages.values()].filter((page) => page.opened).map((page) => page.path);
    expect(opened).toContain('/');
    expect(opened.some((path) => path.startsWith('/articles/'))).toBe(true);
  });

  it('finds no link to a missing page or anchor', () => {
    expect(brokenLinks(pages, h.server.origin)).toEqual([]);
  });

  it('sees no console error, exception or failed request on any page', () => {
    const problems = [...pages.values()].flatMap((page) => [...page.errors, ...page.failedRequests].map((problem) => `${page.path}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('loads nothing from outside the site', () => {
    expect(outside).toEqual([]);
  });

  it('reaches every page the build wrote from the home page', () => {
    const reached = new Set([...pages.keys()].map((path) => (path.endsWith('/') ? `${path}index.html` : path).slice(1)));
    const orphans = h.site.htmlFiles.filter((file) => file !== '404.html' && !reached.has(file));
    expect(orphans).toEqual([]);
  });
});
