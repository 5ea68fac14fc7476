/**
 * The watcher: chokidar on the input, templates and static folders and the settings file, each
 * event classified and handed on. Hidden and temporary files are ignored at the source so an
 * editor's swap files never trigger a rebuild.
 */
import { watch, type FSWatcher } from 'chokidar';
import { classifyChange, pathsToWatch, type WatchedPaths } from './classifyChange.js';
import type { Change } from './incrementalSteps.js';

/** A running watcher. */
export interface FileWatcher {
  /** Stops watching. */
  close(): Promise<void>;
}

/** Watches `config`'s folders; resolves once the watcher is ready, so no change after that is missed. */
export async function watchFiles(config: WatchedPaths, onChange: (change: Change) => void): Promise<FileWatcher> {
  const roots = pathsToWatch(config);
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    // Ignore hidden and temporary files below a watched folder, never the folder itself.
    ignored: (file: string) => !roots.includes(file) && classifyChange(config, file) === null && isInsideRoots(roots, file),
  });
  watcher.on('all', (event, file) => {
    if (event === 'addDir') return; // its files get their own events
    const change = classifyChange(config, file);
    if (change) onChange(change);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return { close: () => watcher.close() };
}

function isInsideRoots(roots: string[], file: string): boolean {
  return roots.some((root) => file.startsWith(`${root}/`) || file.startsWith(`${root}\\`));
}
