/**
 * The paginated page kinds (an entity's later pages, listings of entities by type and by initial,
 * the index of a big archive, the later pages of a month, a much-reported event's pages) in a real browser: the seeds are too small
 * to have them, so a hand-built archive big enough is rendered, written and served. One page of
 * each kind is opened: no link from it leads to a missing page or anchor, no console error, and no
 * axe-core violation (WCAG 2.2 A and AA) in the light or the dark scheme.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { publishSite } from '../../src/publish/publishSite.js';
import { renderSite } from '../../src/render/renderSite.js';
import { pageText } from '../../src/render/page.js';
import { bigArchive } from '../helpers/big-archive.js';
import { launchChromium, RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { Visitor } from './helpers/crawl.js';
import { pathOf, representatives } from './helpers/pageKinds.js';
import { serveFolder, type StaticServer } from './helpers/server.js';
import { REPO_ROOT } from './helpers/site.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.runIf(RUN_BROWSER_TESTS)('paginated pages of a big archive in the browser', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let chosen: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bounded-'));
    const config = { ...resolveConfig(REPO_ROOT, {}), output: dir };
    const archive = bigArchive();
    const files: string[] = [];
    const rendered = [...renderSite(archive, config)];
    for (const page of [...rendered, ...publishSite(rendered.map((p) => p.path), archive, config).pages]) {
      mkdirSync(path.dirname(path.join(dir, page.path)), { recursive: true });
      writeFileSync(path.join(dir, page.path), pageText(page));
      if (page.path.endsWith('.html')) files.push(page.path);
    }
    cpSync(path.join(REPO_ROOT, 'public'), dir, { recursive: true });
    // The paginated kinds, the index whose shape changes on a big archive, and a much-reported event's own pages.
    const paginated = files.filter((file) => /\/page\/\d+\/|^entities\/by-|^entities\/index\.html$|^timeline\/\d+\/\d+\/|^timeline\/events\//.test(file));
    chosen = [...representatives(paginated, (file) => statSync(path.join(dir, file)).size).values()];
    server = await serveFolder(dir);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens each paginated kind without an error, and every same-site link on it resolves', async () => {
    expect(chosen.length).toBeGreaterThanOrEqual(6);
    const context = await browser.newContext();
    const visitor = await Visitor.open(context);
    const problems: string[] = [];
    for (const file of chosen) {
      const seen = await visitor.visit(new URL(pathOf(file), server.origin).href);
      problems.push(...[...seen.errors, ...seen.failedRequests].map((p) => `${file}: ${p}`));
      for (const link of seen.links) {
        const target = new URL(link.target);
        if (target.origin !== new URL(server.origin).origin) continue;
        const response = await fetch(new URL(target.pathname, server.origin));
        if (!response.ok) problems.push(`${file}: ${link.href} (HTTP ${response.status})`);
        else if (target.hash && response.headers.get('content-type')?.includes('html')) {
          const text = await response.text();
          if (!text.includes(`id="${decodeURIComponent(target.hash.slice(1))}"`)) problems.push(`${file}: ${link.href} (no anchor)`);
        }
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(['light', 'dark'] as const)('finds no axe violation in the %s scheme', async (scheme) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const file of chosen) {
      await page.goto(new URL(pathOf(file), server.origin).href, { waitUntil: 'load' });
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }, WCAG_TAGS);
      found.push(...violations.map((v) => `${file}: ${v}`));
    }
    await context.close();
    expect(found).toEqual([]);
  }, 240_000);
});
