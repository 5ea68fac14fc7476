/**
 * The record cache's files (see `recordCache.ts`): one per namespace, `<dir>/<namespace>.bin`, a
 * JSON header line naming the tool's fingerprint, then entries of
 * [u16 key length][key][u32 record length][v8-serialised record].
 *
 * Neither side holds a file in memory. The reader lists where each record is and reads one when it
 * is asked for (a 16,000-article cache is ~650 MB: read whole, it was most of a rebuild's peak). The
 * writer writes records as they come, to a file beside the namespace's that `finish` puts in its place,
 * so a half-written cache file never has the real name.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writevSync } from 'node:fs';

const HEADER_END = 0x0a;
/** Bytes read at a time while listing a file's records. */
const LISTING_CHUNK = 1024 * 1024;

/** Where a record's bytes are in its file. */
interface Place {
  /** Byte offset. */
  at: number;
  /** Byte length. */
  length: number;
}

/** A namespace's file as an earlier build wrote it: its keys, and each record read when asked for. */
export class CacheFileReader {
  /** Where each key's record is (the last one written under a key wins). */
  private readonly places = new Map<string, Place>();
  private fd: number | null = null;

  /** Lists `file`'s records when it is a cache file of `tool`; an unreadable, damaged or foreign file lists none. */
  constructor(file: string, tool: string) {
    try {
      this.fd = openSync(file, 'r');
      if (!this.list(tool)) this.places.clear();
    } catch {
      this.places.clear();
    }
    if (this.places.size === 0) this.close();
  }

  /** How many keys the file holds. */
  get size(): number {
    return this.places.size;
  }

  has(key: string): boolean {
    return this.places.has(key);
  }

  /** The bytes of `key`'s record (a new buffer), or undefined when absent or no longer readable. */
  read(key: string): Uint8Array | undefined {
    const place = this.places.get(key);
    if (!place || this.fd === null) return undefined;
    const bytes = Buffer.allocUnsafe(place.length);
    try {
      return readFully(this.fd, bytes, place.at) ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  /** Lets go of the file. */
  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Nothing left to read from it either way.
    }
    this.fd = null;
  }

  /** Reads the header and every entry's key and place, skipping the records; false when the file is not one to trust. */
  private list(tool: string): boolean {
    const fd = this.fd!;
    let chunk = Buffer.allocUnsafe(LISTING_CHUNK);
    // `chunk` holds the file's bytes from `start`, `filled` of them.
    let start = 0;
    let filled = readSync(fd, chunk, 0, chunk.length, 0);
    /** Makes sure bytes `at`..`at + length` are in `chunk`; false at the end of the file. */
    const have = (at: number, length: number): boolean => {
      if (at >= start && at + length <= start + filled) return true;
      if (length > chunk.length) chunk = Buffer.allocUnsafe(length);
      start = at;
      filled = readSync(fd, chunk, 0, chunk.length, at);
      return filled >= length;
    };
    const headerEnd = chunk.subarray(0, filled).indexOf(HEADER_END);
    if (headerEnd < 0) return false;
    const header = JSON.parse(chunk.subarray(0, headerEnd).toString('utf8')) as { tool?: unknown };
    if (header.tool !== tool) return false;
    let at = headerEnd + 1;
    for (;;) {
      if (!have(at, 2)) return filled === 0; // the end, exactly between two entries (else cut short: trust nothing)
      const keyLength = chunk.readUInt16LE(at - start);
      if (!have(at, 6 + keyLength)) return false;
      const key = chunk.toString('utf8', at - start + 2, at - start + 2 + keyLength);
      const length = chunk.readUInt32LE(at - start + 2 + keyLength);
      const recordAt = at + 6 + keyLength;
      // The record's last byte must be there: a file cut short is not trusted at all.
      if (length > 0 && !have(recordAt + length - 1, 1)) return false;
      this.places.set(key, { at: recordAt, length });
      at = recordAt + length;
    }
  }
}

/** Reads `bytes.length` bytes at `at`; false when the file ends first. */
function readFully(fd: number, bytes: Uint8Array, at: number): boolean {
  for (let done = 0; done < bytes.length; ) {
    const got = readSync(fd, bytes, done, bytes.length - done, at + done);
    if (got === 0) return false;
    done += got;
  }
  return true;
}

/**
 * A namespace's next file, written beside the current one as records come and put in its place by
 * `finish`. A record set twice is written twice: the reader keeps the last. Any failure to write only
 * means no cache for the next build.
 */
export class CacheFileWriter {
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
