/**
 * End-to-end publishing checks: the seeds and a small fixture archive, built with and without a base
 * URL and with --portable. Every feed, the sitemap and every JSON-LD block is parsed, and every URL
 * in them (and every link in every page) must point at a file the build wrote.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, linkExists, listSite, removeSite, REPO, type BuiltSite } from './helpers/publish-build.js';

const BASE = 'https://example.org/archive/';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url'].includes(name) });
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const inCi = process.env.CI === 'true';

const INPUTS = { seeds: 'seeds', fixtures: 'tests/fixtures/publish-site' } as const;
const MODES = { 'base URL': { baseUrl: BASE }, 'no base URL': {}, portable: { portable: true } } as const;

/** Every internal URL-valued string inside a JSON-LD value. */
function jsonLdUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['url', 'item', 'mainEntityOfPage'].includes(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdUrls(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonLdUrls(v, k));
  return [];
}

const decode = (attribute: string) => attribute.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

for (const [inputName, input] of Object.entries(INPUTS)) {
  for (const [modeName, mode] of Object.entries(MODES)) {
    describe(`${inputName}, ${modeName}`, () => {
      let site: BuiltSite;
      let files: string[];
      let html: string[];
      const baseUrl = 'baseUrl' in mode ? mode.baseUrl : null;
      const read = (file: string) => readFileSync(path.join(site.out, file), 'utf8');

      beforeAll(async () => {
        site = await buildSite(input, mode);
        files = site.result.ok ? listSite(site.out) : [];
        html = files.filter((file) => file.endsWith('.html'));
      }, 60_000);
      afterAll(() => removeSite(site));

      it('builds, and says what needs a base URL when there is none', () => {
        expect(site.result.ok).toBe(true);
        const note = site.result.diagnostics.find((d) => d.severity === 'note' && d.message.includes('no base URL'));
        expect(Boolean(note)).toBe(baseUrl === null);
        expect(typeof site.result.timings.search).toBe('number');
      });

      it('writes feeds that parse, with the required elements, linking to pages that exist', () => {
        const atomFeeds = files.filter((file) => file === 'feed.xml' || /^entities\/[^/]+\/feed\.xml$/.test(file));
        expect(atomFeeds).toContain('feed.xml');
        for (const file of atomFeeds) {
          const { feed } = parser.parse(read(file), true);
          for (const field of ['id', 'title', 'updated']) expect(feed[field], `${file} ${field}`).toBeTruthy();
          const links = [...feed.link, ...(feed.entry ?? []).flatMap((entry: { link: unknown[]; id: string; updated: string }) => {
            expect(entry.id && entry.updated).toBeTruthy();
            return entry.link;
          })].map((link: Record<string, string>) => link['@href']!);
          for (const link of links) expect(linkExists(site.out, link, file, baseUrl), `${file}: ${link}`).toBe(true);
          if (baseUrl) for (const link of links) expect(link.startsWith(BASE), link).toBe(true);
        }
        const json = JSON.parse(read('feed.json'));
        expect(json.version).toBe('https://jsonfeed.org/version/1.1');
        for (const item of json.items) expect(linkExists(site.out, item.url, 'feed.json', baseUrl), item.url).toBe(true);
      });

      it('lists every HTML page but 404 in a valid sitemap (only with a base URL) named by robots.txt', () => {
        const robots = read('robots.txt');
        if (!baseUrl) {
          expect(files).not.toContain('sitemap.xml');
          expect(robots).not.toMatch(/Sitemap:/);
          return;
        }
        expect(robots).toContain(`Sitemap: ${BASE}sitemap.xml`);
        const { urlset } = parser.parse(read('sitemap.xml'), true);
        const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
        for (const loc of locs) expect(linkExists(site.out, loc, 'sitemap.xml', baseUrl), loc).toBe(true);
        const expected = html.filter((file) => file !== '404.html').map((file) => `${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`);
        expect([...locs].sort()).toEqual([...expected].sort());
      });

      it.skipIf(!hasXmllint && !inCi)('validates the sitemap against the sitemaps.org XSD with xmllint', () => {
        if (!baseUrl) return;
        const xsd = path.join(REPO, 'tests/fixtures/sitemap.xsd');
        expect(() => execFileSync('xmllint', ['--noout', '--schema', xsd, path.join(site.out, 'sitemap.xml')], { stdio: 'pipe' })).not.toThrow();
      });

      it('gives every article page parseable NewsArticle and BreadcrumbList JSON-LD whose URLs exist', () => {
        const articles = html.filter((file) => file.startsWith('articles/') && !file.startsWith('articles/page/'));
        expect(articles.length).toBeGreaterThan(0);
        for (const file of html) {
          const blocks = [...read(file).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
          const records = blocks.flat();
          if (articles.includes(file) && !file.includes('/page/')) {
            expect(records.map((r: { '@type': string }) => r['@type']).sort(), file).toEqual(['BreadcrumbList', 'NewsArticle']);
          }
          for (const url of jsonLdUrls(records)) expect(linkExists(site.out, url, file, baseUrl), `${file}: ${url}`).toBe(true);
          if (baseUrl) for (const url of jsonLdUrls(records)) expect(url.startsWith(BASE), url).toBe(true);
        }
      });

      it('has canonical, Open Graph and Twitter metadata, and a CSP that allows no inline script', () => {
        for (const file of html) {
          const page = read(file);
          const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
          expect(csp, file).toBeTruthy();
          expect(decode(csp!)).not.toContain('unsafe-inline');
          expect(decode(csp!)).not.toMatch(/'unsafe-eval'/);
          for (const tag of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
            const inline = !/\ssrc="/.test(tag[1]!);
            if (inline) expect(tag[1], `${file}: inline script`).toContain('type="application/ld+json"');
          }
          expect(page).toContain('<meta name="twitter:card" content="summary">');
          expect(page).toMatch(/<meta property="og:title" content="[^"]+">/);
          const canonical = /<link rel="canonical" href="([^"]*)">/.exec(page)?.[1];
          if (!baseUrl || file === '404.html') expect(canonical, file).toBeUndefined();
          else expect(canonical, file).toBe(`${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`);
        }
      });

      it('links only to files that exist; portable sites name every index.html', () => {
        for (const file of html) {
          for (const match of read(file).matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
            const link = decode(match[1]!);
            if (link.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
            const target = link.split('#')[0]!;
            expect(linkExists(site.out, target, file, baseUrl), `${file}: ${link}`).toBe(true);
            if ('portable' in mode) expect(target.endsWith('/'), `${file}: ${link}`).toBe(false);
          }
        }
      });

      it('gives the 404 page links that work at any missing address (from the base URL path, else from the host root)', () => {
        const page = read('404.html');
        if ('portable' in mode) expect(page).toMatch(/<link rel="stylesheet" href="style\.css">/);
        else if (baseUrl) expect(page).toContain('<link rel="stylesheet" href="/archive/style.css">');
        else expect(page).toContain('<link rel="stylesheet" href="/style.css">');
      });

      it('indexes the articles for search and gives the search page a fallback without JavaScript', () => {
        expect(files).toContain('pagefind/pagefind.js');
        expect(files).toContain('pagefind/pagefind-entry.json');
        const entry = JSON.parse(read('pagefind/pagefind-entry.json'));
        const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((sum, lang) => sum + lang.page_count, 0);
        expect(indexed).toBe(site.result.articles);
        const search = read('search/index.html');
        expect(search).toContain('data-bundle="../pagefind/"');
        expect(search).toContain('id="search-fallback"');
        expect(search).toMatch(/script-src 'self' (?:'|&#39;)wasm-unsafe-eval/);
        if ('portable' in mode) {
          const records = JSON.parse(read('search/portable-index.js').replace(/^window\.DOSSIER_SEARCH = /, '').replace(/;\n$/, ''));
          expect(records).toHaveLength(site.result.articles);
          for (const record of records) expect(linkExists(site.out, record.url, '', null), record.url).toBe(true);
        } else expect(files).not.toContain('search/portable-index.js');
        expect(read('index.html')).toMatch(/<form class="site-search" role="search" action="(?:\.\/)?search\/(?:index\.html)?"/);
      });

      it('documents its data exports with JSON Schemas', () => {
        for (const name of ['articles', 'entities', 'timeline']) expect(files).toContain(`data/${name}.schema.json`);
        expect(existsSync(path.join(site.out, 'data/articles.json'))).toBe(true);
      });
    });
  }
}
