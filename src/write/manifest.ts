/**
 * The manifest: the list of files the last build wrote, kept in the output folder. It is how the
 * build knows which files are its own to replace or remove, and which (a CNAME, a .git folder, a
 * host's config) belong to someone else and must be left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** File name of the manifest inside the output folder. */
export const MANIFEST_NAME = '.dossier-manifest.json';

/** The files a previous build wrote (relative `/` paths), empty when the folder has no manifest. */
export function readManifest(outDir: string): Set<string> {
  const file = path.join(outDir, MANIFEST_NAME);
  if (!existsSync(file)) return new Set();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    return new Set(Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

export function manifestContent(files: Iterable<string>): string {
  return `${JSON.stringify({ generator: 'dossier', files: [...files].sort() }, null, 1)}\n`;
}
