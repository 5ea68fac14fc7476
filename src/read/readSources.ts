/**
 * The read stage: finds the article files under the input folder (recursively, since archives are
 * often filed by year and month), decodes them, and says what it skipped.
 */
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

/** Reads every article under `inputDir`. `cwd` only shapes the paths shown in messages. */
export function readSources(inputDir: string, cwd: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceFile[] = [];
  let registryPath: string | null = null;
  for (const relativePath of listFiles(inputDir)) {
    const found = readSourceFile(inputDir, relativePath, cwd);
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

/** Reads one file found by `listFiles(inputDir)`; the dev server calls it for the files that changed. */
export function readSourceFile(inputDir: string, relativePath: string, cwd: string): FileRead {
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
  const { text, usedFallback } = decodeText(bytes);
  if (usedFallback) {
    diagnostics.push(
      diagnostic('warning', displayPath, 'is not valid UTF-8; read it as Windows-1252.', {
        hint: 'Save the file as UTF-8 to be sure every character is right.',
      }),
    );
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { source: { absolutePath, relativePath, displayPath, format, text, contentHash }, isRegistry: false, diagnostics };
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
