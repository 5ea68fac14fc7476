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

/** One file as a write listed it: static files first, then pages, in the order given. */
interface Listed {
  /** Its path in the output folder. */
  path: string;
  /** What it holds (the last one listed at a path is what the file holds). */
  held: Written;
}

/** The last write, as listed. */
interface LastWrite {
  /** The output folder it went to. */
  outDir: string;
  /** Every file it listed, in order. */
  files: Listed[];
  /** True when no path was listed twice (then the files hold exactly what `files` says, in place). */
  unique: boolean;
}

export class ChangedFilesWriter {
  /** The last write, or null before the first write or after a failed one. */
  private last: LastWrite | null = null;
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
    const last = this.last;
    this.last = null; // until this write completes
    // Start from scratch the first time, and whenever the folder was moved, emptied or removed behind our back.
    if (!last || last.outDir !== outDir || !existsSync(path.join(outDir, MANIFEST_NAME))) {
      const files = listed(pages, staticFiles);
      const result = await writeSite(outDir, pages, staticFiles);
      this.finish({ outDir, files, unique: new Set(files.map((file) => file.path)).size === files.length });
      return result;
    }
    const same = this.samePaths(last, pages, staticFiles);
    if (same) {
      for (const [index, held] of same) {
        this.writeFile(outDir, last.files[index]!.path, held);
        last.files[index] = { path: last.files[index]!.path, held };
      }
      this.finish(last);
      return { written: same.length, removed: 0, kept: 0 };
    }
    return this.writeByPath(last, pages, staticFiles);
  }

  /**
   * When this write lists the very paths of the last one, in the same order and none twice (an
   * edit that adds or removes no page), what changed, by position; otherwise null. Every file is
   * compared in place with the one listed at its position, without looking ~15,000 paths up in a
   * map: a page reused from its inputs is last write's very string, settled at the first comparison.
   */
  private samePaths(last: LastWrite, pages: readonly Page[], staticFiles: readonly StaticFile[]): Array<[number, Written]> | null {
    const before = last.files;
    if (!last.unique || before.length !== staticFiles.length + pages.length) return null;
    const files = listed(pages, staticFiles);
    const changed: Array<[number, Written]> = [];
    for (let index = 0; index < files.length; index++) {
      const { path: file, held } = files[index]!;
      if (before[index]!.path !== file) return null;
      if (!this.isSame(file, before[index]!.held, held)) changed.push([index, held]);
    }
    return changed;
  }

  /** The general case (pages added, removed or moved): every file looked up by path in the last write. */
  private writeByPath(last: LastWrite, pages: readonly Page[], staticFiles: readonly StaticFile[]): WriteResult {
    const { outDir } = last;
    const previous = new Map<string, Written>();
    for (const file of last.files) previous.set(file.path, file.held);
    const files = listed(pages, staticFiles);
    const next = new Map<string, Written>();
    for (const file of files) next.set(file.path, file.held); // a page wins over a static file, as in writeSite
    for (const file of next.keys()) {
      if (!previous.has(file) && existsSync(resolveInside(outDir, file))) {
        throw new ForeignFileConflict(`${path.join(outDir, file)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
      }
    }
    let changed = 0;
    for (const [file, now] of next) {
      const before = previous.get(file);
      if (before && this.isSame(file, before, now)) continue;
      this.writeFile(outDir, file, now);
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
    this.finish({ outDir, files, unique: next.size === files.length });
    // `written` counts every file that changed on disk, removals included: the server reloads when it is not 0.
    return { written: changed + removed, removed, kept: 0 };
  }

  /** Writes one file through a temporary file renamed over the old one, so the server never hands out half a file. */
  private writeFile(outDir: string, file: string, now: Written): void {
    const target = resolveInside(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.dossier-tmp-${process.pid}`;
    if ('content' in now) writeFileSync(temporary, now.content);
    else copyFileSync(now.source, temporary);
    renameSync(temporary, target);
  }

  /** True when `now` is what the file already holds, as last written. */
  private isSame(file: string, before: Written, now: Written): boolean {
    if ('source' in now) return 'source' in before && before.source === now.source && !this.changedStatic.has(file);
    return 'content' in before && sameContent(before.content, now.content);
  }

  private finish(last: LastWrite): void {
    this.last = last;
    this.changedStatic.clear();
  }
}

/** The same bytes (the same string, most of the time: then the first check settles it). */
function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.compare(a, b) === 0;
}

/** Every file of a write, static files first, then pages, in the order given. */
function listed(pages: readonly Page[], staticFiles: readonly StaticFile[]): Listed[] {
  const files: Listed[] = staticFiles.map((file) => ({ path: file.path, held: { source: file.source } }));
  for (const page of pages) files.push({ path: page.path, held: { content: materialised(page) } });
  return files;
}

/** A page's content in one piece (the watch session's pages already are; see `IncrementalSteps.startWrite`). */
function materialised(page: Page): string | Uint8Array {
  return isChunked(page.content) ? pageText(page) : page.content;
}

/** Removes `dir` and its parents while they are empty, stopping at the output folder. */
function removeEmptyFolders(dir: string, outDir: string): void {
  const root = path.resolve(outDir);
  for (let current = path.resolve(dir); current !== root && current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
