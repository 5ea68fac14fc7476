/**
 * The seed site in a real browser: starting from the home page and following every internal link,
 * no link leads to a missing page or anchor, no page logs a console error, fails a request or
 * loads anything from another origin, and every page the build wrote can be reached.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, launchChromium, RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { brokenLinks, crawl, type CrawlResult } from './helpers/crawl.js';
import { serveFolder, type StaticServer } from './helpers/server.js';
import { buildSite, type BuiltSite } from './helpers/site.js';

announceSkip();

describe.runIf(RUN_BROWSER_TESTS)('crawl of the seed site', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let pages: CrawlResult;
  const outside: string[] = [];

  beforeAll(async () => {
    site = await buildSite('seeds');
    server = await serveFolder(site.dir);
    browser = await launchChromium();
    context = await browser.newContext();
    // A page must not load anything from another origin (fonts, trackers, scripts): record and refuse.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(server.origin)) return route.continue();
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    pages = await crawl(context, server.origin, ['/404.html']);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  it('opens the home page and at least one article', () => {
    const opened = [...pages.values()].filter((page) => page.opened).map((page) => page.path);
    expect(opened).toContain('/');
    expect(opened.some((path) => path.startsWith('/articles/'))).toBe(true);
  });

  it('finds no link to a missing page or anchor', () => {
    expect(brokenLinks(pages, server.origin)).toEqual([]);
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
    const orphans = site.htmlFiles.filter((file) => file !== '404.html' && !reached.has(file));
    expect(orphans).toEqual([]);
  });
});
