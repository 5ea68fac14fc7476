/**
 * Re-making only the texts whose inputs changed, without knowing any page kind: every page, feed
 * and data-export record a watch build makes goes through `RenderMemo.made`, which hands back the
 * number of last build's text (see `Numbered`) when it was made from equal inputs and is still on
 * disk, so its variables are not even made. Unchanged records are the very same objects from one
 * build to the next (see `BuildSteps.keep`), so comparing inputs is mostly one identity check. The
 * memo keeps no text: the session's writer knows which number each file holds (`WrittenTexts`).
 *
 * The memo is only valid while the templates and settings are unchanged: the dev session clears it
 * on a template change and starts a new one on a settings change. Filters that read more than their
 * arguments are checked too (see `RenderMemo`).
 */
import type nunjucks from 'nunjucks';
import { isNumbered, type Numbered, type Page } from '../render/page.js';
import type { PageReuse } from '../render/renderContext.js';

/** What the session's writer has on disk, as far as the memo needs to know. */
export interface WrittenTexts {
  /** True when the file at `path` holds the text numbered `serial` (as the whole page, or as one part of a data export). */
  holds(path: string, serial: number): boolean;
}

/** One call of a filter added per build, as a render made it. */
interface FilterCall {
  /** The filter's name. */
  name: string;
  /** What `this` was (Nunjucks passes the render context), or null for a filter that cannot read it. */
  self: unknown;
  /** The arguments. */
  args: unknown[];
  /** What it returned. */
  result: unknown;
}

/** What was made last time under one key. */
interface Made {
  /** The file it was made for. */
  path: string;
  /** The records it was made from (for a page rendered from its variables: those variables). */
  inputs: readonly unknown[];
  /** Calls it made to filters added per build (which may read the whole archive). */
  calls: readonly FilterCall[];
  /** The number of its text. */
  serial: number;
  /** The build that last asked for it (see `sweep`). */
  seen: number;
  /** What `made` hands back while it is reused (one object for every build: edits touch few texts, and every build asks for all). */
  reused: Numbered;
}

/** A page of a group: the key its text is kept under, and the entry. */
interface Member {
  /** The key (see `PageReuse.made`). */
  key: string;
  /** The entry, as the group last saw it: one made again since is another object. */
  made: Made;
}

/** Pages made together from one set of inputs (see `PageReuse.pages`). */
interface PageGroup {
  /** The records every page of the group was made from. */
  inputs: readonly unknown[];
  /** Its pages, in order. */
  members: Member[];
  /** The build that last asked for it (see `sweep`). */
  seen: number;
  /** Its pages by number, as a reuse hands them on (made once). */
  pages: readonly Page[];
  /** How many of its pages are HTML (see `counts`). */
  html: number;
}

/** No filter calls (most texts make none): one shared list instead of one each. */
const NO_CALLS: readonly FilterCall[] = Object.freeze([]);

/** The last number given to a text; numbers are never given twice in a process. */
let lastSerial = 0;

/**
 * Filters added after the environment was made (the publishing filters are added on every build
 * and read the archive, not just their arguments) are tracked: a text is reused only if calling
 * each such filter again, as its render did, still gives the same result.
 */
export class RenderMemo implements PageReuse {
  private readonly texts = new Map<string, Made>();
  /** The latest version of each tracked filter. */
  private readonly filters = new Map<string, (...args: unknown[]) => unknown>();
  /** The calls made by the render under way. */
  private recording: FilterCall[] | null = null;
  /** Texts made and texts reused since the last `resetCounts`, for the terminal and tests (HTML pages only: not feeds or data-export records). */
  counts = { rendered: 0, reused: 0 };

  constructor(
    /** Tells which texts are on disk. */
    private readonly written: WrittenTexts,
  ) {}

  /** Tracks the filters added to `env` from now on (see the class comment). Returns the same environment. */
  wrap(env: nunjucks.Environment): nunjucks.Environment {
    const addFilter = env.addFilter.bind(env);
    const filters = this.filters;
    const memo = this;
    const tracked = (name: string, filter: (...args: unknown[]) => unknown, async?: boolean) => {
      filters.set(name, filter);
      return addFilter(
        name,
        function (this: unknown, ...args: unknown[]) {
          const current = filters.get(name)!;
          const result = current.apply(this, args);
          // `this` is the render's whole context (every variable of the page): kept only for a filter that can read it (arrow and bound functions cannot).
          memo.recording?.push({ name, self: current.prototype === undefined ? null : this, args, result });
          return result;
        },
        async,
      );
    };
    env.addFilter = tracked as typeof env.addFilter;
    return env;
  }

  made(path: string, key: string, inputs: readonly unknown[], make: () => string): Numbered {
    const counted = path.endsWith('.html');
    const previous = this.texts.get(key);
    // Asked with last build's path string when it is the same path: its hash is known, this build's is a new string.
    if (previous && previous.path === path) path = previous.path;
    if (previous && this.written.holds(path, previous.serial) && sameValue(previous.inputs, inputs) && this.sameCalls(previous.calls)) {
      if (counted) this.counts.reused++;
      // The newer records: next build's are likelier to be these very objects.
      previous.inputs = inputs;
      previous.seen = this.build;
      this.grouping?.set(path, { key, made: previous });
      return previous.reused;
    }
    const outer = this.recording;
    const calls: FilterCall[] = [];
    this.recording = calls;
    let text: string;
    try {
      text = make();
    } finally {
      this.recording = outer;
    }
    if (counted) this.counts.rendered++;
    const serial = ++lastSerial;
    if (!previous) this.added++;
    const made: Made = { path, inputs, calls: calls.length > 0 ? calls : NO_CALLS, serial, reused: { serial, text: null }, seen: this.build };
    this.texts.set(key, made);
    this.grouping?.set(path, { key, made });
    return { serial, text };
  }

  /** While a group's pages are made: the entry `made` answered from or made for each path (see `pages`). */
  private grouping: Map<string, Member> | null = null;
  /** Groups of pages made together, by key, with the inputs they were made from (see `pages`). */
  private readonly groups = new Map<string, PageGroup>();

  pages(key: string, inputs: readonly unknown[], make: () => Iterable<Page>): Iterable<Page> {
    const previous = this.groups.get(key);
    if (previous && sameValue(previous.inputs, inputs) && previous.members.every((member) => this.stillMade(member))) {
      previous.inputs = inputs;
      return this.reuseGroup(previous);
    }
    return this.makeGroup(key, inputs, make);
  }

  /**
   * True while the build under way hands its pages to a writer that leaves on disk the groups of
   * pages it is not given (a watch rebuild's, see `ChangedFilesWriter`): only then may the render
   * list only the groups an edit touched. Set by the session's steps as each build starts writing;
   * every build starts without it.
   */
  leavesUnlisted = false;
  /** True once the build under way chose to list only the groups an edit touched (see `listTouchedOnly`): its writer keeps the others. */
  touchedOnly = false;
  /** The last build that listed every group: a group it did not ask for is gone (see `sweep`). */
  private lastFullBuild = 0;

  listTouchedOnly(): boolean {
    this.touchedOnly = this.leavesUnlisted;
    return this.touchedOnly;
  }

  forget(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    for (const { key: textKey, made } of group.members) if (this.texts.get(textKey) === made) this.texts.delete(textKey);
  }

  /** Values kept by `swap` in the last build that wrote its site, by key. */
  private readonly swapped = new Map<string, unknown>();
  /** Values given to `swap` by the build under way: kept only once it has written its site (`siteWritten`). */
  private readonly swapping = new Map<string, unknown>();

  swap<T>(key: string, value: T): T | null {
    this.swapping.set(key, value);
    return (this.swapped.get(key) as T | undefined) ?? null;
  }

  /**
   * The build under way wrote its site: what it gave `swap` is what the next build compares with.
   * A build that failed keeps none of it, so the next compares with the last site on disk. A build
   * that listed every group tells which groups are gone (see `sweep`).
   */
  siteWritten(): void {
    if (!this.touchedOnly) this.lastFullBuild = this.build;
    for (const [key, value] of this.swapping) this.swapped.set(key, value);
    this.swapping.clear();
  }

  /** A group's pages as last made, by number. A list, not a generator: most groups of a watch build are reused, and each generator costs. */
  private reuseGroup(group: PageGroup): readonly Page[] {
    group.seen = this.build;
    this.counts.reused += group.html;
    return group.pages;
  }

  /** Makes a group's pages, noting the entry of each (see `pages`). */
  private *makeGroup(key: string, inputs: readonly unknown[], make: () => Iterable<Page>): Generator<Page> {
    // Each page's entry is noted as `made` answers for it, only while the group's own `make` runs.
    const noted = new Map<string, Member>();
    const members: Member[] = [];
    let whole = true;
    const noting = <T>(run: () => T): T => {
      const outer = this.grouping;
      this.grouping = noted;
      try {
        return run();
      } finally {
        this.grouping = outer;
      }
    };
    const iterator = noting(() => make()[Symbol.iterator]());
    for (;;) {
      const next = noting(() => iterator.next());
      if (next.done) break;
      const page = next.value;
      const member = noted.get(page.path);
      // Every page of a group must come through `made`: one that did not cannot be answered for later.
      if (member === undefined || !isNumbered(page.content) || page.content.serial !== member.made.serial) whole = false;
      else members.push(member);
      yield page;
    }
    if (whole) {
      const pages = members.map(({ made }): Page => ({ path: made.path, content: made.reused }));
      const html = pages.filter((page) => page.path.endsWith('.html')).length;
      this.groups.set(key, { inputs, members, seen: this.build, pages, html });
    }
    else this.groups.delete(key);
  }

  /** True when a group's page is as the group made it: the same entry, on disk, its filters answering as they did. */
  private stillMade({ key, made }: Member): boolean {
    return this.texts.get(key) === made && this.written.holds(made.path, made.serial) && this.sameCalls(made.calls);
  }

  /** Values kept by `value`, by key, with the inputs each was made from. */
  private readonly values = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  value<T>(key: string, inputs: readonly unknown[], make: () => T): T {
    const previous = this.values.get(key);
    if (previous && sameValue(previous.inputs, inputs)) {
      previous.inputs = inputs;
      return previous.value as T;
    }
    const value = make();
    this.values.set(key, { inputs, value });
    return value;
  }

  /** Forgets everything (templates changed). */
  clear(): void {
    this.texts.clear();
    this.values.clear();
    this.groups.clear();
    this.swapped.clear();
    this.swapping.clear();
  }

  /** Builds started (see `resetCounts`): entries note the last that asked for them. */
  private build = 0;
  /** Texts added under a new key since the last sweep. */
  private added = 0;

  /**
   * Forgets the texts no recent build asked for (records deleted or renamed, events whose sentence
   * changed): each keeps its inputs, old records among them, so without this a session grows with
   * every edit. Runs only once the keys added since the last sweep are a quarter of all, so its
   * walk over every entry costs O(1) per key added. A text asked for only between builds (a data
   * export's records, made once edits pause) is kept if the last or the one before asked; one
   * forgotten is made again when next asked for, so forgetting never leaves a stale page.
   */
  sweep(): void {
    if (this.added * 4 < this.texts.size) return;
    for (const [key, group] of this.groups) {
      // Builds that list only what an edit touched leave every other group on disk: only one that lists them all tells which are gone.
      if (group.seen < this.lastFullBuild) this.groups.delete(key);
      // The pages of a group still on disk stay, asked for or not; a group reused as a whole does not note each page's entry as asked for either.
      else for (const { made } of group.members) made.seen = this.build;
    }
    for (const [key, made] of this.texts) if (made.seen < this.build - 1) this.texts.delete(key);
    this.added = 0;
  }

  resetCounts(): void {
    this.build++;
    this.leavesUnlisted = false;
    this.touchedOnly = false;
    this.swapping.clear();
    provenEqual = new WeakMap();
    this.counts = { rendered: 0, reused: 0 };
  }

  private sameCalls(calls: readonly FilterCall[]): boolean {
    return calls.every((call) => sameValue(this.filters.get(call.name)?.apply(call.self, call.args), call.result));
  }
}

/**
 * Deep equality that errs on the side of "different": plain objects and arrays are compared by
 * content (keys in order, since a template may loop over them), anything else (Maps, class
 * instances, functions) only by identity. A false "different" costs one render; a false "same"
 * would leave a stale page, so there is none.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // A record shared by many pages (an entity, a related article) is compared in full only once.
  if (provenEqual.get(b) === a) return true;
  const before = compared;
  if (!sameContent(a, b)) return false;
  // Only big ones are noted: a WeakMap entry costs more than comparing a small record again.
  if (compared - before >= NOTED_FROM) provenEqual.set(b, a);
  return true;
}

/** Objects compared by content so far (a running count, to tell how big a comparison was). */
let compared = 0;
/** Objects a comparison must have walked for its result to be noted in `provenEqual`. */
const NOTED_FROM = 32;

/**
 * For an object found equal to an older one, that older one. Records are never changed once made
 * (the memo keeps last build's variables to compare with on the same assumption), so the answer holds.
 * Made anew for each build (`resetCounts`): an entry keeps the older object alive as long as the
 * newer one lives, so entries left from build to build would chain every generation of a record.
 */
let provenEqual = new WeakMap<object, object>();

function sameContent(a: object, b: object): boolean {
  compared++;
  const prototype = Object.getPrototypeOf(a) as unknown;
  if (prototype !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
