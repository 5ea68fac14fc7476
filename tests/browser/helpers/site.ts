/**
 * Builds a folder of articles into a fresh temporary folder with Dossier's own templates and static
 * files, exactly as `dossier build` would, and lists the pages written.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../../src/build.js';
import { resolveConfig, type ConfigOverrides } from '../../../src/config.js';

/** The repository root (tests/browser/helpers → ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A built site in a temporary folder. */
export interface BuiltSite {
  /** Absolute path of the output folder. */
  dir: string;
  /** Every `.html` file written, `/`-separated and relative to `dir`, sorted. */
  htmlFiles: string[];
  /** Deletes the folder. */
  remove(): void;
}

/** The hostile fixture site's name: it is on every page, so it is attacked too. */
export const HOSTILE_TITLE = 'Archive <script>window.__pwned_site_title = 1</script><img src=x onerror="window.__pwned_site_img = 1">';

/** Builds `input` (relative to the repository root) and fails loudly on any build error. */
export async function buildSite(input: string, overrides: Pick<ConfigOverrides, 'title'> = {}): Promise<BuiltSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-browser-'));
  const config = resolveConfig(REPO_ROOT, { ...overrides, input, output: dir });
  const result = await build({ ...config, templates: path.join(REPO_ROOT, 'templates'), public: path.join(REPO_ROOT, 'public') }, { cwd: REPO_ROOT });
  if (!result.ok) {
    rmSync(dir, { recursive: true, force: true });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}:${d.line ?? ''} ${d.message}`);
    throw new Error(`building ${input} failed:\n${errors.join('\n')}`);
  }
  return { dir, htmlFiles: listHtml(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function listHtml(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
