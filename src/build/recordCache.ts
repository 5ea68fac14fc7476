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
 * Layout: one file per namespace, `<dir>/<namespace>.bin`: a JSON header line naming the tool's
 * fingerprint, then entries of [u16 key length][key][u32 record length][v8-serialised record].
 * Loaded entries are views into the one file buffer (no copy) and `get` deserialises a fresh copy
 * each time, so a stage mutating a record it got cannot change the cache. A record `set` is
 * serialised at once and goes to the namespace's next file as the build goes (so neither the records
 * nor their bytes wait in memory, and a stage changing a record after setting it cannot change the
 * cache); `save()` puts that file in place. Only entries used by the current build are saved back,
 * so records of deleted or edited articles do not accumulate. `save()` also lets go of everything
 * loaded, so the records' bytes do not stay in memory for the rest of a build.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

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
  /** The records an earlier build saved, as views into the file's bytes. */
  loaded: Map<string, Uint8Array>;
  /** Keys this build used (got or set): what a save keeps. */
  used: Set<string>;
  /** True once this build set a record (the file must be written even if every key was loaded). */
  changed: boolean;
  /** The namespace's next file, written as records are used (null until the first one). */
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
        if (!found) namespaces.set(name, (found = { loaded: load(fileOf(name), tool), used: new Set(), changed: false, next: null }));
        return found;
      };
      return {
        get(key) {
          const s = state();
          const bytes = s.loaded.get(key);
          if (bytes === undefined) return undefined;
          try {
            const value = deserialize(bytes) as T;
            if (!s.used.has(key)) writerOf(name, s).append(key, bytes);
            s.used.add(key);
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
          s.used.add(key);
          s.changed = true;
        },
        has(key) {
          return state().loaded.has(key);
        },
      };
    },
    save() {
      for (const [name, state] of namespaces) {
        if (state.changed || state.used.size !== state.loaded.size) writerOf(name, state).finish();
        else state.next?.abandon();
      }
      namespaces.clear();
    },
  };
}

const HEADER_END = 0x0a;

/**
 * A namespace's next file, written beside the current one as records come and put in its place by
 * `finish` (never a half-written cache file under the real name). A record set twice is written twice:
 * the loader keeps the last. Any failure to write only means no cache for the next build.
 */
class CacheFileWriter {
  private readonly temporary: string;
  private fd: number | null = null;
  private chunks: Uint8Array[] = [];
  private pending = 0;
  private failed = false;

  constructor(
    private readonly file: string,
    dir: string,
    tool: string,
  ) {
    this.temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      this.fd = openSync(this.temporary, 'w');
      this.chunks.push(Buffer.from(`${JSON.stringify({ tool })}\n`));
    } catch {
      this.failed = true;
    }
  }

  /** Adds one record (written with others once they add up to a few hundred KiB). */
  append(key: string, bytes: Uint8Array): void {
    if (this.failed) return;
    const keyBytes = Buffer.from(key);
    const head = Buffer.alloc(6 + keyBytes.length);
    head.writeUInt16LE(keyBytes.length, 0);
    keyBytes.copy(head, 2);
    head.writeUInt32LE(bytes.length, 2 + keyBytes.length);
    this.chunks.push(head, bytes);
    this.pending += head.length + bytes.length;
    if (this.chunks.length >= 512 || this.pending >= 256 * 1024) this.flush();
  }

  /** Writes what is left and puts the file in place of the namespace's old one. */
  finish(): void {
    this.flush();
    this.close();
    try {
      if (!this.failed) renameSync(this.temporary, this.file);
    } catch {
      this.failed = true;
    }
    if (this.failed) this.abandon();
  }

  /** Drops the file (the old one stays: it already holds exactly what this build used). */
  abandon(): void {
    this.close();
    try {
      rmSync(this.temporary, { force: true });
    } catch {
      // Left for the next build's writer of the same process id to replace; harmless meanwhile.
    }
  }

  private flush(): void {
    if (this.failed || this.fd === null || this.chunks.length === 0) return;
    try {
      writeAll(this.fd, this.chunks);
    } catch {
      // A cache that cannot be written only makes the next build slower.
      this.abandon();
      this.failed = true;
    }
    this.chunks = [];
    this.pending = 0;
  }

  private close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      this.failed = true;
    }
    this.fd = null;
  }
}

function writeAll(fd: number, chunks: Uint8Array[]): void {
  let pending = chunks;
  while (pending.length > 0) {
    let written = writevSync(fd, pending);
    const rest: Uint8Array[] = [];
    for (const chunk of pending) {
      if (written >= chunk.length) written -= chunk.length;
      else {
        rest.push(chunk.subarray(written));
        written = 0;
      }
    }
    pending = rest;
  }
}

function load(file: string, tool: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return entries;
  }
  try {
    const headerEnd = data.indexOf(HEADER_END);
    const header = JSON.parse(data.subarray(0, headerEnd).toString('utf8')) as { tool?: unknown };
    if (header.tool !== tool) return entries;
    let at = headerEnd + 1;
    while (at < data.length) {
      const keyLength = data.readUInt16LE(at);
      const key = data.subarray(at + 2, at + 2 + keyLength).toString('utf8');
      const length = data.readUInt32LE(at + 2 + keyLength);
      const start = at + 6 + keyLength;
      if (start + length > data.length) return new Map(); // truncated: trust nothing
      entries.set(key, data.subarray(start, start + length));
      at = start + length;
    }
  } catch {
    return new Map();
  }
  return entries;
}
