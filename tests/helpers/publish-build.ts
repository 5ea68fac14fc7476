/** Builds a site into a temporary folder and resolves the links found in it, for the publishing tests. */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig, type Config } from '../../src/config.js';

/** The repository root. */
export const REPO = path.resolve(import.meta.dirname, '../..');

/** A finished build and where it went. */
export interface BuiltSite {
  /** The build's result. */
  result: BuildResult;
  /** The settings it ran with. */
  config: Config;
  /** The output folder. */
  out: string;
}

export async function buildSite(input: string, options: { baseUrl?: string; portable?: boolean } = {}): Promise<BuiltSite> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'dossier-publish-')), 'dist');
  const config = resolveConfig(REPO, { input, output: out, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.portable ? { portable: true } : {}) });
  const result = await build(config, { cwd: REPO });
  return { result, config, out };
}

/** Deletes a site `buildSite` made, with the temporary folder around it. */
export function removeSite(site: BuiltSite | undefined): void {
  if (site) rmSync(path.dirname(site.out), { recursive: true, force: true });
}

/** Every file of a folder, as `/`-separated relative paths. */
export function listSite(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? listSite(dir, rel) : [rel];
  });
}

/**
 * The site file a link in the file at `from` points to, or null when the link leaves the site
 * (another host, `urn:`, `mailto:`). Absolute links under the base URL count as internal.
 */
export function siteFileOf(link: string, from: string, baseUrl: string | null): string | null {
  const SITE = 'http://site.invalid/';
  let resolved: URL;
  if (baseUrl && link.startsWith(baseUrl)) resolved = new URL(link.slice(baseUrl.length), SITE);
  else if (baseUrl && link.startsWith(new URL(baseUrl).pathname)) resolved = new URL(link.slice(new URL(baseUrl).pathname.length), SITE);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return null;
  else resolved = new URL(link, new URL(from, SITE));
  if (resolved.origin !== new URL(SITE).origin) return null;
  const file = decodeURIComponent(resolved.pathname.slice(1));
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/** True when `link` (found in `from`) names a file that exists in the built site `out`. */
export function linkExists(out: string, link: string, from: string, baseUrl: string | null): boolean {
  const file = siteFileOf(link, from, baseUrl);
  return file === null || existsSync(path.join(out, file));
}
