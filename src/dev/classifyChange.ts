/**
 * What kind of change a file event is: an article (anything in the input folder, including the
 * entity registry), a template, a static file, or the settings file. Hidden and editor temporary
 * files are not changes; the read stage skips them too.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { isIgnoredName } from '../read/readSources.js';
import type { Change } from './incrementalSteps.js';

/** The folders and file a session watches. */
export type WatchedPaths = Pick<Config, 'input' | 'templates' | 'public' | 'configFile'>;

/** The paths to hand the watcher. */
export function pathsToWatch(config: WatchedPaths): string[] {
  return [config.input, config.templates, config.public, ...(config.configFile ? [config.configFile] : [])];
}

/** The change an event on `absolutePath` stands for, or null when it is none of the build's business. */
export function classifyChange(config: WatchedPaths, absolutePath: string): Change | null {
  const file = path.resolve(absolutePath);
  if (config.configFile && file === path.resolve(config.configFile)) return { kind: 'config', path: path.basename(file) };
  const folders = [
    ['article', config.input],
    ['template', config.templates],
    ['static', config.public],
  ] as const;
  for (const [kind, folder] of folders) {
    const relative = path.relative(path.resolve(folder), file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const parts = relative.split(path.sep);
    if (parts.some(isIgnoredName)) return null;
    return { kind, path: parts.join('/') };
  }
  return null;
}
