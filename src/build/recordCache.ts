/**
 * A persistent cache of per-article records (parsed articles, and whatever later per-article stages
 * want to keep), so a rebuild only redoes the work for files that changed.
 *
 * Safe by construction: a key is a hash of everything the record was computed from (the file's
 * content hash, its paths, its format), and every cache file carries the tool's fingerprint
 * (package version plus a hash of Dossier's own compiled code, see `toolFingerprint`), so a cache
 * written by any other build of Dossier is ignored, never trusted. A cache file that cannot be read
 * is treated as empty. Deleting the folder is always safe: the next build is simply cold.
 *
 * One file per namespace (see `cacheFile.ts`), read a record at a time: `get` deserialises a fresh
 * copy each time, so a stage mutating a record it got cannot change the cache. A record `set` is
 * serialised at once and goes to the namespace's next file as the build goes (so neither the records
 * nor their bytes wait in memory, and a stage changing a record after setting it cannot change the
 * cache); `save()` puts that file in place. Only entries used by the current build are saved back,
 * so records of deleted or edited articles do not accumulate. `save()` also closes the files read.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { CacheFileReader, CacheFileWriter } from './cacheFile.js';

/** One namespace of records (`parse`, `entities`…). */
export interface CacheNamespace<T> {
  /** The record stored under `key` by an earlier build, or undefined. Marks the key as used. */
  get(key: string): T | undefined;
  /** Stores `value` under `key` for later builds. */
  set(key: string, value: T): void;
  /** True when an earlier build stored a record under `key` (without loading it or marking it used). */
  has(key: string): boolean;
}

/** The cache of one build. */
export interface RecordCache {
  /** The namespace called `name`, loaded from disk on first use (again after a `save`). */
  namespace<T>(name: string): CacheNamespace<T>;
  /** Writes back every namespace whose used entries differ from what was loaded, then frees them. Never throws. */
  save(): void;
}

/** A hex key from the parts a record depends on. */
export function cacheKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** A cache that remembers nothing (no cache folder configured). */
export const NO_CACHE: RecordCache = {
  namespace: () => ({ get: () => undefined, set: () => {}, has: () => false }),
  save: () => {},
};

interface NamespaceState {
  /** The records an earlier build saved, read from its file when asked for. */
  loaded: CacheFileReader;
  /** Keys of loaded records this build got and did not set again: copied into the next file if one is written. */
  kept: Set<string>;
  /** Keys this build set: already on their way to the next file. */
  fresh: Set<string>;
  /** The namespace's next file (null until the first record is set, or until a save must write one). */
  next: CacheFileWriter | null;
}

/** Opens the cache in `dir` for a build of Dossier whose fingerprint is `tool`. */
export function openRecordCache(dir: string, tool: string): RecordCache {
  const namespaces = new Map<string, NamespaceState>();
  const fileOf = (name: string) => path.join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.bin`);
  const writerOf = (name: string, state: NamespaceState): CacheFileWriter => (state.next ??= new CacheFileWriter(fileOf(name), dir, tool));
  return {
    namespace<T>(name: string): CacheNamespace<T> {
      // Loaded on first use, so a namespace a build never reads or writes is neither loaded nor pruned.
      const state = (): NamespaceState => {
        let found = namespaces.get(name);
        if (!found) namespaces.set(name, (found = { loaded: new CacheFileReader(fileOf(name), tool), kept: new Set(), fresh: new Set(), next: null }));
        return found;
      };
      return {
        get(key) {
          const s = state();
          const bytes = s.loaded.read(key);
          if (bytes === undefined) return undefined;
          try {
            const value = deserialize(bytes) as T;
            if (!s.fresh.has(key)) s.kept.add(key);
            return value;
          } catch {
            return undefined;
          }
        },
        set(key, value) {
          const s = state();
          // Serialised now and on its way to the file: the cache never holds a build's records (at
          // 16,000 articles, keeping them until the save raised the peak from ~600 MiB to ~1.6 GiB).
          writerOf(name, s).append(key, serialize(value));
          s.fresh.add(key);
          s.kept.delete(key);
        },
        has(key) {
          return state().loaded.has(key);
        },
      };
    },
    save() {
      for (const [name, state] of namespaces) {
        // Nothing set and every record used: the file on disk is already what this build would write.
        const next = state.fresh.size > 0 || state.kept.size !== state.loaded.size ? writerOf(name, state) : null;
        if (next) {
          for (const key of state.kept) {
            const bytes = state.loaded.read(key);
            if (bytes) next.append(key, bytes);
          }
        }
        // Closed before the new file takes its name: some systems (Windows) refuse to replace an open file.
        state.loaded.close();
        next?.finish();
      }
      namespaces.clear();
    },
  };
}
