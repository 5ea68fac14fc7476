/**
 * The write stage. The new site is written into a fresh staging folder beside the output folder and
 * swapped in only when every file is written, so a failed build leaves the previous site as it was.
 * Files in the output folder that no build wrote (not in the manifest) are carried over untouched;
 * files an earlier build wrote and this one does not are dropped.
 *
 * Files whose bytes did not change are hard-linked from the previous site into the staging folder
 * instead of being written again (their modification times stay, so deploys by rsync or S3 sync stay
 * small); when no file at all would change, the output folder is left untouched. Writes run with
 * bounded concurrency so the file system works on several files at once.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../read/readSources.js';
import type { Page } from '../render/page.js';
import { forEachLimit } from './forEachLimit.js';
import { MANIFEST_NAME, manifestContent, readManifest } from './manifest.js';
import { resolveInside } from './safePath.js';

/** A file copied verbatim from the static folder. */
export interface StaticFile {
  /** Path relative to the output folder. */
  path: string;
  /** Absolute path of the file to copy. */
  source: string;
}

/** What the write stage did. */
export interface WriteResult {
  /** Files written (pages and static files). */
  written: number;
  /** Files from earlier builds that this build no longer writes, now gone. */
  removed: number;
  /** Files the build did not write, left in place. */
  kept: number;
  /** Of the files written, how many already held the same bytes (hard-linked from the previous site, or left alone when nothing changed). */
  unchanged?: number;
}

/** The static files under `publicDir`, as paths in the output folder. */
export function listStaticFiles(publicDir: string): StaticFile[] {
  if (!existsSync(publicDir)) return [];
  return listFiles(publicDir).map((file) => ({ path: file, source: path.join(publicDir, file) }));
}

/** Thrown when a page would replace a file the build did not write. */
export class ForeignFileConflict extends Error {}

/** Files written or compared at once. */
const CONCURRENCY = 16;

/** One file of the new site, before it is written. */
interface Planned {
  /** Path relative to the output folder. */
  path: string;
  /** Its bytes: a page's content, or (for a static file) null, read from `source` when needed. */
  content: string | Uint8Array | null;
  /** Absolute path of the static file to copy, or null for a page. */
  source: string | null;
  /** True when the output folder already holds exactly these bytes at `path`, written by an earlier build. */
  unchanged: boolean;
}

/** What the write stage will do, decided before anything is written. */
interface WritePlan {
  /** Every file of the new site, static files first (a page of the same path wins). */
  planned: Planned[];
  /** Files in the output folder that no build wrote, carried over. */
  foreign: string[];
  /** The new manifest's text. */
  manifest: string;
  /** The result to report. */
  result: WriteResult;
  /** True when the output folder already holds exactly this site: nothing needs writing. */
  upToDate: boolean;
}

/** Writes the site (synchronously: for callers that cannot wait, such as a watch session's writer). */
export function writeSite(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): WriteResult {
  const plan = planWrite(outDir, pages, staticFiles);
  if (plan.upToDate) return plan.result;
  const folders = stagingFolders(outDir);
  try {
    const made = new Set<string>();
    for (const file of plan.planned) {
      const target = resolveInside(folders.staging, file.path);
      const dir = path.dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      if (file.unchanged && linkedSync(resolveInside(outDir, file.path), target)) continue;
      if (file.source !== null) copyFileSync(file.source, target);
      else writeFileSync(target, file.content!);
    }
    completeStaging(outDir, folders.staging, plan);
  } catch (error) {
    abandonStaging(outDir, folders.staging, plan);
    throw error;
  }
  swapIn(outDir, folders);
  return plan.result;
}

/** Writes the site with up to CONCURRENCY files in flight: what a build uses. Same result as `writeSite`. */
export async function writeSiteConcurrently(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): Promise<WriteResult> {
  const plan = planWrite(outDir, pages, staticFiles);
  if (plan.upToDate) return plan.result;
  const folders = stagingFolders(outDir);
  try {
    const madeDirs = new Map<string, Promise<unknown>>();
    const ensureDir = (dir: string) => {
      let made = madeDirs.get(dir);
      if (!made) madeDirs.set(dir, (made = mkdir(dir, { recursive: true })));
      return made;
    };
    await forEachLimit(plan.planned, CONCURRENCY, async (file) => {
      const target = resolveInside(folders.staging, file.path);
      await ensureDir(path.dirname(target));
      if (file.unchanged && (await linked(resolveInside(outDir, file.path), target))) return;
      if (file.source !== null) await copyFile(file.source, target);
      else await writeFile(target, file.content!);
    });
    completeStaging(outDir, folders.staging, plan);
  } catch (error) {
    abandonStaging(outDir, folders.staging, plan);
    throw error;
  }
  swapIn(outDir, folders);
  return plan.result;
}

function planWrite(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): WritePlan {
  const previous = readManifest(outDir);
  const existing = existsSync(outDir) ? listFiles(outDir, true).filter((file) => file !== MANIFEST_NAME) : [];
  const foreign = existing.filter((file) => !previous.has(file));
  const ours = new Set([...pages.map((page) => page.path), ...staticFiles.map((file) => file.path)]);
  const clash = foreign.find((file) => ours.has(file));
  if (clash) {
    throw new ForeignFileConflict(`${path.join(outDir, clash)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
  }
  // Files that already hold the bytes this build would write are linked, not rewritten, so their
  // modification times stay put (rsync and S3 sync then upload only what changed).
  const present = new Set(existing);
  const planned: Planned[] = [
    ...staticFiles.map((file) => ({ path: file.path, content: null, source: file.source, unchanged: false })),
    ...pages.map((page) => ({ path: page.path, content: page.content, source: null, unchanged: false })),
  ];
  for (const file of planned) {
    if (previous.has(file.path) && present.has(file.path)) file.unchanged = sameBytes(resolveInside(outDir, file.path), file);
  }
  const manifest = manifestContent(ours);
  const removed = [...previous].filter((file) => !ours.has(file)).length;
  const unchanged = planned.filter((file) => file.unchanged).length;
  const upToDate = removed === 0 && previous.size === ours.size && unchanged === planned.length && readText(path.join(outDir, MANIFEST_NAME)) === manifest;
  return { planned, foreign, manifest, upToDate, result: { written: ours.size, removed, kept: foreign.length, unchanged } };
}

function stagingFolders(outDir: string): { staging: string; retired: string } {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const staging = path.join(parent, `.${name}.dossier-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  return { staging, retired: path.join(parent, `.${name}.dossier-previous-${process.pid}`) };
}

/** Writes the manifest and carries over what is not ours. */
function completeStaging(outDir: string, staging: string, plan: WritePlan): void {
  writeFileSync(path.join(staging, MANIFEST_NAME), plan.manifest);
  for (const file of plan.foreign) {
    const target = resolveInside(staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(resolveInside(outDir, file), target);
  }
}

/** Puts back anything already carried over, then drops the staging folder. */
function abandonStaging(outDir: string, staging: string, plan: WritePlan): void {
  for (const file of plan.foreign) {
    const moved = path.join(staging, file);
    if (existsSync(moved) && !existsSync(path.join(outDir, file))) {
      mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      renameSync(moved, path.join(outDir, file));
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

function swapIn(outDir: string, { staging, retired }: { staging: string; retired: string }): void {
  if (existsSync(outDir)) renameSync(outDir, retired);
  renameSync(staging, outDir);
  rmSync(retired, { recursive: true, force: true });
}

/** True when the file at `existing` holds exactly the bytes `file` would write. */
function sameBytes(existing: string, file: Planned): boolean {
  try {
    if (file.source !== null) return statSync(existing).size === statSync(file.source).size && readFileSync(existing).equals(readFileSync(file.source));
    if (typeof file.content === 'string') return readFileSync(existing, 'utf8') === file.content;
    return readFileSync(existing).equals(file.content!);
  } catch {
    return false;
  }
}

/** Hard-links `from` at `to`; false when the file system cannot (the caller then writes a copy). */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch {
    return false;
  }
}

function linkedSync(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
