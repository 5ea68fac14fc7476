/**
 * The write stage, as a stream: pages are handed over one at a time as they are rendered, and each
 * is written into a fresh staging folder beside the output folder (at most CONCURRENCY at once) and
 * let go. The staging folder is swapped in only when every file is written, so a failed build (a
 * template error half-way, a file that is not ours in the way) leaves the previous site as it was.
 * Files in the output folder that no build wrote (not in the manifest) are carried over untouched;
 * files an earlier build wrote and this one does not are dropped.
 *
 * Files whose bytes did not change are hard-linked from the previous site instead of being written
 * again (their modification times stay, so deploys by rsync or S3 sync stay small). The staging
 * folder is only made once a file differs: until then the unchanged files are just noted, so when
 * no file at all changed the output folder is left untouched.
 */
import { existsSync, linkSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../read/readSources.js';
import { isChunked, isNumbered, textOf, type Page } from '../render/page.js';
import { BoundedTasks } from './bounded.js';
import { sameBytes, writeBytes, type NewBytes } from './fileBytes.js';
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

/** Files written or compared at once. */
const CONCURRENCY = 16;

/** Writes the site through a staging folder (what a build uses). */
export function startWrite(outDir: string): SiteWriter {
  return new StagedSiteWriter(outDir);
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
  /** Files found to hold the same bytes as the previous site's. */
  private unchanged = 0;
  private readonly staging: string;
  private readonly retired: string;
  /** True once the staging folder exists (a file differed). */
  private staged = false;
  /** Unchanged files noted before the staging folder existed; linked into it when it is made. */
  private pending: string[] = [];
  /** Folders made (or being made) in the staging folder. */
  private readonly folders = new Map<string, Promise<unknown>>();
  private readonly tasks = new BoundedTasks(CONCURRENCY);
  /** True once foreign files were moved into the staging folder (they must go back if the swap fails). */
  private carried = false;

  constructor(private readonly outDir: string) {
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
  }

  async add(page: Page): Promise<void> {
    // Bytes from here on: the page's text (often a rope of many pieces) can go as soon as it is encoded.
    const content = isNumbered(page.content) ? textOf(page.content) : page.content;
    this.take(page.path, typeof content === 'string' ? { bytes: Buffer.from(content) } : isChunked(content) ? { chunked: content } : { bytes: content });
    await this.tasks.room();
  }

  async settle(): Promise<void> {
    await this.tasks.settle();
  }

  read(pagePath: string): string {
    return readFileSync(resolveInside(this.staged ? this.staging : this.outDir, pagePath), 'utf8');
  }

  async finish(staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    for (const file of staticFiles) {
      if (this.ours.has(file.path)) continue;
      this.take(file.path, { source: file.source });
      await this.tasks.room();
    }
    await this.tasks.settle();
    const clash = this.foreign.find((file) => this.clashes.has(file));
    if (clash) {
      throw new ForeignFileConflict(`${path.join(this.outDir, clash)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
    }
    const manifest = manifestContent(this.ours);
    const removed = [...this.previous].filter((file) => !this.ours.has(file)).length;
    const result = { written: this.ours.size, removed, kept: this.foreign.length, unchanged: this.unchanged };
    const upToDate = !this.staged && removed === 0 && this.previous.size === this.ours.size && readText(path.join(this.outDir, MANIFEST_NAME)) === manifest;
    if (upToDate) return result;
    try {
      this.startStaging();
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
    await this.tasks.quiet();
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
    this.staged = false;
    this.pending = [];
  }

  /** Notes one file of the new site and starts writing it. */
  private take(file: string, bytes: NewBytes): void {
    resolveInside(this.outDir, file); // refuses paths outside the output folder before anything else
    if (this.ours.has(file)) throw new Error(`Two files of the site have the same path: ${file}.`);
    this.ours.add(file);
    if (this.foreignSet.has(file)) this.clashes.add(file);
    // The build fails once a file clashes: there is no point writing more.
    if (this.clashes.size > 0) return;
    this.tasks.start(() => this.put(file, bytes));
  }

  private async put(file: string, bytes: NewBytes): Promise<void> {
    const old = resolveInside(this.outDir, file);
    if (this.previous.has(file) && this.present.has(file) && (await sameBytes(old, bytes))) {
      this.unchanged++;
      if (!this.staged) this.pending.push(file);
      else await this.linkIn(file);
      return;
    }
    this.startStaging();
    const target = resolveInside(this.staging, file);
    await this.folder(path.dirname(target));
    if ('source' in bytes) await copyFile(bytes.source, target);
    else await writeBytes(target, bytes);
  }

  /** Makes the staging folder, with a link to every unchanged file noted so far. */
  private startStaging(): void {
    if (this.staged) return;
    this.staged = true;
    mkdirSync(this.staging, { recursive: true });
    for (const file of this.pending.splice(0)) {
      const target = resolveInside(this.staging, file);
      const dir = path.dirname(target);
      if (!this.folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.folders.set(dir, Promise.resolve());
      }
      try {
        linkSync(resolveInside(this.outDir, file), target);
      } catch {
        copyFileSync(resolveInside(this.outDir, file), target); // the file system cannot link: a copy of the same bytes
      }
    }
  }

  /** Links the previous site's copy of an unchanged file into the staging folder. */
  private async linkIn(file: string): Promise<void> {
    const target = resolveInside(this.staging, file);
    await this.folder(path.dirname(target));
    try {
      await link(resolveInside(this.outDir, file), target);
    } catch {
      await copyFile(resolveInside(this.outDir, file), target);
    }
  }

  private folder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made) this.folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
