/**
 * Page weight: an article page plus the stylesheets and scripts it loads must stay under 50 KB
 * (50 KiB) before compression, so the archive reads fast on a slow connection. It holds for every
 * seed article, the 2,500-word one included. Runs in Node on the built seed site, no browser needed.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from './helpers/site.js';

const LIMIT = 50 * 1024;

/** Local files a page loads as it opens: stylesheets and scripts (not links a reader follows). */
function assetsOf(html: string, pageFile: string): string[] {
  const found = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"|<script\b[^>]*\bsrc="([^"]+)"/g)];
  return found
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((href) => href && !/^[a-z]+:/i.test(href))
    .map((href) => path.posix.join(path.posix.dirname(pageFile), href.split(/[?#]/)[0]!));
}

describe('page weight of the seed site', () => {
  let site: BuiltSite;
  let words: Map<string, number>;
  beforeAll(async () => {
    site = await buildSite('seeds');
    const records = JSON.parse(readFileSync(path.join(site.dir, 'data/articles.json'), 'utf8')) as { url: string; wordCount: number }[];
    words = new Map(records.map((record) => [`${record.url}index.html`, record.wordCount]));
  });
  afterAll(() => site?.remove());

  it('keeps article pages with their CSS and scripts under 50 KB', () => {
    const articles = site.htmlFiles.filter((file) => words.has(file));
    expect(articles.length).toBeGreaterThan(0);
    const heavy = articles.flatMap((file) => {
      const html = readFileSync(path.join(site.dir, file), 'utf8');
      const total = Buffer.byteLength(html) + assetsOf(html, file).reduce((sum, asset) => sum + statSync(path.join(site.dir, asset)).size, 0);
      return total > LIMIT ? [`${file}: ${(total / 1024).toFixed(1)} KB`] : [];
    });
    expect(heavy).toEqual([]);
  });
});
