/**
 * The setup every browser test file shares: build a folder of articles, serve it on a local port,
 * start one chromium for the file, and tear all three down afterwards. Call inside a `describe`;
 * the returned object is filled in by `beforeAll`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { pathOf } from './pageKinds.js';
import { serveFolder, type StaticServer } from './server.js';
import { buildSite, type BuiltSite } from './site.js';

/** A built, served site and a browser to look at it with. */
export interface BrowserHarness {
  /** The built site. */
  site: BuiltSite;
  /** The server serving it. */
  server: StaticServer;
  /** The file's chromium. */
  browser: Browser;
  /** The address of a built `.html` file (`articles/x/index.html` → `http://…/articles/x/`). */
  urlOf(file: string): string;
}

export function useBrowserHarness(input: string, overrides: Parameters<typeof buildSite>[1] = {}): BrowserHarness {
  const harness = { urlOf: (file: string) => new URL(pathOf(file), harness.server.origin).href } as BrowserHarness;
  beforeAll(async () => {
    harness.site = await buildSite(input, overrides);
    harness.server = await serveFolder(harness.site.dir);
    harness.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
    harness.site?.remove();
  });
  return harness;
}
