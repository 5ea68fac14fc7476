/**
 * A cold build's lists by article, packed: each article's value as a run of numbers in one growing
 * list, made again as records when it is read. The render reads an article's entity lists, related
 * articles and body links once, when it makes that article's page; held as records from the link
 * stage to the last page, they were most of what the link stage added to a big build's memory
 * (10,000 synthetic articles: body links 29 MiB, entities by type 10, related articles 8, entities
 * named 2; a million records and arrays at 100,000 articles, walked by every full collection).
 *
 * A watch session keeps plain maps instead: it compares an article's lists by identity from build
 * to build, and changes its maps in place (`watchedMap`).
 */
import { IntList } from '../text/intList.js';
import { ReadonlyMapView } from '../text/readonlyMapView.js';

/** How one kind of value becomes numbers and back. */
export interface PerArticleCodec<V> {
  /** Appends `value` to `out` as numbers. */
  pack(value: V, out: IntList): void;
  /** The value packed in `data[from..to)`, made afresh. */
  unpack(data: Int32Array, from: number, to: number): V;
}

/** What the link stage fills an article at a time: a plain map, or a packed one. */
export type PerArticle<V> = ReadonlyMap<string, V> & { set(articleId: string, value: V): unknown };

/** Values by article id, packed (see the file's comment); each article is added once, in any order. */
export class PackedPerArticle<V> extends ReadonlyMapView<string, V> {
  /** Each article's number: its place in `articleIds` and `starts`. */
  private readonly numbers = new Map<string, number>();
  /** The articles' ids, in the order added. */
  private readonly articleIds: string[] = [];
  /** Where each article's numbers start in `data` (one more value marks the end of the last). */
  private readonly starts = new IntList();
  /** Every article's numbers, one run after the other. */
  private readonly data = new IntList(4096);

  constructor(private readonly codec: PerArticleCodec<V>) {
    super();
    this.starts.push(0);
  }

  /** Adds the article's value: like a map's `set`, for code that fills either, but once per article. */
  set(articleId: string, value: V): this {
    if (this.numbers.has(articleId)) throw new Error(`article ${articleId} added twice`);
    this.numbers.set(articleId, this.articleIds.push(articleId) - 1);
    this.codec.pack(value, this.data);
    this.starts.push(this.data.length);
    return this;
  }

  override get size(): number {
    return this.articleIds.length;
  }

  /** The article's value, made afresh (the caller may keep or change it). */
  override get(articleId: string): V | undefined {
    const n = this.numbers.get(articleId);
    return n === undefined ? undefined : this.valueAt(n);
  }

  override has(articleId: string): boolean {
    return this.numbers.has(articleId);
  }

  override *entries(): MapIterator<[string, V]> {
    for (let n = 0; n < this.articleIds.length; n++) yield [this.articleIds[n]!, this.valueAt(n)];
  }

  override *keys(): MapIterator<string> {
    yield* this.articleIds;
  }

  private valueAt(n: number): V {
    return this.codec.unpack(this.data.data, this.starts.data[n]!, this.starts.data[n + 1]!);
  }
}

/** Numbers for records of one kind (entities, articles), to pack references to them. */
export class RecordNumbers<T extends { id: string }> {
  private readonly numbers: Map<string, number>;

  constructor(private readonly records: readonly T[]) {
    this.numbers = new Map(records.map((record, n) => [record.id, n]));
  }

  numberOf(record: T): number {
    const n = this.numbers.get(record.id);
    if (n === undefined) throw new Error(`no number for ${record.id}`);
    return n;
  }

  record(n: number): T {
    return this.records[n]!;
  }
}

/** A watch session's map by article, to change in place: its index is always made with its memo, whose maps are plain `Map`s. */
export function watchedMap<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  if (map instanceof Map) return map;
  throw new Error("a watch session's entity index holds packed lists (made without the session's memo)");
}
