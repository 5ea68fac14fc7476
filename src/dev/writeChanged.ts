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
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isChunked, isNumbered, pageText, textOf, type Chunked, type Numbered, type Page } from '../render/page.js';
import { MANIFEST_NAME } from '../write/manifest.js';
import { resolveInside } from '../write/safePath.js';
import { ForeignFileConflict, startWrite, type SiteWriter, type StaticFile, type WriteResult } from '../write/writeSite.js';
import { LayoutRecorder, type ExportLayout } from './splicedExport.js';
import { digestOf, removeEmptyFolders, writeIfChanged, writeManifest, type Held, type Listed } from './fileUpdate.js';
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
}

export class ChangedFilesWriter implements WrittenTexts {
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
   * streams the site through a staging folder; otherwise the pages are taken into memory and only
   * the changed files are written at `finish`.
   */
  start(outDir: string, whole: boolean): SiteWriter {
    return whole || !this.canUpdate(outDir) ? new WholeSiteWrite(this, outDir) : new ChangedFilesWrite(this, outDir);
  }

  /** Writes a list of pages, all at once (the search index beside the pages last written). */
  write(outDir: string, pages: readonly Page[], staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    const writer = this.start(outDir, false);
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
   * Writes the files listed (`pages`, then the static files no page replaces) that differ from
   * what is on disk, leaves the `carried` pages as they are, and removes the files neither listed
   * nor carried.
   */
  update(outDir: string, pages: Map<string, Listed>, staticFiles: readonly StaticFile[], carried: readonly (readonly Page[])[] = []): WriteResult {
    const disk = this.disk;
    if (!disk || disk.outDir !== outDir) throw new Error(`internal: ${outDir} was not written by this session`);
    const { files } = disk;
    const statics = new Map<string, Listed>();
    for (const file of staticFiles) if (!pages.has(file.path)) statics.set(file.path, { source: file.source });
    // The carried files that are not listed too: with them, every file the build keeps.
    const kept = new Set<string>();
    for (const group of carried) for (const page of group) if (!pages.has(page.path) && !statics.has(page.path)) kept.add(page.path);
    const listed = (file: string) => pages.has(file) || statics.has(file) || kept.has(file);
    for (const next of [pages, statics]) {
      for (const file of next.keys()) {
        if (!files.has(file) && existsSync(resolveInside(outDir, file))) {
          throw new ForeignFileConflict(`${path.join(outDir, file)} was not written by Dossier, and the build would replace it. Move it out of the output folder, or delete it if it is an old copy of the site.`);
        }
      }
    }
    let written = 0;
    let added = 0;
    for (const next of [statics, pages]) {
      for (const [file, entry] of next) {
        const before = files.get(file);
        const held = writeIfChanged(outDir, file, entry, before, this.changedStatic.size > 0 && this.changedStatic.has(file));
        if (held.changed) written++;
        if (!before) added++;
        if (held.now !== before) files.set(file, held.now);
      }
    }
    let removed = 0;
    // Every file listed or kept is held now: any more held are the files to remove.
    if (files.size > pages.size + statics.size + kept.size) {
      for (const file of [...files.keys()]) {
        if (listed(file)) continue;
        const target = resolveInside(outDir, file);
        rmSync(target, { force: true });
        files.delete(file);
        removeEmptyFolders(path.dirname(target), outDir);
        removed++;
      }
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

  constructor(
    private readonly owner: ChangedFilesWriter,
    private readonly outDir: string,
  ) {
    this.staged = startWrite(outDir);
  }

  add(page: Page): Promise<void> | void {
    const { content } = page;
    if (isNumbered(content)) {
      this.files.set(page.path, { serial: content.serial });
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
    this.files.set(page.path, { digest: digestOf(content) });
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
      this.owner.adopt({ outDir: this.outDir, files: this.files });
      return result;
    });
  }

  abandon(): Promise<void> {
    return this.staged.abandon();
  }
}

/** Takes a build's pages into memory and writes the changed ones at `finish`. */
class ChangedFilesWrite implements SiteWriter {
  /** Every file of the build by path; the last one listed at a path wins, and a page wins over a static file. */
  private readonly next = new Map<string, Listed>();
  /** Groups of pages left on disk as they are (see `PageReuse.carry`). */
  private readonly carried: (readonly Page[])[] = [];

  constructor(
    private readonly owner: ChangedFilesWriter,
    private readonly outDir: string,
  ) {}

  add(page: Page): void {
    const { content } = page;
    // A data export's parts are made once (each pass would number its records again).
    if (isChunked(content) && 'asWritten' in content) this.next.set(page.path, { asWritten: true });
    else this.next.set(page.path, isChunked(content) && content.parts ? { parts: [...content.parts()] } : { page: isChunked(content) ? pageText(page) : content });
  }

  carry(pages: readonly Page[]): void {
    this.carried.push(pages);
  }

  async settle(): Promise<void> {}

  read(pagePath: string): string {
    const listed = this.next.get(pagePath);
    if (listed && 'page' in listed && (typeof listed.page === 'string' || (isNumbered(listed.page) && listed.page.text !== null))) {
      return pageText({ path: pagePath, content: listed.page });
    }
    return readFileSync(resolveInside(this.outDir, pagePath), 'utf8');
  }

  finish(staticFiles: readonly StaticFile[]): Promise<WriteResult> {
    return this.owner.inTurn(() => this.owner.update(this.outDir, this.next, staticFiles, this.carried));
  }

  async abandon(): Promise<void> {}
}
