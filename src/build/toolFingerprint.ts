/**
 * The tool's fingerprint: what a cached record must have been made by to be trusted. The package
 * version alone is not enough (during development the code changes while the version does not), so
 * it also hashes every compiled module of Dossier itself, plus the Node version (the cache is
 * v8-serialised). Computed once per process: hashing ~100 small files takes a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled code's root (`lib/`), this file being `lib/build/toolFingerprint.js`. */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let memo: string | null = null;

export function toolFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  hash.update(`node ${process.versions.node}\0`);
  try {
    hash.update(readFileSync(path.join(CODE_ROOT, '..', 'package.json')));
  } catch {
    hash.update('no package.json');
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name)) files.push(full);
    }
  };
  walk(CODE_ROOT);
  files.sort();
  for (const file of files) hash.update(`${path.relative(CODE_ROOT, file)}\0`).update(readFileSync(file));
  memo = hash.digest('hex');
  return memo;
}
