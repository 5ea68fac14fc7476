/** Helpers for tests that build real archives in temporary folders. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig, type ConfigOverrides } from '../../src/config.js';

/** The repository root. */
export const REPO = path.resolve(import.meta.dirname, '../..');
/** The seed articles shipped with the project. */
export const SEEDS = path.join(REPO, 'seeds');
/** The BBC corpus, present on the team's machines and in CI, absent elsewhere. */
export const BBC = path.resolve(REPO, '../shared/corpus/bbc');

const made: string[] = [];
// Removing many built sites can take a while on a busy machine: a generous limit, so cleanup never fails a run.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}, 300_000);

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'dossier-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temporary copy of a folder. */
export function copyOf(folder: string): string {
  const dir = tempDir();
  cpSync(folder, dir, { recursive: true });
  return dir;
}

/** Builds `input` into `output` in-process, with the project's templates and static files. */
export async function buildFolder(input: string, output: string, overrides: ConfigOverrides = {}): Promise<BuildResult> {
  const config = resolveConfig(REPO, { input, output, ...overrides });
  return build(config, { cwd: REPO });
}

/** Runs the compiled CLI (npm test compiles first) and returns its exit code and output. */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin/dossier.js'), ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file under `dir` with its bytes, for comparing whole sites. */
export function snapshotFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.set(rel, readFileSync(path.join(dir, rel), 'latin1'));
    }
  };
  walk('');
  return out;
}

/** Reads a built file as text. */
export function readOut(output: string, file: string): string {
  return readFileSync(path.join(output, file), 'utf8');
}
