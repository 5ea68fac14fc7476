/**
 * The article pages a watch rebuild writes as soon as they are made, ahead of the rest of its
 * build. An edit is judged by how soon its own page is on disk, and a rebuild renders the touched
 * article pages first (after the home pages) but the entity pages, feeds and sitemap after them:
 * at 16,000 articles those took most of an edit's render. A page is written early only when it
 * replaces a page on disk (a new page also changes the manifest, which goes at `finish`), and at
 * most `EARLY_WRITES_MOST` per build, so putting them back stays cheap should the build fail
 * (`restore`: the last good site then stays whole, as the watch session promises).
 */
import { groupKind } from '../render/renderContext.js';
import type { Numbered, Page } from '../render/page.js';
import type { Held } from './fileUpdate.js';

/** The writer's part in an early write (see `ChangedFilesWriter.writeEarly`). */
export interface EarlyWriter {
  /**
   * Writes `file` now when it replaces a page on disk (else null: nothing written), and says what it
   * held before when its bytes changed (`before`; null: the same bytes were there already).
   */
  writeEarly(outDir: string, file: string, content: Numbered): { before: { held: Held; bytes: Buffer } | null } | null;
  /** Puts a file written early back as it was. */
  restoreEarly(outDir: string, file: string, held: Held, bytes: Buffer): void;
}

/** Most pages one build writes early: an edit touches a handful of article pages; a build touching more writes the rest at `finish`. */
export const EARLY_WRITES_MOST = 32;

/** A file written early, with what it held before. */
interface WrittenEarly {
  /** Its path in the output folder. */
  file: string;
  /** What the writer knew it held before. */
  held: Held;
  /** Its bytes before. */
  bytes: Buffer;
}

/** One build's early writes. */
export class EarlyWrites {
  /** Files written early whose bytes changed, in order. */
  private readonly written: WrittenEarly[] = [];
  /** Pages handed to `writeEarly` so far (changed or not). */
  private tried = 0;
  /** True when the last page `take` wrote changed on disk. */
  justChanged = false;

  constructor(
    /** The session's writer. */
    private readonly writer: EarlyWriter,
    /** The output folder. */
    private readonly outDir: string,
  ) {}

  /** How many files written early changed on disk (the build's count of files written includes them). */
  get changed(): number {
    return this.written.length;
  }

  /**
   * Writes `page` now when it is an article's page with new text replacing one on disk. True when it
   * is on disk now, as made (the build then lists it as written); false: the build writes it at `finish`.
   */
  take(page: Page, content: Numbered): boolean {
    this.justChanged = false;
    if (content.text === null || page.group === undefined || groupKind(page.group) !== 'article' || this.tried >= EARLY_WRITES_MOST) return false;
    this.tried++;
    const done = this.writer.writeEarly(this.outDir, page.path, content);
    this.justChanged = done?.before != null;
    if (done?.before) this.written.push({ file: page.path, ...done.before });
    return done !== null;
  }

  /** The build failed: each file written early gets its old bytes back, last first. */
  restore(): void {
    for (const { file, held, bytes } of this.written.splice(0).reverse()) this.writer.restoreEarly(this.outDir, file, held, bytes);
  }
}
