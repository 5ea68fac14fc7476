/**
 * axe-core on every page of the seed site: no violation of WCAG 2.2 A or AA. Every page is checked
 * in the light scheme; one page of each kind also in the dark scheme, since colours change there.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS } from './helpers/chromium.js';
import { useBrowserHarness } from './helpers/harness.js';
import { representatives } from './helpers/pageKinds.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One violation, flattened for a readable failure message. */
interface Violation {
  page: string;
  scheme: string;
  rule: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page open in `page` and returns its WCAG A/AA violations. */
async function axeViolations(page: Page, label: string, scheme: string): Promise<Violation[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which would refuse an injected script tag.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  }, WCAG_TAGS);
  return violations.map((v) => ({ page: label, scheme, rule: v.id, help: v.help, targets: v.targets }));
}

describe.runIf(RUN_BROWSER_TESTS)('accessibility of the seed site (axe-core, WCAG 2.2 A and AA)', () => {
  const h = useBrowserHarness('seeds');

  async function check(files: readonly string[], scheme: 'light' | 'dark'): Promise<Violation[]> {
    const context = await h.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Violation[] = [];
    for (const file of files) {
      await page.goto(h.urlOf(file), { waitUntil: 'load' });
      found.push(...(await axeViolations(page, file, scheme)));
    }
    await context.close();
    return found;
  }

  it('finds no violation on any page in the light scheme', async () => {
    expect(await check(h.site.htmlFiles, 'light')).toEqual([]);
  }, 90_000);

  it('finds no violation on one page of each kind in the dark scheme', async () => {
    const chosen = representatives(h.site.htmlFiles, (file) => statSync(path.join(h.site.dir, file)).size);
    expect(await check([...chosen.values()], 'dark')).toEqual([]);
  }, 60_000);
});
