/**
 * The hostile fixture site (tests/fixtures/hostile: script, event handlers, `javascript:` URLs,
 * frames and remote resources in titles, front matter, bodies and embedded posts, and in the site's
 * own name) loaded page by page in chromium. Nothing may run: `window` gains no `__pwned…` property (every payload sets one), no dialog opens,
 * and no request leaves the local server. The pages are loaded with the Content-Security-Policy
 * bypassed, so these checks prove the escaping itself, not only the policy behind it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { useBrowserHarness } from './helpers/harness.js';
import { HOSTILE_TITLE } from './helpers/site.js';

/** Queries run on the search page: one that finds every hostile article, one that is itself an attack. */
const SEARCHES = ['pwned', '<img src=x onerror="window.__pwned_query=1">'];

/** What loading one page let happen. */
interface PageOutcome {
  /** Search results shown (on the search page). */
  results: number;
  /** `__pwned…` properties found on window. */
  pwned: string[];
  /** Elements or attributes that could run code or load from elsewhere. */
  dangerous: string[];
}

describe.runIf(RUN_BROWSER_TESTS)('the hostile fixture site in the browser', () => {
  const h = useBrowserHarness('tests/fixtures/hostile', { title: HOSTILE_TITLE });
  const dialogs: string[] = [];
  const escaped: string[] = [];
  const outcomes = new Map<string, PageOutcome>();
  let searched = false;

  beforeAll(async () => {
    const context = await h.browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    // Every request not for the local server is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(h.server.origin)) return route.continue();
      escaped.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss(); });
    for (const file of h.site.htmlFiles) {
      await page.goto(h.urlOf(file), { waitUntil: 'load' });
      // Give error and load handlers of anything that slipped through a moment to fire.
      await page.waitForTimeout(50);
      outcomes.set(file, await page.evaluate(inspectPage));
    }
    // The search page shows hostile titles and excerpts from its index, and echoes the query.
    if (h.site.htmlFiles.includes('search/index.html')) {
      for (const query of SEARCHES) {
        await page.goto(`${h.urlOf('search/index.html')}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
        await page.waitForSelector('.search-result', { timeout: 3000 }).catch(() => undefined);
        await page.waitForTimeout(50);
        outcomes.set(`search for ${query}`, await page.evaluate(inspectPage));
      }
      searched = true;
    }
  }, 60_000);

  it('shows hostile search results without running them', () => {
    expect(searched).toBe(h.site.htmlFiles.includes('search/index.html'));
    if (searched) expect(outcomes.get(`search for ${SEARCHES[0]}`)?.results).toBeGreaterThan(0);
  });

  it('builds a page for every hostile article', () => {
    expect(h.site.htmlFiles.filter((file) => file.startsWith('articles/')).length).toBe(3);
  });

  it('sets no property on window', () => {
    const pwned = [...outcomes].flatMap(([file, outcome]) => outcome.pwned.map((name) => `${file}: ${name}`));
    expect(pwned).toEqual([]);
  });

  it('opens no dialog', () => {
    expect(dialogs).toEqual([]);
  });

  it('sends no request outside the local server', () => {
    expect(escaped).toEqual([]);
  });

  it('leaves no script, frame, event handler or script URL in any page', () => {
    const dangerous = [...outcomes].flatMap(([file, outcome]) => outcome.dangerous.map((what) => `${file}: ${what}`));
    expect(dangerous).toEqual([]);
  });
});

/** Runs in the page: what ran, and what could run or load from elsewhere. */
function inspectPage(): PageOutcome {
  const pwned = Object.getOwnPropertyNames(window).filter((name) => name.toLowerCase().includes('pwned'));
  const dangerous: string[] = [];
  const scriptUrl = /^(javascript|vbscript|data):/i;
  const compact = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base', 'foreignobject'].includes(tag)) dangerous.push(`<${tag}> element`);
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') dangerous.push('<meta http-equiv=refresh>');
    if (tag === 'script') {
      const type = element.getAttribute('type') ?? '';
      const isData = type === 'application/json' || type === 'application/ld+json';
      const src = element.getAttribute('src');
      const ownFile = src !== null && new URL(src, location.href).origin === location.origin && element.textContent === '';
      if (!isData && !ownFile) dangerous.push(`<script> ${element.outerHTML.slice(0, 80)}`);
    }
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) dangerous.push(`${attribute.name} attribute on <${tag}>`);
      if (scriptUrl.test(compact(attribute.value)) && ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset'].includes(attribute.name.toLowerCase())) {
        dangerous.push(`${attribute.name}="${attribute.value.slice(0, 60)}" on <${tag}>`);
      }
    }
  }
  for (const link of document.querySelectorAll('a[href], area[href]')) {
    // SVG <a> elements have no .protocol, so resolve the attribute by hand.
    const protocol = new URL(link.getAttribute('href') ?? '', location.href).protocol;
    if (!['http:', 'https:', 'mailto:'].includes(protocol)) dangerous.push(`link with protocol ${protocol}: ${link.getAttribute('href')}`);
  }
  return { pwned, dangerous, results: document.querySelectorAll('.search-result').length };
}
