/**
 * The watcher: chokidar on the input, templates and static folders and the settings file, each
 * event classified and handed on. Hidden and temporary files are ignored at the source so an
 * editor's swap files never trigger a rebuild.
 *
 * chokidar drops a file's "change" events for 50 ms after the one it reports (a throttle, not a
 * debounce), so a second save soon after the first would be lost and the site left stale. So each
 * event is followed by a look at the file a little after that window: if it changed since the
 * event, the change is reported again.
 */
import { statSync } from 'node:fs';
import { watch, type FSWatcher } from 'chokidar';
import { classifyChange, pathsToWatch, type WatchedPaths } from './classifyChange.js';
import type { Change } from './incrementalSteps.js';

/** A running watcher. */
export interface FileWatcher {
  /** Stops watching. */
  close(): Promise<void>;
}

/** Watches `config`'s folders; resolves once the watcher is ready, so no change after that is missed. */
export async function watchFiles(config: WatchedPaths, onChange: (change: Change) => void, onError: (error: Error) => void): Promise<FileWatcher> {
  const roots = pathsToWatch(config);
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    // Ignore hidden and temporary files below a watched folder, never the folder itself.
    ignored: (file: string) => !roots.includes(file) && classifyChange(config, file) === null && isInsideRoots(roots, file),
  });
  const lateChecks = new Map<string, NodeJS.Timeout>();
  /** `contentsOnly`: the event was a file's 'change' (new contents), which leaves the input's list of files as it was. */
  const report = (file: string, contentsOnly = false) => {
    const classified = classifyChange(config, file);
    if (!classified) return;
    const change: Change = classified.kind === 'article' && contentsOnly ? { ...classified, contentsOnly } : classified;
    onChange(change);
    const seen = fingerprint(file);
    clearTimeout(lateChecks.get(file));
    lateChecks.set(
      file,
      setTimeout(() => {
        lateChecks.delete(file);
        // Changed again, or gone: which, the late look cannot tell.
        if (fingerprint(file) !== seen) report(file);
      }, CHOKIDAR_THROTTLE_MS + 20),
    );
  };
  watcher.on('all', (event, file) => {
    if (event !== 'addDir') report(file, event === 'change'); // a new folder's files get their own events
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  // After start-up a watcher error (too many files, a folder gone) is reported, never fatal.
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  return {
    close: () => {
      for (const timer of lateChecks.values()) clearTimeout(timer);
      return watcher.close();
    },
  };
}

/** How long chokidar suppresses further change events for a file after reporting one. */
const CHOKIDAR_THROTTLE_MS = 50;

/** Size and modification time of a file, or '' when it is gone. */
function fingerprint(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return '';
  }
}

function isInsideRoots(roots: string[], file: string): boolean {
  return roots.some((root) => file.startsWith(`${root}/`) || file.startsWith(`${root}\\`));
}
