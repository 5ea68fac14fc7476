/**
 * The write stage, as a stream: pages are handed over one at a time as they are rendered, and each
 * is written into a fresh staging folder beside the output folder and let go (by the main thread
 * between pages, or by a writer thread beside it in a big build: see `FileSink`). The staging folder is swapped in only when every file is written, so a failed build (a
 * template error half-way, a file that is not ours in the way) leaves the previous site as it was.
 * Files in the output folder that no build wrote (not in the manifest) are carried over untouched;
 * files an earlier build wrote and this one does not are dropped.
 *
 * Files whose bytes did not change are hard-linked from the previous site instead of being written
 * again (their modification times stay, so deploys by rsync or S3 sync stay small). The staging
 * folder is only made once a file differs: until then the unchanged files are just noted, so when
 * no file at all changed the output folder is left untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../read/readSources.js';
import { isChunked, isNumbered, textOf, type Chunked, type Page } from '../render/page.js';
import { LocalFiles, type FileSink } from './fileSink.js';
import { MANIFEST_NAME, manifestContent, readManifest } from './manifest.js';
import { resolveInside } from './safePath.js';
import type { StagingState } from './stagingFiles.js';
import { ThreadFiles } from './writerThread.js';

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

/**
 * Takes the site one file at a time and puts it in the output folder at the end. Nothing is in
 * place before `finish` succeeds; after `abandon` the output folder is as it was.
 */
export interface SiteWriter {
  /**
   * Takes the next file; resolves when there is room for another, or returns nothing when there is
   * room already (a writer that keeps pages in memory: the stream then goes on without waiting a
   * turn per page). A page of the same path as a static file wins.
   */
  add(page: Page): Promise<void> | void;
  /**
   * A watch rebuild's writer only, which keeps each group of pages together (see `Page.group`):
   * the files of group `group` go (its article or entity is gone).
   */
  drop?(group: string): void;
  /**
   * A watch rebuild's writer only: the files of the groups it keeps on disk without being given
   * them (the render listed only the groups an edit touched), for the sitemap.
   */
  untouchedFiles?(): Iterable<string>;
  /** Resolves when every file taken so far is written (throws what went wrong writing one). */
  settle(): Promise<void>;
  /** The text of a page already taken, after `settle` (the search stage reads the pages back). */
  read(pagePath: string): string;
  /** Copies the static files, writes the manifest and puts the new site in place. */
  finish(staticFiles: readonly StaticFile[]): Promise<WriteResult>;
  /** Drops everything taken: the output folder stays as it was. */
  abandon(): Promise<void>;
}

/** The static files under `publicDir`, as paths in the output folder. */
export function listStaticFiles(publicDir: string): StaticFile[] {
  if (!existsSync(publicDir)) return [];
  return listFiles(publicDir).map((file) => ({ path: file, source: path.join(publicDir, file) }));
}

/** Thrown when a page would replace a file the build did not write. */
export class ForeignFileConflict extends Error {}

/** How a build's writer does its file work (see `FileSink`). */
export interface WriteOptions {
  /** Encode, compare and write on a writer thread while the main thread renders (a big build; see `writerThread.ts`). */
  threaded?: boolean;
}

/** Writes the site through a staging folder (what a build uses). */
export function startWrite(outDir: string, options: WriteOptions = {}): SiteWriter {
  return new StagedSiteWriter(outDir, options);
}

/** Writes a whole site held in memory (a watch session's first write). */
export async function writeSite(outDir: string, pages: Iterable<Page>, staticFiles: readonly StaticFile[]): Promise<WriteResult> {
  const writer = startWrite(outDir);
  try {
    for (const page of pages) await writer.add(page);
    return await writer.finish(staticFiles);
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

class StagedSiteWriter implements SiteWriter {
  /** The files the previous build wrote (its manifest). */
  private readonly previous: Set<string>;
  /** Every file in the output folder now, but the manifest. */
  private readonly present: Set<string>;
  /** Files in the output folder that no build wrote, in path order: carried over. */
  private readonly foreign: string[];
  private readonly foreignSet: Set<string>;
  /** Every file of the new site taken so far, in order. */
  private readonly ours = new Set<string>();
  /** Files of the new site that would replace a foreign file: the build fails, naming the first. */
  private readonly clashes = new Set<string>();
  private readonly staging: string;
  private readonly retired: string;
  /** Compares, links and writes the files (at once, or on a writer thread). */
  private readonly files: FileSink;
  /** What the file work had done when last settled (whether the staging folder exists). */
  private settled: StagingState = { staged: false, unchanged: 0 };
  /** True once foreign files were moved into the staging folder (they must go back if the swap fails). */
  private carried = false;

  constructor(
    private readonly outDir: string,
    options: WriteOptions,
  ) {
    this.previous = readManifest(outDir);
    const existing = existsSync(outDir) ? listFiles(outDir, true).filter((file) => file !== MANIFEST_NAME) : [];
    this.present = new Set(existing);
    this.foreign = existing.filter((file) => !this.previous.has(file));
    this.foreignSet = new Set(this.foreign);
    const parent = path.dirname(path.resolve(outDir));
    const name = path.basename(path.resolve(outDir));
    this.staging = path.join(parent, `.${name}.dossier-staging-${process.pid}`);
    this.retired = path.join(parent, `.${name}.dossier-previous-${process.pid}`);
    rmSync(this.staging, { recursive: true, force: true });
    this.files = options.threaded ? new ThreadFiles(outDir, this.staging) : new LocalFiles(outDir, this.staging);
  }

  add(page: Page): Promise<void> | void {
    const content = isNumbered(page.content) ? textOf(page.content) : page.content;
    if (!this.take(page.path)) return;
    const compare = this.mayBeUnchanged(page.path);
    this.files.send({ op: 'begin', file: page.path, compare });
    if (isChunked(content)) return this.addPieces(content);
    this.files.send({ op: 'piece', piece: content });
    this.files.send({ op: 'end' });
    return this.files.room();
  }

  /** Sends a file made piece by piece, waiting for room after each piece (a data export is tens of MB). */
  private async addPieces(content: Chunked): Promise<void> {
    for (const chunk of content.chunks()) {
      this.files.send({ op: 'piece', piece: chunk });
      await this.files.room();
    }
    this.files.send({ op: 'end' });
    await this.files.room();
  }

  async settle(): Promise<void> {
    this.settled = await this.files.settle();
  }

  read(pagePath: string): string {
    return readFileSync(resolveInside(this.settled.staged ? this.staging : this.outDir, pagePath), 'utf8');
  }

  async finish(staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    for (const file of staticFiles) {
      if (this.ours.has(file.path)) continue;
      if (this.take(file.path)) this.files.send({ op: 'copy', file: file.path, source: file.source, compare: this.mayBeUnchanged(file.path) });
      await this.files.room();
    }
    await this.settle();
    const clash = this.foreign.find((file) => this.clashes.has(file));
    if (clash) {
      throw new ForeignFileConflict(`${path.join(this.outDir, clash)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
    }
    const manifest = manifestContent(this.ours);
    const removed = [...this.previous].filter((file) => !this.ours.has(file)).length;
    const result = { written: this.ours.size, removed, kept: this.foreign.length, unchanged: this.settled.unchanged };
    const upToDate = !this.settled.staged && removed === 0 && this.previous.size === this.ours.size && readText(path.join(this.outDir, MANIFEST_NAME)) === manifest;
    if (upToDate) {
      await this.files.close();
      return result;
    }
    try {
      this.files.send({ op: 'stage' });
      await this.settle();
      await this.files.close();
      writeFileSync(path.join(this.staging, MANIFEST_NAME), manifest);
      this.carried = true;
      for (const file of this.foreign) {
        const target = resolveInside(this.staging, file);
        mkdirSync(path.dirname(target), { recursive: true });
        renameSync(resolveInside(this.outDir, file), target);
      }
    } catch (error) {
      await this.abandon();
      throw error;
    }
    if (existsSync(this.outDir)) renameSync(this.outDir, this.retired);
    renameSync(this.staging, this.outDir);
    rmSync(this.retired, { recursive: true, force: true });
    return result;
  }

  async abandon(): Promise<void> {
    await this.files.close();
    if (this.carried) {
      for (const file of this.foreign) {
        const moved = path.join(this.staging, file);
        if (existsSync(moved) && !existsSync(path.join(this.outDir, file))) {
          mkdirSync(path.dirname(path.join(this.outDir, file)), { recursive: true });
          renameSync(moved, path.join(this.outDir, file));
        }
      }
    }
    rmSync(this.staging, { recursive: true, force: true });
    this.settled = { staged: false, unchanged: 0 };
  }

  /** Notes one file of the new site; false when it is not to be written (the build fails: a file clashes). */
  private take(file: string): boolean {
    resolveInside(this.outDir, file); // refuses paths outside the output folder before anything else
    if (this.ours.has(file)) throw new Error(`Two files of the site have the same path: ${file}.`);
    this.ours.add(file);
    if (this.foreignSet.has(file)) this.clashes.add(file);
    // The build fails once a file clashes: there is no point writing more.
    return this.clashes.size === 0;
  }

  /** True when the previous site wrote `file` and it is still there: it may hold the same bytes. */
  private mayBeUnchanged(file: string): boolean {
    return this.previous.has(file) && this.present.has(file);
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
