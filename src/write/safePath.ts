/** Every path the build writes goes through here: relative, normalised, and inside the output folder. */
import path from 'node:path';

export function resolveInside(outDir: string, relative: string): string {
  const normalised = path.posix.normalize(relative);
  if (normalised.startsWith('../') || normalised === '..' || path.posix.isAbsolute(normalised) || normalised.includes('\0')) {
    throw new Error(`Refusing to write "${relative}": it is outside the output folder.`);
  }
  const target = path.resolve(outDir, normalised);
  if (!target.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`Refusing to write "${relative}": it is outside the output folder.`);
  return target;
}
