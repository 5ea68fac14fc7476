/**
 * Refuses output folders that a build could damage: the build replaces the output folder's
 * contents, so it must never be `/`, the home folder, the project, or a folder holding the
 * articles or templates — nor lie inside the input or templates folder.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** The folders an output folder must keep clear of. */
export interface ProtectedFolders {
  /** The project root. */
  root: string;
  /** The articles folder. */
  input: string;
  /** The templates folder. */
  templates: string;
  /** The static files folder. */
  public: string;
}

export function checkOutputFolder(output: string, folders: ProtectedFolders, cwd: string): void {
  const out = realish(output);
  const shown = path.relative(cwd, output) || '.';
  const refuse = (why: string) => {
    throw new UsageError(`Refusing to write the site to ${shown}: ${why}. Choose an output folder of its own, such as "dist".`);
  };
  if (out === path.parse(out).root) refuse('it is the file system root');
  if (out === realish(os.homedir())) refuse('it is your home folder');
  if (contains(out, realish(folders.root))) refuse('it is or contains the project folder');
  for (const [name, folder] of [['input', folders.input], ['templates', folders.templates], ['public', folders.public]] as const) {
    const protectedFolder = realish(folder);
    if (contains(out, protectedFolder)) refuse(`it is or contains the ${name} folder`);
    if (contains(protectedFolder, out)) refuse(`it lies inside the ${name} folder`);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) refuse('it is a file, not a folder');
}

/** True when `outer` is `inner` or one of its ancestors. */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of a folder, following links; for a folder that does not exist yet, of its nearest existing ancestor. */
function realish(folder: string): string {
  const absolute = path.resolve(folder);
  let existing = absolute;
  const missing: string[] = [];
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(realpathSync(existing), ...missing);
}
