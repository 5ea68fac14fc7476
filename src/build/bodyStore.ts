/**
 * Article bodies kept on disk, not in memory, for the length of a cold build. The bodies (`blocks`)
 * are most of what a build holds: at 4,000 synthetic articles 50 of the 150 MiB held after the link
 * stage, about 12.5 KiB an article, which alone would be 1.2 GiB at 100,000 articles. Yet each
 * stage reads an article's body once, one article at a time (entities, events, sentences, body
 * links, the article page, the data export).
 *
 * So once parsed, each body goes to a temporary file as JSON (about 5.6 KiB an article) and its
 * article's `blocks` becomes an accessor that reads it back when asked. A few bodies last asked for
 * are kept (a page reads its article's body more than once). Reading one back costs about 0.03 ms;
 * a build reads each about six times. The operating system's file cache, not the process, holds
 * the file.
 *
 * Anything kept from a body beyond its use must be a copy (`flatCopy`), not a slice of it: a slice
 * keeps the whole paragraph it was cut from alive, one copy per read.
 *
 * The file is deleted as soon as it is open (where the system allows: the open descriptor still
 * reads it) and closed when the last article that refers to it is gone, so a crashed build leaves
 * nothing behind and a caller may keep a build's archive as long as it likes.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSchema, type Article, type Block } from '../types.js';

/** How many values read back are kept, last asked for first. */
const KEPT = 4;

/** Closes a store's file once nothing refers to the store (its articles are gone). */
const closing = new FinalizationRegistry<{ fd: number; folder: string | null }>(({ fd, folder }) => {
  try {
    closeSync(fd);
    if (folder) rmSync(folder, { recursive: true, force: true });
  } catch {
    // Nothing left to do: the process is ending or the file is already gone.
  }
});

/** Where one value is in the file. */
export interface Place {
  /** Byte offset. */
  at: number;
  /** Byte length. */
  length: number;
}

export class BodyStore {
  /** The open file. */
  private readonly fd: number;
  /** Bytes put so far (the file's size once the unwritten ones are written). */
  private size = 0;
  /** Bytes in the file (the rest wait in `unwritten`). */
  private written = 0;
  /**
   * Values put but not yet written, written together when the buffer is full: most values are a
   * few hundred bytes (an appearance's sentences), and a write call each cost more than the rest
   * of the store (4,000 articles: 47,000 writes, 0.6 s).
   */
  private readonly unwritten = { bytes: Buffer.allocUnsafeSlow(256 * 1024), used: 0 };
  /** What bodies are written from and read into (see `scratch`). */
  private buffer = Buffer.allocUnsafeSlow(64 * 1024);
  /** Bodies read back lately, oldest first. */
  private readonly recent: Array<{ place: Place; value: unknown }> = [];

  constructor() {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-bodies-'));
    const file = join(folder, 'bodies.json');
    this.fd = openSync(file, 'w+');
    let left: string | null = null;
    try {
      rmSync(folder, { recursive: true });
    } catch {
      // A system that cannot delete an open file (Windows): deleted when the store is closed.
      left = folder;
    }
    closing.register(this, { fd: this.fd, folder: left });
  }

  /**
   * `article` with its body moved to the file: the same fields, `blocks` read back when asked
   * (assigning it keeps the new value in memory). A new record, so later stages must use it instead.
   */
  keep(article: Article): Article {
    return this.attach(article, this.put(article.blocks));
  }

  /** `article` with the body `put` wrote at `place` instead of its own `blocks`. */
  attach(article: Article, place: Place): Article {
    return new StoredArticle(article, this, place) as unknown as Article;
  }

  /** Writes `value` (anything JSON keeps as it is) to the file; `get` reads it back. */
  put(value: unknown): Place {
    const text = JSON.stringify(value);
    const length = Buffer.byteLength(text);
    if (this.unwritten.used + length > this.unwritten.bytes.length) this.flush();
    const place: Place = { at: this.size, length };
    this.size += length;
    if (length > this.unwritten.bytes.length) {
      // Bigger than the whole buffer: straight to the file.
      const bytes = this.scratch(length);
      bytes.write(text, 0, length, 'utf8');
      this.writeOut(bytes, length, place.at);
      this.written = this.size;
      return place;
    }
    this.unwritten.bytes.write(text, this.unwritten.used, length, 'utf8');
    this.unwritten.used += length;
    return place;
  }

  /** Writes the values put since the last flush to the file. */
  private flush(): void {
    if (this.unwritten.used === 0) return;
    this.writeOut(this.unwritten.bytes, this.unwritten.used, this.written);
    this.written += this.unwritten.used;
    this.unwritten.used = 0;
  }

  private writeOut(bytes: Buffer, length: number, at: number): void {
    for (let done = 0; done < length; ) done += writeSync(this.fd, bytes, done, length - done, at + done);
  }

  /**
   * The one buffer bodies go through, at least `length` bytes: not one allocation outside the heap
   * per read (six reads an article, each about 6 KiB), which the process's allocator may not give back.
   */
  private scratch(length: number): Buffer {
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafeSlow(Math.max(length, this.buffer.length * 2));
    return this.buffer;
  }

  /** The value `put` wrote at `place` (a new copy, or one of the few asked for last). */
  get<T>(place: Place): T {
    const index = this.recent.findIndex((entry) => entry.place === place);
    if (index >= 0) {
      const [entry] = this.recent.splice(index, 1);
      this.recent.push(entry!);
      return entry!.value as T;
    }
    // Put lately and not yet in the file: read from the buffer (the file would not have it).
    if (place.at >= this.written) return this.remember(place, JSON.parse(this.unwritten.bytes.toString('utf8', place.at - this.written, place.at - this.written + place.length)) as T);
    const bytes = this.scratch(place.length);
    for (let done = 0; done < place.length; ) {
      const got = readSync(this.fd, bytes, done, place.length - done, place.at + done);
      if (got === 0) throw new Error('Dossier: the temporary file of article bodies was cut short.');
      done += got;
    }
    return this.remember(place, JSON.parse(bytes.toString('utf8', 0, place.length)) as T);
  }

  /** Keeps `value` among the few asked for last, and returns it. */
  private remember<T>(place: Place, value: T): T {
    this.recent.push({ place, value });
    if (this.recent.length > KEPT) this.recent.shift();
    return value;
  }
}

/**
 * An article whose body is in a `BodyStore`. A class, so every such record has one shape: redefining
 * `blocks` as an accessor on each plain record would turn it into a slow dictionary of properties
 * (about 1.8 KiB a record instead of 0.4). `blocks` is on the prototype, so it is not an own
 * property: spreading the record would drop it, and `toJSON` puts it back for JSON (in its place).
 */
class StoredArticle {
  readonly #store: BodyStore;
  readonly #place: Place;
  #blocks: Block[] | null = null;

  constructor(article: Article, store: BodyStore, place: Place) {
    const { blocks: _moved, ...rest } = article;
    Object.assign(this, rest);
    this.#store = store;
    this.#place = place;
  }

  get blocks(): Block[] {
    return this.#blocks ?? this.#store.get<Block[]>(this.#place);
  }

  set blocks(blocks: Block[]) {
    this.#blocks = blocks;
  }

  toJSON(): Article {
    const record = this as unknown as Record<string, unknown>;
    return Object.fromEntries(Object.keys(ArticleSchema.shape).map((key) => [key, record[key]])) as Article;
  }
}
