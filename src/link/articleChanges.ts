/**
 * What each of a watch session's link stages changed of the article side of the archive, logged
 * by build: a watch edit changes the archive's maps in place (see `linkWatched.ts`), so the render
 * can no longer compare last build's maps with this build's; it asks the log what changed since
 * the build it last wrote (failed builds included: their changes stay in the log).
 */
import type { Article } from '../types.js';

/** What one or more link stages changed of the articles. */
export interface ArticleChanges {
  /** The articles added, gone or given a new record, each with its record before (undefined: added). */
  records: Map<string, Article | undefined>;
  /** The articles whose neighbours, body links, entities by type or related articles changed. */
  pages: Set<string>;
}

/** Entries kept: a render more builds behind than this looks at every page (a build that failed this often in a row is rare). */
const KEPT_ENTRIES = 32;

/** A link stage's archive's place in the log. */
export interface LoggedChanges {
  /** The log. */
  log: ArticleChangeLog;
  /** The archive's version in it. */
  version: number;
}

export class ArticleChangeLog {
  /** The last version given. */
  private version = 0;
  /** What each recent version changed, oldest first; null: not known (every article may have changed). */
  private readonly entries: Array<{ version: number; changes: ArticleChanges | null }> = [];

  /** Logs what a link stage changed; returns its version. */
  add(changes: ArticleChanges | null): number {
    this.entries.push({ version: ++this.version, changes });
    if (this.entries.length > KEPT_ENTRIES) this.entries.shift();
    return this.version;
  }

  /**
   * What changed from the archive of version `from` to that of version `to`, the earliest record of
   * each article kept; null when the log cannot tell (a version not known, or one that changed everything).
   */
  between(from: number, to: number): ArticleChanges | null {
    if (from === to) return { records: new Map(), pages: new Set() };
    const first = this.entries[0];
    if (from > to || !first || first.version > from + 1) return null;
    const records = new Map<string, Article | undefined>();
    const pages = new Set<string>();
    for (const { version, changes } of this.entries) {
      if (version <= from || version > to) continue;
      if (!changes) return null;
      for (const [id, before] of changes.records) if (!records.has(id)) records.set(id, before);
      for (const id of changes.pages) pages.add(id);
    }
    return { records, pages };
  }
}
