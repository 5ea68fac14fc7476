/**
 * Screenshots of one page of each kind (home, article, and whatever kinds the build adds) at 390 px
 * and 1280 px wide, light and dark, written to test-artifacts/screenshots/ (git-ignored) for a
 * person to look at, plus each kind's print layout. The test also checks nothing overflows sideways at the narrowest width, 360 px.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { useBrowserHarness } from './helpers/harness.js';
import { representatives } from './helpers/pageKinds.js';
import { REPO_ROOT } from './helpers/site.js';

const OUT = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
const WIDTHS = [390, 1280];
const SCHEMES = ['light', 'dark'] as const;
const MAX_HEIGHT = 2400;

describe.runIf(RUN_BROWSER_TESTS)('screenshots of each page kind', () => {
  const h = useBrowserHarness('seeds');
  let chosen: Map<string, string>;

  beforeAll(() => {
    chosen = representatives(h.site.htmlFiles, (file) => statSync(path.join(h.site.dir, file)).size);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });

  it('saves each kind at 390 and 1280 px, light and dark', async () => {
    const saved: string[] = [];
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const context = await h.browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const [kind, file] of chosen) {
          await page.goto(h.urlOf(file), { waitUntil: 'load' });
          const name = `${kind}-${width}-${scheme}.png`;
          // The whole page, cut at MAX_HEIGHT so a long article stays a viewable image.
          const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), MAX_HEIGHT);
          await page.screenshot({ path: path.join(OUT, name), fullPage: true, clip: { x: 0, y: 0, width, height } });
          saved.push(name);
        }
        await context.close();
      }
    }
    expect(saved.length).toBe(chosen.size * WIDTHS.length * SCHEMES.length);
  }, 90_000);

  it('saves the print layout of each kind', async () => {
    const context = await h.browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const [kind, file] of chosen) {
      await page.goto(h.urlOf(file), { waitUntil: 'load' });
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), MAX_HEIGHT);
      await page.screenshot({ path: path.join(OUT, `${kind}-print.png`), fullPage: true, clip: { x: 0, y: 0, width: 794, height } });
    }
    await context.close();
  }, 60_000);

  it('lays every kind out without sideways scrolling at 360 px', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const file of chosen.values()) {
      await page.goto(h.urlOf(file), { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`${file}: ${width} px wide`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  }, 60_000);
});
