/**
 * Finding and starting the system's chromium through playwright-core (which ships no browser).
 * Under CI=true a missing chromium fails the browser tests; elsewhere they are skipped, and one
 * test file (the crawl) prints a single line saying why.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium lives; DOSSIER_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium';

/** True when there is a chromium to run. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/** True when the browser tests must run (CI), so a missing chromium is a failure, not a skip. */
export const BROWSER_REQUIRED = process.env.CI === 'true';

/** Whether the suites should run: always under CI (where a missing browser then fails), else only with a chromium. */
export const RUN_BROWSER_TESTS = HAS_CHROMIUM || BROWSER_REQUIRED;

/** The one line explaining a skip. */
export const SKIP_MESSAGE = `Browser tests skipped: no chromium at ${CHROMIUM_PATH} (install Debian's chromium or set DOSSIER_CHROMIUM; under CI=true they are required).`;

/** Prints the skip line; called by one test file only, so a run shows it once. */
export function announceSkip(): void {
  if (!RUN_BROWSER_TESTS) console.warn(SKIP_MESSAGE);
}

/** Starts a headless chromium. Throws a clear error when it is missing (the CI case). */
export async function launchChromium(): Promise<Browser> {
  if (!HAS_CHROMIUM) throw new Error(`chromium is required under CI=true but was not found at ${CHROMIUM_PATH}; .ci/run installs it with apt-get.`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
