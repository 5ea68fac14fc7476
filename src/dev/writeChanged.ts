/**
 * The watch session's write step. It knows what each file it wrote holds without keeping the
 * site's text in memory (at 16,000 articles that is ~1.7 GB of text, twice that as strings): a
 * page or feed by the number of its text (see `Numbered`), a data export by where each record's
 * text sits in it (`ExportLayout`), anything else by a digest. The render memo asks it (`holds`)
 * before it reuses a text, so a reused text is always one that is on disk.
 *
 * A build that makes every page (the session's first, or the first after a template change)
 * streams the site through a staging folder the way a single build does (`WholeSiteWrite`). After
 * that, the pages of a build are taken into memory, and only files whose bytes changed are
 * written, each to a temporary file renamed over the old one, so the server never hands out half a
 * file (`ChangedFilesWrite`). Files the previous build wrote and this one does not are removed
 * (with folders left empty); files that no build wrote are never touched. The result on disk is the
 * same as a clean build's.
 *
 * The writer keeps each group of pages' files together (an article's page, an entity's pages and
 * feed, a timeline year, month or event; see `Page.group`). A rebuild that knows what an edit touched
 * lists only the touched groups and names the gone ones (`drop`): every other group stays on disk
 * as it is, without a look at its files (`Unlisted`). Pages of no group, and static files, are
 * listed by every build; the search index and the data exports are written apart, behind the edits.
 *
 * An edit is judged by how soon its own page is on disk, so a rebuild's article pages that changed
 * are written as soon as they are made (`EarlyWrites`), before the entity pages and the rest are
 * rendered; the rest are written at `finish`. Should the build fail after that, the pages written
 * early are put back as they were, so the last good site stays whole.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isChunked, isNumbered, pageText, textOf, type Chunked, type Numbered, type Page } from '../render/page.js';
import { MANIFEST_NAME } from '../write/manifest.js';
import { resolveInside } from '../write/safePath.js';
import { ForeignFileConflict, startWrite, type SiteWriter, type StaticFile, type WriteOptions, type WriteResult } from '../write/writeSite.js';
import { EarlyWrites, type EarlyWriter } from './earlyWrites.js';
import { nextTurn } from './quietWork.js';
import { LayoutRecorder, type ExportLayout } from './splicedExport.js';
import { digestOf, removeEmptyFolders, searchableMark, writeIfChanged, writeManifest, type Held, type Listed } from './fileUpdate.js';
import type { WrittenTexts } from './renderMemo.js';

/** Marks a data export listed as it was last written (see `writtenParts`). */
interface AsWritten {
  /** Always true. */
  asWritten: true;
}

/** What is on disk: the output folder and what each file there holds. */
interface OnDisk {
  /** The output folder. */
  outDir: string;
  /** Every file written, by path in the output folder. */
  files: Map<string, Held>;
  /** The files of each group of pages (an article's, an entity's; see `Page.group`), by group key. */
  groups: Map<string, readonly string[]>;
  /** Every other file: pages of no group, static files, the search index. */
  loose: Set<string>;
}

/**
 * What becomes of the files on disk a write does not list. A build that lists every page removes
 * every file it does not list; one that lists only the groups an edit touched keeps the others.
 */
export interface Unlisted {
  /** The groups neither listed nor dropped: kept, or removed. Asked when the write finishes (a render decides as it goes). */
  otherGroups: () => 'kept' | 'removed';
  /** Whether a file of no group that is not listed goes (the search index, say, is written apart from the pages and stays). */
  looseGoes: (file: string, held: Held) => boolean;
}

/** Every file not listed goes: a write that lists the whole site. */
const WHOLE_LISTING: Unlisted = { otherGroups: () => 'removed', looseGoes: () => true };

/** What one write lists. */
interface Listing {
  /** Every file listed, by path; the last one listed at a path wins, and a page wins over a static file. */
  files: Map<string, Listed>;
  /** The paths listed of each group, by group key. */
  groups: Map<string, string[]>;
  /** Groups whose files all go (their article or entity is gone). */
  dropped: Set<string>;
}

export class ChangedFilesWriter implements WrittenTexts, EarlyWriter {
  /** What the last writes left on disk, or null before the first. */
  private disk: OnDisk | null = null;
  /** Static files (paths in the output folder) changed since the last write. */
  private readonly changedStatic = new Set<string>();
  /** The write under way: writes run one after another, never two at once into the same folder. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Notes that a static file changed, so the next write copies it again. */
  staticChanged(relativePath: string): void {
    this.changedStatic.add(relativePath);
  }

  holds(file: string, serial: number): boolean {
    const held = this.disk?.files.get(file);
    if (held === undefined) return false;
    if ('serial' in held) return held.serial === serial;
    return 'layout' in held && held.layout.positions.has(serial);
  }

  /**
   * A data export as last written (looked up when its parts are asked for), every part by number
   * (its text is on disk). Listed in a write, it leaves the file as it is without a look at its parts.
   */
  writtenParts(file: string): Chunked & AsWritten {
    const parts = () => {
      const held = this.disk?.files.get(file);
      if (!held || !('layout' in held)) throw new Error(`internal: ${file} is not a data export this session wrote`);
      return held.layout.items.map((item): string | Numbered => (typeof item === 'number' ? { serial: item, text: null } : item));
    };
    return { chunks: () => parts().map(textOf), parts, asWritten: true };
  }

  /** True when the file at `file` is a data export this session wrote into `outDir` (and can leave as it is). */
  holdsExport(outDir: string, file: string): boolean {
    const held = this.disk?.outDir === outDir ? this.disk.files.get(file) : undefined;
    return held !== undefined && 'layout' in held;
  }

  /**
   * True when a write into `outDir` can go file by file: the last write went there and the folder
   * is still ours. Else (and after `forget`) nothing on disk is known, so no text is reused.
   */
  canUpdate(outDir: string): boolean {
    if (this.disk && (this.disk.outDir !== outDir || !existsSync(path.join(outDir, MANIFEST_NAME)))) this.disk = null;
    return this.disk !== null;
  }

  /**
   * A writer for one build. `whole` (every page will be made: the first build, a template change)
   * streams the site through a staging folder (on a writer thread when `options` say so); otherwise the pages are taken into memory and only
   * the changed files are written at `finish`.
   */
  start(outDir: string, whole: boolean, unlisted: Unlisted = WHOLE_LISTING, options: WriteOptions = {}): SiteWriter {
    return whole || !this.canUpdate(outDir) ? new WholeSiteWrite(this, outDir, options) : new ChangedFilesWrite(this, outDir, unlisted);
  }

  /** Writes a list of pages, all at once (the data exports, the search index beside the pages last written); `unlisted` says what becomes of the rest. */
  write(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[], unlisted: Unlisted = WHOLE_LISTING): Promise<WriteResult> {
    const writer = this.start(outDir, false, unlisted);
    return (async () => {
      for (const page of pages) await writer.add(page);
      return writer.finish(staticFiles);
    })();
  }

  /** Runs `write` once the writes before it are done. */
  inTurn<T>(write: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(write);
    this.queue = run.catch(() => null);
    return run;
  }

  /** Takes the state of the disk after a whole site was written. */
  adopt(disk: OnDisk): void {
    this.disk = disk;
    this.changedStatic.clear();
  }

  /**
   * Writes a page a rebuild just made, before the rest of its build, when it replaces a page on disk
   * (see `EarlyWrites`); its listing then holds it by number, as written. Says what the file held
   * before when its bytes changed, to put it back should the build fail; null when nothing was written.
   */
  writeEarly(outDir: string, file: string, content: Numbered): { before: { held: Held; bytes: Buffer } | null } | null {
    const disk = this.disk;
    const before = disk?.outDir === outDir ? disk.files.get(file) : undefined;
    if (!disk || before === undefined || !('serial' in before) || content.text === null) return null;
    const target = resolveInside(outDir, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(target);
    } catch {
      return null; // gone from disk: left to `finish`, which writes it with the rest
    }
    const held = writeIfChanged(outDir, file, { page: content }, before, false);
    disk.files.set(file, held.now);
    return { before: held.changed ? { held: before, bytes } : null };
  }

  /** Puts back a file written early by a build that then failed, with what the writer knew of it. */
  restoreEarly(outDir: string, file: string, held: Held, bytes: Buffer): void {
    const disk = this.disk;
    if (!disk || disk.outDir !== outDir) return;
    writeIfChanged(outDir, file, { page: bytes }, undefined, false);
    disk.files.set(file, held);
  }

  /** The paths of the pages last written that the search indexes, in path order. */
  searchablePaths(): string[] {
    const paths: string[] = [];
    for (const [file, held] of this.disk?.files ?? []) if ('searchable' in held) paths.push(file);
    return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The files of the groups on disk that `listing` neither lists nor drops: those a build listing only what an edit touched keeps. */
  *keptGroupFiles(listing: Listing): Generator<string> {
    for (const [key, files] of this.disk?.groups ?? []) if (!listing.groups.has(key) && !listing.dropped.has(key)) yield* files;
  }

  /**
   * Writes the files listed (pages, then the static files no page replaces) that differ from what
   * is on disk, and removes the files `unlisted` says go: those of the groups listed but no longer
   * made, of the groups dropped, and the loose files not listed.
   */
  update(outDir: string, listing: Listing, staticFiles: readonly StaticFile[], unlisted: Unlisted, writtenEarly = 0): WriteResult {
    const disk = this.disk;
    if (!disk || disk.outDir !== outDir) throw new Error(`internal: ${outDir} was not written by this session`);
    const { files, groups, loose } = disk;
    const listed = listing.files;
    for (const file of staticFiles) if (!listed.has(file.path)) listed.set(file.path, { source: file.source });
    for (const file of listed.keys()) {
      if (!files.has(file) && existsSync(resolveInside(outDir, file))) {
        throw new ForeignFileConflict(`${path.join(outDir, file)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
      }
    }
    let written = writtenEarly;
    let added = 0;
    for (const [file, entry] of listed) {
      const before = files.get(file);
      const held = writeIfChanged(outDir, file, entry, before, this.changedStatic.size > 0 && this.changedStatic.has(file));
      if (held.changed) written++;
      if (!before) added++;
      if (held.now !== before) files.set(file, held.now);
    }
    // The files that may go: last write's of each group listed or gone, and the loose files not listed.
    const going: string[] = [];
    const inGroups = new Set<string>();
    for (const [key, paths] of listing.groups) {
      for (const file of paths) inGroups.add(file);
      for (const file of groups.get(key) ?? []) going.push(file);
      groups.set(key, paths);
    }
    const gone = unlisted.otherGroups() === 'removed' ? [...groups.keys()].filter((key) => !listing.groups.has(key)) : [...listing.dropped].filter((key) => !listing.groups.has(key));
    for (const key of gone) {
      for (const file of groups.get(key) ?? []) going.push(file);
      groups.delete(key);
    }
    for (const file of loose) if (!listed.has(file) && unlisted.looseGoes(file, files.get(file)!)) going.push(file);
    for (const file of listed.keys()) {
      if (inGroups.has(file)) loose.delete(file);
      else loose.add(file);
    }
    let removed = 0;
    for (const file of going) {
      // A file listed again (under another group, or loose) stays; one already removed is not removed twice.
      if (listed.has(file) || !files.has(file)) continue;
      const target = resolveInside(outDir, file);
      rmSync(target, { force: true });
      files.delete(file);
      loose.delete(file);
      removeEmptyFolders(path.dirname(target), outDir);
      removed++;
    }
    if (removed > 0 || added > 0) writeManifest(outDir, files.keys());
    this.changedStatic.clear();
    // `written` counts every file that changed on disk, removals included: the server reloads when it is not 0.
    return { written: written + removed, removed, kept: 0 };
  }
}

/** Streams a whole site through a staging folder (`startWrite`), noting what each file holds. */
class WholeSiteWrite implements SiteWriter {
  private readonly staged: SiteWriter;
  /** What each file will hold once the site is in place. */
  private readonly files = new Map<string, Held>();
  /** The files of each group of pages (see `Page.group`). */
  private readonly groups = new Map<string, string[]>();

  constructor(
    private readonly owner: ChangedFilesWriter,
    private readonly outDir: string,
    options: WriteOptions,
  ) {
    this.staged = startWrite(outDir, options);
  }

  add(page: Page): Promise<void> | void {
    const { content } = page;
    if (page.group !== undefined) addToGroup(this.groups, page.group, page.path);
    if (isNumbered(content)) {
      this.files.set(page.path, { serial: content.serial, ...searchableMark(page.path, textOf(content)) });
      return this.staged.add({ path: page.path, content: textOf(content) });
    }
    if (isChunked(content) && content.parts) {
      const parts = content.parts.bind(content);
      const files = this.files;
      // The layout is noted on each pass over the parts (the writer may compare, then write): the last pass is what is on disk.
      return this.staged.add({
        path: page.path,
        content: {
          *chunks() {
            const recorder = new LayoutRecorder();
            for (const part of parts()) {
              const text = textOf(part);
              recorder.add(part, Buffer.byteLength(text));
              yield text;
            }
            files.set(page.path, { layout: recorder.finish() });
          },
        },
      });
    }
    this.files.set(page.path, { digest: digestOf(content), ...(typeof content === 'string' ? searchableMark(page.path, content) : {}) });
    return this.staged.add(page);
  }

  settle(): Promise<void> {
    return this.staged.settle();
  }

  read(pagePath: string): string {
    return this.staged.read(pagePath);
  }

  finish(staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    return this.owner.inTurn(async () => {
      const result = await this.staged.finish(staticFiles);
      // A page wins over a static file at the same path, as in the staged write.
      for (const file of staticFiles) if (!this.files.has(file.path)) this.files.set(file.path, { source: file.source });
      const loose = new Set(this.files.keys());
      for (const paths of this.groups.values()) for (const file of paths) loose.delete(file);
      this.owner.adopt({ outDir: this.outDir, files: this.files, groups: this.groups, loose });
      return result;
    });
  }

  abandon(): Promise<void> {
    return this.staged.abandon();
  }
}

/** Takes a build's pages into memory and writes the changed ones at `finish`. */
class ChangedFilesWrite implements SiteWriter {
  /** What the build lists. */
  private readonly listing: Listing = { files: new Map(), groups: new Map(), dropped: new Set() };
  /** The article pages written as they were made, to put back should the build fail. */
  private readonly early: EarlyWrites;

  constructor(
    private readonly owner: ChangedFilesWriter,
    private readonly outDir: string,
    /** What becomes of the files not listed. */
    private readonly unlisted: Unlisted,
  ) {
    this.early = new EarlyWrites(owner, outDir);
  }

  add(page: Page): Promise<void> | void {
    const { content } = page;
    const { files, groups } = this.listing;
    if (page.group !== undefined) addToGroup(groups, page.group, page.path);
    // A data export's parts are made once (each pass would number its records again).
    if (isChunked(content) && 'asWritten' in content) files.set(page.path, { asWritten: true });
    else if (isNumbered(content) && this.early.take(page, content)) {
      files.set(page.path, { page: { serial: content.serial, text: null } });
      // A page changed on disk: a turn of the event loop lets the server (and anyone polling) see it before the rest of the build.
      if (this.early.justChanged) return nextTurn();
    } else files.set(page.path, isChunked(content) && content.parts ? { parts: [...content.parts()] } : { page: isChunked(content) ? pageText(page) : content });
  }

  drop(group: string): void {
    this.listing.dropped.add(group);
  }

  *untouchedFiles(): Generator<string> {
    if (this.unlisted.otherGroups() === 'kept') yield* this.owner.keptGroupFiles(this.listing);
  }

  async settle(): Promise<void> {}

  read(pagePath: string): string {
    const listed = this.listing.files.get(pagePath);
    if (listed && 'page' in listed && (typeof listed.page === 'string' || (isNumbered(listed.page) && listed.page.text !== null))) {
      return pageText({ path: pagePath, content: listed.page });
    }
    return readFileSync(resolveInside(this.outDir, pagePath), 'utf8');
  }

  finish(staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    return this.owner.inTurn(() => this.owner.update(this.outDir, this.listing, staticFiles, this.unlisted, this.early.changed));
  }

  async abandon(): Promise<void> {
    this.early.restore();
  }
}

/** Notes `file` as one of the group `key`'s. */
function addToGroup(groups: Map<string, string[]>, key: string, file: string): void {
  const files = groups.get(key);
  if (files) files.push(file);
  else groups.set(key, [file]);
}
