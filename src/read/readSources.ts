/**
 * The read stage: finds the article files under the input folder (recursively, since archives are
 * often filed by year and month), hashes them, says which are not UTF-8 and what it skipped. A cold
 * build keeps no file's text from here to the parse stage, which reads each file again (`sourceText`).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../errors.js';
import type { SourceFile } from '../types.js';
import { decodeText } from './decode.js';

/** File name of the curator's entity registry inside the input folder; not an article. */
export const REGISTRY_FILE_NAME = 'entities.yml';

const FORMATS: Record<string, SourceFile['format']> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text' };

/** What the read stage found. */
export interface ReadResult {
  /** Article files, sorted by relative path. */
  sources: SourceFile[];
  /** Absolute path of the entity registry, if the input folder has one. */
  registryPath: string | null;
  /** Notes on skipped files and warnings on decoding. */
  diagnostics: Diagnostic[];
}

/**
 * Reads every article under `inputDir`, keeping no texts: each is read again when parsed
 * (`sourceText`), so the archive's texts are never all in memory at once (at 100,000 articles they
 * were 933 MiB of heap). `cwd` only shapes the paths shown in messages.
 */
export function readSources(inputDir: string, cwd: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceFile[] = [];
  let registryPath: string | null = null;
  for (const relativePath of listFiles(inputDir)) {
    const found = readSourceFile(inputDir, relativePath, cwd, false);
    diagnostics.push(...found.diagnostics);
    if (found.source) sources.push(found.source);
    if (found.isRegistry) registryPath = path.join(inputDir, relativePath);
  }
  return { sources, registryPath, diagnostics };
}

/** What reading one file of the input folder gave. */
export interface FileRead {
  /** The article, or null when the file is not one. */
  source: SourceFile | null;
  /** True when the file is the entity registry. */
  isRegistry: boolean;
  /** Why it was skipped, or how it was decoded. */
  diagnostics: Diagnostic[];
}

/**
 * Reads one file found by `listFiles(inputDir)`; the dev server calls it for the files that changed,
 * and keeps their texts (`keepText`) from build to build. Without `keepText`, the source's text is
 * null and the parse reads the file again (`sourceText`).
 */
export function readSourceFile(inputDir: string, relativePath: string, cwd: string, keepText = true): FileRead {
  const diagnostics: Diagnostic[] = [];
  const absolutePath = path.join(inputDir, relativePath);
  const displayPath = path.relative(cwd, absolutePath) || absolutePath;
  const name = path.posix.basename(relativePath);
  if (relativePath === REGISTRY_FILE_NAME) return { source: null, isRegistry: true, diagnostics };
  const format = FORMATS[path.extname(name).toLowerCase()];
  if (!format) {
    diagnostics.push(diagnostic('note', displayPath, 'ignored: not an article.', { hint: 'Articles are .md, .markdown or .txt files.' }));
    return { source: null, isRegistry: false, diagnostics };
  }
  const bytes = readFileSync(absolutePath);
  // Checked without decoding, as `decodeText` checks it, so the warning is the one its text deserves.
  if (!isUtf8(bytes)) {
    diagnostics.push(
      diagnostic('warning', displayPath, 'is not valid UTF-8; read it as Windows-1252.', {
        hint: 'Save the file as UTF-8 to be sure every character is right.',
      }),
    );
  }
  const text = keepText ? decodeText(bytes).text : null;
  return { source: { absolutePath, relativePath, displayPath, format, text, contentHash: hashOf(bytes) }, isRegistry: false, diagnostics };
}

/** A file's `contentHash`: hex SHA-256 of its bytes. */
const hashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The text of `source`: the one the read stage kept (a watch session's), or else its file read again
 * now, which the operating system's file cache makes cheap. The bytes read again are hashed again,
 * and `source.contentHash` becomes theirs: a file changed since the read stage is parsed as it is now,
 * under the hash of what was parsed, so its record is never kept under the hash of other bytes (the
 * record cache files a parse under the hash its source has once parsed: see `cachedParse`). Its
 * decoding warning stays the read stage's, given for the bytes that stage read.
 */
export function sourceText(source: SourceFile): string {
  if (source.text !== null) return source.text;
  const bytes = readFileSync(source.absolutePath);
  source.contentHash = hashOf(bytes);
  return decodeText(bytes).text;
}

/** Relative `/`-separated paths of the regular files under `root`, sorted; hidden and editor temp files skipped unless `everything`. */
export function listFiles(root: string, everything = false): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Folders are only skipped when hidden: a year folder ("2024") is not vim's numbered temp file.
      if (!everything && (entry.isDirectory() ? entry.name.startsWith('.') : isIgnoredName(entry.name))) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Follow links to files but not to folders, so a link cannot make the walk loop forever.
      // (The absolute path is joined only when needed: a watch rebuild lists every file of the input per save.)
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (everything || safeIsFile(path.join(dir, entry.name))));
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (isFile) found.push(relative);
    }
  };
  walk(root, '');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Hidden files and the temporary files editors leave beside the one being edited. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    (name.startsWith('#') && name.endsWith('#')) ||
    /\.(swp|swo|swx|tmp|bak|orig|crdownload|part)$/i.test(name) ||
    name === '4913' // the file vim writes to test a folder's permissions
  );
}

function safeIsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
