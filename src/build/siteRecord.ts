/**
 * The record of the last site a build wrote, kept in the cache folder (`site.json`), so a rebuild
 * whose inputs are all the same can skip rendering and writing: the output would be byte-identical.
 *
 * "Inputs" is everything the output is a function of: Dossier itself (its fingerprint), the
 * resolved settings and build options, every article file (path and content hash, from the read
 * stage), the entity registry, and every template and static file (hashed by content). The output
 * folder must also still be exactly as that build left it: every file it wrote is there with the
 * same size and modification time (hard links and untouched files keep both). Anything else, and
 * the build renders and writes as usual. Diagnostics the skipped stages gave are replayed, so the
 * user sees the same messages either way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Diagnostic } from '../errors.js';
import { listFiles } from '../read/readSources.js';
import type { SourceFile } from '../types.js';
import { MANIFEST_NAME, readManifest } from '../write/manifest.js';

const RECORD_FILE = 'site.json';

/** What the last successful build wrote. */
export interface SiteRecord {
  /** Hash of every input of that build (see `siteInputs`). */
  inputs: string;
  /** The output folder it wrote. */
  output: string;
  /** Files it reported (`BuildResult.pages`). */
  pages: number;
  /** Every file in the output folder it wrote, with `[size, mtimeMs]` as left on disk. */
  files: Record<string, [number, number]>;
  /** Diagnostics of the stages after linking (render, publish, search, write), to replay. */
  diagnostics: Diagnostic[];
}

/** A hash of everything a build's output depends on. */
export function siteInputs(tool: string, config: Config, options: object, sources: readonly Pick<SourceFile, 'relativePath' | 'format' | 'contentHash'>[], registryPath: string | null): string {
  const hash = createHash('sha256');
  hash.update(`${tool}\0${JSON.stringify(config)}\0${JSON.stringify(options)}\0`);
  for (const source of sources) hash.update(`${source.relativePath}\0${source.format}\0${source.contentHash}\0`);
  if (registryPath) hash.update(readFileSync(registryPath)).update('\0');
  for (const folder of [config.templates, config.public]) {
    if (!existsSync(folder)) continue;
    for (const file of listFiles(folder)) hash.update(`${folder}\0${file}\0`).update(readFileSync(path.join(folder, file))).update('\0');
  }
  return hash.digest('hex');
}

/** The last build's record when it had these inputs and its output is untouched; else null. */
export function currentSite(cacheDir: string, inputs: string, output: string): SiteRecord | null {
  let record: SiteRecord;
  try {
    record = JSON.parse(readFileSync(path.join(cacheDir, RECORD_FILE), 'utf8')) as SiteRecord;
  } catch {
    return null;
  }
  if (record.inputs !== inputs || record.output !== output) return null;
  for (const [file, [size, mtimeMs]] of Object.entries(record.files)) {
    try {
      const stats = statSync(path.join(output, file));
      if (stats.size !== size || stats.mtimeMs !== mtimeMs) return null;
    } catch {
      return null;
    }
  }
  return record;
}

/** Records the site just written (never throws: without a record the next build just does the work). */
export function rememberSite(cacheDir: string, inputs: string, output: string, pages: number, diagnostics: Diagnostic[]): void {
  try {
    const files: SiteRecord['files'] = {};
    for (const file of [...readManifest(output), MANIFEST_NAME]) {
      const stats = statSync(path.join(output, file));
      files[file] = [stats.size, stats.mtimeMs];
    }
    const record: SiteRecord = { inputs, output, pages, files, diagnostics };
    mkdirSync(cacheDir, { recursive: true });
    const target = path.join(cacheDir, RECORD_FILE);
    writeFileSync(`${target}.${process.pid}.tmp`, JSON.stringify(record));
    renameSync(`${target}.${process.pid}.tmp`, target);
  } catch {
    // The next build will render and write everything: slower, never wrong.
  }
}
