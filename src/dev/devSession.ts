/**
 * A watch session: the first build, then one incremental rebuild per burst of changes, each through
 * the same `build()` as the CLI with the session's `IncrementalSteps`. A failed rebuild leaves the
 * last good site on disk and is reported (terminal, and the server's error page) until a later
 * build succeeds. A settings change starts over from scratch with the new settings.
 */
import path from 'node:path';
import { build, type BuildResult } from '../build.js';
import type { Config } from '../config.js';
import { formatDiagnostic, hasErrors, UsageError, type Diagnostic } from '../errors.js';
import { printDiagnostics } from '../report.js';
import { listStaticFiles } from '../write/writeSite.js';
import { indexSearch, type SearchIndex } from '../search/indexSearch.js';
import { pathsToWatch } from './classifyChange.js';
import { IncrementalSteps, type Change } from './incrementalSteps.js';
import { nextTurn, WORK_PATIENCE } from './quietWork.js';
import { RebuildQueue } from './rebuildQueue.js';
import { SearchRefresh } from './searchRefresh.js';
import { ExportRefresh } from './exportRefresh.js';
import { watchFiles, type FileWatcher } from './watchFiles.js';

/** Where the site stands after the latest build. */
export interface BuildStatus {
  /** True when the latest build succeeded (the site on disk is current). */
  ok: boolean;
  /** The latest build's diagnostics. */
  diagnostics: Diagnostic[];
  /** Counts builds, so listeners can tell one from the next. */
  generation: number;
  /** Files the latest build wrote or removed (0 when nothing changed on disk). */
  filesChanged: number;
  /** How long the latest build took, in milliseconds (0 when it stopped before building). */
  ms: number;
}

export interface DevSessionOptions {
  /** Settings to start with. */
  config: Config;
  /** Reads the settings again after the settings file changed; throws UsageError when they are invalid. */
  reloadConfig: () => Config;
  /** The folder paths in messages are relative to. */
  cwd: string;
  /** Watch the files (false in tests that report changes themselves). */
  watch?: boolean;
  /** Quiet period before a rebuild, in milliseconds. */
  quietMs?: number;
  /** Quiet period before the data exports are written and the search index refreshed after a rebuild, in milliseconds. */
  searchQuietMs?: number;
  /** Keep the search index up to date (default true; tests that do not look at it turn it off). */
  search?: boolean;
  /** Print only errors and summaries. */
  quiet?: boolean;
  /** Where messages go (the terminal by default). */
  write?: (text: string) => void;
}

export class DevSession {
  config: Config;
  status: BuildStatus = { ok: false, diagnostics: [], generation: 0, filesChanged: 0, ms: 0 };
  /** The folder the last good build wrote, or null before one: the only folder the server may serve. */
  siteFolder: string | null = null;
  /** The latest build's result, or null when it stopped before building (bad settings). */
  lastResult: BuildResult | null = null;
  private steps = new IncrementalSteps();
  private watcher: FileWatcher | null = null;
  private readonly queue: RebuildQueue<Change>;
  private readonly listeners = new Set<(status: BuildStatus) => void>();
  private readonly write: (text: string) => void;
  private readonly search: SearchRefresh;
  /** Writes the data exports a rebuild left for later (see `IncrementalSteps.writeExports`). */
  private readonly exports: ExportRefresh;
  /** The warnings and notes of the last good build, printed once. */
  private printedNotes = new Set<string>();
  /** The search warnings last printed, so they are not repeated after every refresh. */
  private searchWarnings = '';

  private constructor(private readonly options: DevSessionOptions) {
    this.config = options.config;
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.queue = new RebuildQueue((changes) => this.rebuild(changes), options.quietMs);
    // Neither the index nor its writing starts in the middle of a rebuild (see `writeExports`).
    this.search = new SearchRefresh(async (pages) => (await this.editsFirst(), indexSearch(pages, this.editsFirst)), (index) => this.writeSearchIndex(index), options.searchQuietMs);
    this.steps.yieldToEdits = this.editsFirst;
    this.exports = new ExportRefresh(() => this.steps.exportsPending, () => this.writeExports(), options.searchQuietMs);
  }

  /** Builds the site once, then (unless told not to) watches for changes. */
  static async start(options: DevSessionOptions): Promise<DevSession> {
    const session = new DevSession(options);
    await session.runBuild('Built');
    if (options.watch !== false) await session.startWatching();
    return session;
  }

  /**
   * What the work behind the edits (data exports, search index) awaits between its steps: a turn of
   * the event loop, so a save's event comes in, then the end of any rebuild under way or waiting, so
   * a save never waits behind that work, nor has its rebuild stretched by it.
   */
  private readonly editsFirst = async (): Promise<void> => {
    await nextTurn();
    await this.queue.idle();
  };

  /** Calls `listener` after every build. Returns a function that stops it. */
  onBuilt(listener: (status: BuildStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reports a change (the watcher does this; tests may too). */
  changed(change: Change): void {
    this.queue.push(change);
  }

  /** Resolves once every reported change is built, and the data exports and search index are up to date. */
  async idle(): Promise<void> {
    // A change may come in while the index is made, and a rebuild schedules a new index: loop until both rest.
    do {
      await this.queue.idle();
      await this.exports.idle();
      await this.search.idle();
    } while (!this.queue.isIdle() || !this.exports.isIdle() || !this.search.isIdle());
  }

  /** The IncrementalSteps in use, for tests and the benchmark. */
  get currentSteps(): IncrementalSteps {
    return this.steps;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.exports.close();
    await this.search.close();
    await this.watcher?.close();
    this.watcher = null;
    this.listeners.clear();
  }

  private async rebuild(changes: Change[]): Promise<void> {
    if (changes.some((change) => change.kind === 'config')) {
      try {
        const config = this.options.reloadConfig();
        const rewatch = pathsToWatch(config).join('\n') !== pathsToWatch(this.config).join('\n');
        this.config = config;
        this.steps = new IncrementalSteps();
        this.steps.yieldToEdits = this.editsFirst;
        this.search.cancel(); // an index of the old site must not land in the new one
        if (rewatch && this.watcher) {
          await this.watcher.close();
          await this.startWatching();
        }
      } catch (error) {
        this.finish(null, usageDiagnostics(error), 0);
        return;
      }
      await this.runBuild('Settings changed; rebuilt');
      return;
    }
    if (this.status.ok && this.steps.changesNothing(changes, this.config.input, this.options.cwd)) return;
    for (const change of changes) this.steps.noteChange(change);
    const described = describeChanges(changes, this.config, this.options.cwd);
    // Static files feed no page: when only they changed, copying them is the whole rebuild.
    if (changes.every((change) => change.kind === 'static') && this.status.ok && this.lastResult) {
      const started = performance.now();
      try {
        const written = await this.steps.writeStaticFiles(listStaticFiles(this.config.public));
        if (written) {
          this.finish({ ...this.lastResult, pages: written.written, timings: { write: performance.now() - started } }, this.lastResult.diagnostics, started, `Copied ${described}`);
          return;
        }
      } catch (error) {
        this.write(`dossier: could not copy ${described}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    await this.runBuild(`Rebuilt after ${described}`);
  }

  private async runBuild(verb: string): Promise<void> {
    const started = performance.now();
    let result: BuildResult | null = null;
    try {
      // The search index is refreshed behind the edits (SearchRefresh), not on every rebuild.
      // The first build of these steps makes the whole archive and may collect between stages like any build.
      result = await build(this.config, { cwd: this.options.cwd, steps: this.steps, search: false, collectGarbage: this.steps.lastWrite === null });
    } catch (error) {
      this.finish(null, usageDiagnostics(error), started);
      return;
    }
    this.finish(result, result.diagnostics, started, verb);
    if (this.status.ok) this.exports.schedule();
    const last = this.steps.lastWrite;
    // The pages are read back from disk as they are indexed: the session keeps no page text.
    if (this.status.ok && last && this.options.search !== false) {
      // Indexing a whole site takes a core for about as long as building it did: the first refresh waits for a pause as long.
      if (this.status.generation === 1) this.search.expect(this.status.ms / WORK_PATIENCE);
      this.search.schedule(this.steps.searchablePages(last.outDir));
    }
  }

  /**
   * Makes and writes the data exports the last rebuild left for later. Like the search index's
   * refresh, it starts only once no rebuild is under way: a rebuild gives the event loop a turn once
   * the edited page is on disk (see `EarlyWrites`), and a quiet period ending then must not start
   * seconds of work in the middle of it.
   */
  private async writeExports(): Promise<void> {
    await this.editsFirst();
    try {
      await this.steps.writeExports();
    } catch (error) {
      this.write(`dossier: the data exports could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  /** Writes a fresh search index beside the pages it was made from. */
  private async writeSearchIndex(index: SearchIndex): Promise<void> {
    await this.editsFirst();
    const warnings = index.diagnostics.map((d) => d.message).join('\n');
    if (warnings !== this.searchWarnings) printDiagnostics(index.diagnostics, this.options.quiet ?? false, (line) => (this.write(line), true));
    this.searchWarnings = warnings;
    try {
      await this.steps.writeSearchIndex(index.files);
    } catch (error) {
      this.write(`dossier: the search index could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  private finish(result: BuildResult | null, diagnostics: Diagnostic[], started: number, verb = 'Built'): void {
    const ok = result !== null && result.ok && !hasErrors(diagnostics);
    this.lastResult = result;
    // Errors every time; warnings and notes only when new, so a note about the settings is not repeated after every save.
    const seen = this.printedNotes;
    this.printedNotes = new Set(diagnostics.filter((d) => d.severity !== 'error').map(formatted));
    const shown = ok ? diagnostics.filter((d) => d.severity === 'error' || !seen.has(formatted(d))) : diagnostics.filter((d) => d.severity === 'error');
    printDiagnostics(shown, this.options.quiet ?? false, (line) => (this.write(line), true));
    if (!ok) this.printedNotes = seen;
    const out = path.relative(this.options.cwd, this.config.output) || '.';
    const elapsed = started ? performance.now() - started : 0;
    const ms = Math.round(elapsed);
    if (ok) {
      const { counts } = this.steps;
      const detail = this.status.generation === 0 ? `${result.pages} files` : `${result.pages} file${result.pages === 1 ? '' : 's'} updated, ${counts.parsed} parsed, ${this.steps.memo.counts.rendered} rendered`;
      this.write(`${verb}: ${result.articles} article${result.articles === 1 ? '' : 's'} into ${out}/ (${detail}) in ${ms} ms.\n`);
    } else {
      const count = diagnostics.filter((d) => d.severity === 'error').length;
      this.write(`Build failed: ${count} error${count === 1 ? '' : 's'}; the last good site stays in ${out}/. Fix the file and save it to go on.\n`);
    }
    if (ok) this.siteFolder = this.config.output;
    const filesChanged = ok ? result.pages : 0;
    this.status = { ok, diagnostics, generation: this.status.generation + 1, filesChanged, ms: elapsed };
    for (const listener of this.listeners) listener(this.status);
  }

  private async startWatching(): Promise<void> {
    this.watcher = await watchFiles(
      this.config,
      (change) => this.changed(change),
      (error) => {
        // Events may have been lost: the next rebuild lists the input folder instead of trusting them.
        this.steps.forgetListing();
        this.write(`dossier: the file watcher reported a problem: ${error.message}\n`);
      },
    );
  }
}

/**
 * Each diagnostic's text, made once: an unchanged file's diagnostics are the very same objects from
 * one build to the next (see `taggedWith` in build.ts), and a big archive has thousands of notes.
 */
const formattedOf = new WeakMap<Diagnostic, string>();

function formatted(d: Diagnostic): string {
  let text = formattedOf.get(d);
  if (text === undefined) formattedOf.set(d, (text = formatDiagnostic(d)));
  return text;
}

/** A thrown error as diagnostics: a UsageError's own, or one line for anything else. */
function usageDiagnostics(error: unknown): Diagnostic[] {
  if (error instanceof UsageError) {
    return [...error.diagnostics, { severity: 'error', file: null, message: error.message }];
  }
  return [{ severity: 'error', file: null, message: `the build stopped: ${error instanceof Error ? error.message : String(error)}` }];
}

/** `seeds/a.md`, or `seeds/a.md and 3 other changes`, relative to the working directory. */
function describeChanges(changes: Change[], config: Config, cwd: string): string {
  const folders = { article: config.input, template: config.templates, static: config.public, config: config.root };
  const unique = [...new Set(changes.map((change) => path.relative(cwd, path.join(folders[change.kind], change.path))))];
  return unique.length === 1 ? unique[0]! : `${unique[0]} and ${unique.length - 1} other change${unique.length === 2 ? '' : 's'}`;
}
