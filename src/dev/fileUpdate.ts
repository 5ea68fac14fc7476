/**
 * One file of a watch rebuild against what the session's writer knows is on disk: written (through
 * a temporary file renamed over the old one, so the server never hands out half a file) only when
 * its bytes changed. See `ChangedFilesWriter`.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isNumbered, type Numbered, type PageContent } from '../render/page.js';
import { isSearchable } from '../search/indexSearch.js';
import { MANIFEST_NAME, manifestContent } from '../write/manifest.js';
import { resolveInside } from '../write/safePath.js';
import { unchangedExport, writeSplicedExport, type ExportLayout } from './splicedExport.js';

/** What a file in the output folder holds, as far as the writer knows it. */
export type Held =
  /** A numbered text (a page, a feed); `searchable` when the search indexes it (see `isSearchable`). */
  | { serial: number; searchable?: true }
  /** A data export made of parts. */
  | { layout: ExportLayout }
  /** A copy of a static file. */
  | { source: string }
  /** Other text or bytes (the site feeds, the sitemap, the search index), by digest. */
  | { digest: string; searchable?: true };

/** A file as a build lists it for writing: a page, a data export's parts, a static file, or a data export left as it is. */
export type Listed = { page: PageContent } | { parts: readonly (string | Numbered)[] } | { source: string } | { asWritten: true };

/** Writes one file when its bytes changed; says what it holds now. */
export function writeIfChanged(outDir: string, file: string, listed: Listed, held: Held | undefined, staticChanged: boolean): { changed: boolean; now: Held } {
  // Most files are unchanged: the path is resolved (and checked) only for those read or written.
  const target = () => resolveInside(outDir, file);
  if ('source' in listed) {
    const now = { source: listed.source };
    if (held && 'source' in held && held.source === listed.source && !staticChanged) return { changed: false, now };
    atomically(target(), (temporary) => copyFileSync(listed.source, temporary));
    return { changed: true, now };
  }
  if ('asWritten' in listed) {
    if (!held || !('layout' in held)) throw new Error(`internal: ${file} was listed as written, but it is not on disk`);
    return { changed: false, now: held };
  }
  if ('parts' in listed) {
    const layout = held && 'layout' in held ? held.layout : null;
    if (layout && unchangedExport(listed.parts, layout)) return { changed: false, now: held! };
    mkdirSync(path.dirname(target()), { recursive: true });
    return { changed: true, now: { layout: writeSplicedExport(target(), listed.parts, layout) } };
  }
  const content = listed.page;
  if (isNumbered(content)) {
    if (content.text === null) {
      if (!held || !('serial' in held) || held.serial !== content.serial) throw new Error(`internal: ${file} was reused, but its text is not on disk`);
      return { changed: false, now: held };
    }
    const now = { serial: content.serial, ...searchableMark(file, content.text) };
    const bytes = Buffer.from(content.text);
    if (held && sameAsFile(target(), bytes)) return { changed: false, now };
    atomically(target(), (temporary) => writeFileSync(temporary, bytes));
    return { changed: true, now };
  }
  const now = { digest: digestOf(content), ...(typeof content === 'string' ? searchableMark(file, content) : {}) };
  if (held && 'digest' in held && held.digest === now.digest) return { changed: false, now };
  atomically(target(), (temporary) => writeFileSync(temporary, typeof content === 'string' ? content : (content as Uint8Array)));
  return { changed: true, now };
}

/**
 * `{ searchable: true }` when the search indexes the page at `file` with this text, else nothing:
 * noted as the text is written, so the search refresh reads back only those pages, not the whole site.
 */
export function searchableMark(file: string, text: string): { searchable?: true } {
  return isSearchable({ path: file, content: text }) ? { searchable: true } : {};
}

/** Writes a file through a temporary file renamed over the old one, so the server never hands out half a file. */
function atomically(target: string, write: (temporary: string) => void): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.dossier-tmp-${process.pid}`;
  write(temporary);
  renameSync(temporary, target);
}

/** True when the file holds exactly `bytes` (read only when the sizes agree). */
function sameAsFile(file: string, bytes: Buffer): boolean {
  let fd: number;
  try {
    if (statSync(file).size !== bytes.length) return false;
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const old = Buffer.allocUnsafe(bytes.length);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, old, read, bytes.length - read, read);
      if (got === 0) return false;
      read += got;
    }
    return old.equals(bytes);
  } finally {
    closeSync(fd);
  }
}

/** A digest of text or bytes that are not numbered. */
export function digestOf(content: PageContent): string {
  const hash = createHash('sha256');
  if (typeof content === 'string' || content instanceof Uint8Array) hash.update(content);
  else for (const chunk of (content as { chunks(): Iterable<string> }).chunks()) hash.update(chunk);
  return hash.digest('base64');
}

export function writeManifest(outDir: string, files: Iterable<string>): void {
  const manifest = path.join(outDir, MANIFEST_NAME);
  writeFileSync(`${manifest}.dossier-tmp-${process.pid}`, manifestContent(files));
  renameSync(`${manifest}.dossier-tmp-${process.pid}`, manifest);
}

/** Removes `dir` and its parents while they are empty, stopping at the output folder. */
export function removeEmptyFolders(dir: string, outDir: string): void {
  const root = path.resolve(outDir);
  for (let current = path.resolve(dir); current !== root && current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
