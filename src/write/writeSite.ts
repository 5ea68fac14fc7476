/**
 * The write stage. The new site is written into a fresh staging folder beside the output folder and
 * swapped in only when every file is written, so a failed build leaves the previous site as it was.
 * Files in the output folder that no build wrote (not in the manifest) are carried over untouched;
 * files an earlier build wrote and this one does not are dropped.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../read/readSources.js';
import type { Page } from '../render/page.js';
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
}

/** The static files under `publicDir`, as paths in the output folder. */
export function listStaticFiles(publicDir: string): StaticFile[] {
  if (!existsSync(publicDir)) return [];
  return listFiles(publicDir).map((file) => ({ path: file, source: path.join(publicDir, file) }));
}

/** Thrown when a page would replace a file the build did not write. */
export class ForeignFileConflict extends Error {}

export function writeSite(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): WriteResult {
  const previous = readManifest(outDir);
  const existing = existsSync(outDir) ? listFiles(outDir, true).filter((file) => file !== MANIFEST_NAME) : [];
  const foreign = existing.filter((file) => !previous.has(file));
  const ours = new Set([...pages.map((page) => page.path), ...staticFiles.map((file) => file.path)]);
  const clash = foreign.find((file) => ours.has(file));
  if (clash) {
    throw new ForeignFileConflict(`${path.join(outDir, clash)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
  }

  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const staging = path.join(parent, `.${name}.dossier-staging-${process.pid}`);
  const retired = path.join(parent, `.${name}.dossier-previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const madeDirs = new Set<string>();
    const ensureDir = (file: string) => {
      const dir = path.dirname(file);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
    };
    for (const file of staticFiles) {
      const target = resolveInside(staging, file.path);
      ensureDir(target);
      copyFileSync(file.source, target);
    }
    for (const page of pages) {
      const target = resolveInside(staging, page.path);
      ensureDir(target);
      writeFileSync(target, page.content);
    }
    writeFileSync(path.join(staging, MANIFEST_NAME), manifestContent(ours));
    // Carry over what is not ours, then swap the folders.
    for (const file of foreign) {
      const target = resolveInside(staging, file);
      ensureDir(target);
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
  const removed = [...previous].filter((file) => !ours.has(file)).length;
  return { written: ours.size, removed, kept: foreign.length };
}
