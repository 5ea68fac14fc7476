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
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
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
  unchanged: number;
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

export async function writeSite(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): Promise<WriteResult> {
  const previous = readManifest(outDir);
  const existing = existsSync(outDir) ? listFiles(outDir, true).filter((file) => file !== MANIFEST_NAME) : [];
  const foreign = existing.filter((file) => !previous.has(file));
  const ours = new Set([...pages.map((page) => page.path), ...staticFiles.map((file) => file.path)]);
  const clash = foreign.find((file) => ours.has(file));
  if (clash) {
    throw new ForeignFileConflict(`${path.join(outDir, clash)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
  }

  // Which files already hold the bytes this build would write: those are linked, not rewritten, so
  // their modification times stay put (rsync and S3 sync upload only what changed).
  const present = new Set(existing);
  const planned: Planned[] = [
    ...staticFiles.map((file) => ({ path: file.path, content: null, source: file.source, unchanged: false })),
    ...pages.map((page) => ({ path: page.path, content: page.content, source: null, unchanged: false })),
  ];
  await forEachLimit(planned, CONCURRENCY, async (file) => {
    if (previous.has(file.path) && present.has(file.path)) file.unchanged = await sameBytes(resolveInside(outDir, file.path), file);
  });
  const manifest = manifestContent(ours);
  const removed = [...previous].filter((file) => !ours.has(file)).length;
  if (removed === 0 && previous.size === ours.size && planned.every((file) => file.unchanged) && readText(path.join(outDir, MANIFEST_NAME)) === manifest) {
    // Nothing would change: the output folder already is this site.
    return { written: ours.size, removed: 0, kept: foreign.length, unchanged: ours.size };
  }

  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const staging = path.join(parent, `.${name}.dossier-staging-${process.pid}`);
  const retired = path.join(parent, `.${name}.dossier-previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const madeDirs = new Map<string, Promise<unknown>>();
    const ensureDir = (file: string) => {
      const dir = path.dirname(file);
      let made = madeDirs.get(dir);
      if (!made) madeDirs.set(dir, (made = mkdir(dir, { recursive: true })));
      return made;
    };
    await forEachLimit(planned, CONCURRENCY, async (file) => {
      const target = resolveInside(staging, file.path);
      await ensureDir(target);
      if (file.unchanged && (await linked(resolveInside(outDir, file.path), target))) return;
      if (file.source !== null) await copyFile(file.source, target);
      else await writeFile(target, file.content!);
    });
    writeFileSync(path.join(staging, MANIFEST_NAME), manifest);
    // Carry over what is not ours, then swap the folders.
    for (const file of foreign) {
      const target = resolveInside(staging, file);
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(resolveInside(outDir, file), target);
    }
  } catch (error) {
    // Put back anything already carried over, then drop the staging folder.
    for (const file of foreign) {
      const moved = path.join(staging, file);
      if (existsSync(moved) && !existsSync(path.join(outDir, file))) {
        mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
        renameSync(moved, path.join(outDir, file));
      }
    }
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, retired);
  renameSync(staging, outDir);
  rmSync(retired, { recursive: true, force: true });
  return { written: ours.size, removed, kept: foreign.length, unchanged: planned.filter((file) => file.unchanged).length };
}

/** True when the file at `existing` holds exactly the bytes `file` would write. */
async function sameBytes(existing: string, file: Planned): Promise<boolean> {
  try {
    if (file.source !== null) {
      const [before, after] = await Promise.all([stat(existing), stat(file.source)]);
      if (before.size !== after.size) return false;
      return (await readFile(existing)).equals(await readFile(file.source));
    }
    if (typeof file.content === 'string') return (await readFile(existing, 'utf8')) === file.content;
    return (await readFile(existing)).equals(file.content!);
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

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
