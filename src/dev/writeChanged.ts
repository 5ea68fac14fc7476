/**
 * The watch session's write step. It keeps the pages of the last write in memory (a watch session
 * needs them to tell what changed). The first build of a session writes the whole site the usual
 * way (`writeSite`: staging folder, then swap); after that, only files whose bytes changed are written, each to a
 * temporary file renamed over the old one, so the server never hands out half a file. Files the
 * previous build wrote and this one does not are removed (with folders left empty); files that no
 * build wrote are never touched. The result on disk is the same as a clean build's.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isChunked, pageText, type Page } from '../render/page.js';
import { MANIFEST_NAME, manifestContent } from '../write/manifest.js';
import { resolveInside } from '../write/safePath.js';
import { ForeignFileConflict, writeSite, type StaticFile, type WriteResult } from '../write/writeSite.js';

/** What a file in the output folder holds, as last written (pages reach here in one piece; see `materialised`). */
type Written = { content: string | Uint8Array } | { source: string };

export class ChangedFilesWriter {
  /** Every file of the last written site, or null before the first write or after a failed one. */
  private written: Map<string, Written> | null = null;
  /** The output folder `written` describes. */
  private outDir: string | null = null;
  /** Static files (paths in the output folder) changed since the last write. */
  private readonly changedStatic = new Set<string>();

  /** Notes that a static file changed, so the next write copies it again. */
  staticChanged(relativePath: string): void {
    this.changedStatic.add(relativePath);
  }

  /** The write under way: writes run one after another, never two at once into the same folder. */
  private queue: Promise<unknown> = Promise.resolve();

  write(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    const run = this.queue.then(() => this.writeNow(outDir, pages, staticFiles));
    this.queue = run.catch(() => null);
    return run;
  }

  private async writeNow(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    const next = new Map<string, Written>();
    for (const file of staticFiles) next.set(file.path, { source: file.source });
    for (const page of pages) next.set(page.path, { content: isChunked(page.content) ? pageText(page) : page.content }); // a page wins over a static file, as in writeSite
    const previous = this.written;
    this.written = null; // until this write completes
    // Start from scratch the first time, and whenever the folder was moved, emptied or removed behind our back.
    if (!previous || this.outDir !== outDir || !existsSync(path.join(outDir, MANIFEST_NAME))) {
      const result = await writeSite(outDir, pages, staticFiles);
      this.finish(outDir, next);
      return result;
    }
    for (const file of next.keys()) {
      if (!previous.has(file) && existsSync(resolveInside(outDir, file))) {
        throw new ForeignFileConflict(`${path.join(outDir, file)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
      }
    }
    let changed = 0;
    for (const [file, now] of next) {
      if (!this.isChanged(file, previous.get(file), now)) continue;
      const target = resolveInside(outDir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.dossier-tmp-${process.pid}`;
      if ('content' in now) writeFileSync(temporary, now.content);
      else copyFileSync(now.source, temporary);
      renameSync(temporary, target);
      changed++;
    }
    let removed = 0;
    for (const file of previous.keys()) {
      if (next.has(file)) continue;
      const target = resolveInside(outDir, file);
      rmSync(target, { force: true });
      removeEmptyFolders(path.dirname(target), outDir);
      removed++;
    }
    if (removed > 0 || next.size !== previous.size) {
      const manifest = path.join(outDir, MANIFEST_NAME);
      writeFileSync(`${manifest}.dossier-tmp-${process.pid}`, manifestContent(next.keys()));
      renameSync(`${manifest}.dossier-tmp-${process.pid}`, manifest);
    }
    this.finish(outDir, next);
    // `written` counts every file that changed on disk, removals included: the server reloads when it is not 0.
    return { written: changed + removed, removed, kept: 0 };
  }

  private isChanged(file: string, before: Written | undefined, now: Written): boolean {
    if (!before) return true;
    if ('source' in now) return !('source' in before) || before.source !== now.source || this.changedStatic.has(file);
    if (!('content' in before)) return true;
    const [a, b] = [before.content, now.content];
    if (typeof a === 'string' || typeof b === 'string') return a !== b;
    return Buffer.compare(a, b) !== 0;
  }

  private finish(outDir: string, next: Map<string, Written>): void {
    this.written = next;
    this.outDir = outDir;
    this.changedStatic.clear();
  }
}

/** Removes `dir` and its parents while they are empty, stopping at the output folder. */
function removeEmptyFolders(dir: string, outDir: string): void {
  const root = path.resolve(outDir);
  for (let current = path.resolve(dir); current !== root && current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
