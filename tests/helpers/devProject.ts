/** Helpers for the live-preview tests: temporary projects, clean builds to compare with, folder snapshots. */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { resolveConfig, type Config } from '../../src/config.js';
import { REPO, tempDir } from './project.js';

/**
 * A project in a temporary folder: a copy of the seeds as input, and copies of the templates and
 * static files so tests may edit them. Returns its settings.
 */
export function tempProject(): Config {
  const root = tempDir();
  for (const folder of ['seeds', 'templates', 'public']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  return resolveConfig(root, {});
}

/** A clean build of `config`'s inputs into a fresh folder; returns that folder's snapshot (null when the build failed). */
export async function cleanBuildSnapshot(config: Config, options: { search?: boolean } = {}): Promise<Map<string, string> | null> {
  const output = path.join(tempDir('dossier-clean-'), 'site');
  const result = await build({ ...config, output }, { cwd: config.root, ...options });
  return result.ok ? snapshotTree(output) : null;
}

/** Every file (with its bytes) and every folder (as `path/`, so a left-over empty folder shows) under `dir`. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) {
        out.set(`${rel}/`, '');
        walk(rel);
      } else out.set(rel, readFileSync(path.join(dir, rel), 'latin1'));
    }
  };
  walk('');
  return out;
}

/** The paths whose content differs between two snapshots (for readable failures). */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** A small seeded random number generator (mulberry32), so a failing sequence can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
