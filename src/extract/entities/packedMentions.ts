/**
 * Every mention of a cold build, packed: five numbers a mention in typed chunks, its strings (entity
 * id, block anchor, name as written) as numbers into tables of distinct strings, and its article as a
 * range of the list. A mention as an object costs ~80 bytes the collector walks on every full
 * collection, and a cold build holds every one from the entity stage to the link stage (6.5 million at
 * 100,000 synthetic articles, ~500 MiB); packed, 20 bytes in blocks it never walks.
 *
 * Stages read the mentions an article at a time (`ofArticle`, `byArticle`): each read makes that
 * article's records afresh, for as long as the reader holds them.
 */
import type { Mention } from '../../types.js';
import { IntList } from '../../text/intList.js';
import { StringTable } from '../../text/stringTable.js';

/** Numbers kept per mention: entity, anchor, surface, start, end. */
const FIELDS = 5;
/** Mentions per chunk: a chunk is filled and never grown, so no copy of the whole list is ever made. */
const CHUNK = 1 << 16;

/** The packed form, as plain values the record cache can copy (`v8.serialize` copies typed arrays as bytes). */
export interface PackedMentionTables {
  /** Entity ids by number. */
  entityIds: string[];
  /** Block anchors by number. */
  anchors: string[];
  /** Names as written by number. */
  surfaces: string[];
  /** Ids of the articles with mentions, in the order their mentions were added. */
  articleIds: string[];
  /** Where each article's mentions start in the list, one more than `articleIds` (the last is the length). */
  articleStarts: Int32Array;
}

export class PackedMentions implements Iterable<Mention> {
  private readonly entityIds: StringTable;
  private readonly anchors: StringTable;
  private readonly surfaces: StringTable;
  private readonly articleIds: string[];
  /** Where each article's mentions start; a last entry (the length) is added by `seal`. */
  private readonly articleStarts: IntList;
  /** Full chunks of FIELDS numbers a mention, and the chunk being filled. */
  private readonly chunks: Int32Array[];
  /** Article number by id, made when first asked for. */
  private articleNumbers: Map<string, number> | null = null;
  /** Mentions in the list. */
  length = 0;

  constructor() {
    this.entityIds = new StringTable();
    this.anchors = new StringTable();
    this.surfaces = new StringTable();
    this.articleIds = [];
    this.articleStarts = new IntList();
    this.chunks = [];
  }

  /** Adds one article's mentions (each article once, all of its mentions at once). */
  push(articleId: string, mentions: readonly Mention[]): void {
    if (mentions.length === 0) return;
    if (this.articleNumbers) throw new Error('PackedMentions: no mentions can be added once they have been read by article');
    this.articleIds.push(articleId);
    this.articleStarts.push(this.length);
    for (const mention of mentions) {
      const at = this.length % CHUNK;
      if (at === 0) this.chunks.push(new Int32Array(CHUNK * FIELDS));
      const chunk = this.chunks[this.chunks.length - 1]!;
      const base = at * FIELDS;
      chunk[base] = this.entityIds.numberOf(mention.entityId);
      chunk[base + 1] = this.anchors.numberOf(mention.blockAnchor);
      chunk[base + 2] = this.surfaces.numberOf(mention.surface);
      chunk[base + 3] = mention.start;
      chunk[base + 4] = mention.end;
      this.length++;
    }
  }

  /** The mentions of one article, in text order (a new list each time; empty when it has none). */
  ofArticle(articleId: string): Mention[] {
    this.articleNumbers ??= new Map(this.articleIds.map((id, n) => [id, n]));
    const n = this.articleNumbers.get(articleId);
    return n === undefined ? [] : this.mentionsOf(n);
  }

  /** Each article with mentions and its mentions, in the order they were added (a new list each time). */
  *byArticle(): Generator<[string, Mention[]]> {
    for (let n = 0; n < this.articleIds.length; n++) yield [this.articleIds[n]!, this.mentionsOf(n)];
  }

  *[Symbol.iterator](): Iterator<Mention> {
    for (const [, mentions] of this.byArticle()) yield* mentions;
  }

  /** As JSON, the plain list (what a cold build's mentions were before they were packed). */
  toJSON(): Mention[] {
    return [...this];
  }

  /** The list as plain values (see `fromTables` for the way back); `chunks` are the numbers, a chunk at a time. */
  tables(): { tables: PackedMentionTables; chunks: Int32Array[] } {
    const starts = this.articleStarts.data.slice(0, this.articleStarts.length + 1);
    starts[this.articleStarts.length] = this.length;
    const last = this.length % CHUNK;
    const chunks = last === 0 ? this.chunks : [...this.chunks.slice(0, -1), this.chunks[this.chunks.length - 1]!.slice(0, last * FIELDS)];
    return { tables: { entityIds: this.entityIds.strings, anchors: this.anchors.strings, surfaces: this.surfaces.strings, articleIds: this.articleIds, articleStarts: starts }, chunks };
  }

  /** The list `tables` gave, again. */
  static fromTables(tables: PackedMentionTables, chunks: readonly Int32Array[]): PackedMentions {
    const list = new PackedMentions();
    for (const value of tables.entityIds) list.entityIds.numberOf(value);
    for (const value of tables.anchors) list.anchors.numberOf(value);
    for (const value of tables.surfaces) list.surfaces.numberOf(value);
    for (const id of tables.articleIds) list.articleIds.push(id);
    for (let n = 0; n < tables.articleIds.length; n++) list.articleStarts.push(tables.articleStarts[n]!);
    for (const chunk of chunks) {
      // A chunk is full but for the last: read back, each is made full size so later pushes never need to tell.
      const full = chunk.length === CHUNK * FIELDS ? chunk : new Int32Array(CHUNK * FIELDS);
      if (full !== chunk) full.set(chunk);
      list.chunks.push(full);
    }
    list.length = tables.articleStarts[tables.articleIds.length] ?? 0;
    return list;
  }

  /** The mentions of the article numbered `n`. */
  private mentionsOf(n: number): Mention[] {
    const articleId = this.articleIds[n]!;
    const end = n + 1 < this.articleIds.length ? this.articleStarts.data[n + 1]! : this.length;
    const mentions: Mention[] = [];
    for (let i = this.articleStarts.data[n]!; i < end; i++) {
      const chunk = this.chunks[Math.floor(i / CHUNK)]!;
      const base = (i % CHUNK) * FIELDS;
      mentions.push({
        entityId: this.entityIds.strings[chunk[base]!]!,
        articleId,
        blockAnchor: this.anchors.strings[chunk[base + 1]!]!,
        surface: this.surfaces.strings[chunk[base + 2]!]!,
        start: chunk[base + 3]!,
        end: chunk[base + 4]!,
      });
    }
    return mentions;
  }
}

/** Every mention of a build: packed (a cold build's), or a plain list in article order (a watch session's). */
export type MentionList = readonly Mention[] | PackedMentions;

/** Each article's mentions, a list at a time, in the order of `mentions` (a plain list holds each article's mentions together). */
export function* mentionsByArticle(mentions: MentionList): Generator<[string, readonly Mention[]]> {
  if (mentions instanceof PackedMentions) {
    yield* mentions.byArticle();
    return;
  }
  let start = 0;
  for (let i = 1; i <= mentions.length; i++) {
    if (i === mentions.length || mentions[i]!.articleId !== mentions[start]!.articleId) {
      yield [mentions[start]!.articleId, mentions.slice(start, i)];
      start = i;
    }
  }
}

/** Every mention by article id (an article's runs in a plain list joined in order). */
export function groupMentions(mentions: MentionList): Map<string, Mention[]> {
  const byArticle = new Map<string, Mention[]>();
  for (const [articleId, list] of mentionsByArticle(mentions)) {
    const earlier = byArticle.get(articleId);
    if (earlier) for (const mention of list) earlier.push(mention);
    else byArticle.set(articleId, [...list]);
  }
  return byArticle;
}
