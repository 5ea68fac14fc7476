/**
 * A cold build's body links, packed: four numbers a link in one growing list, anchors and entity ids
 * in tables. The render reads an article's links once, when it makes that article's page, so each
 * read makes that article's map afresh and nothing else is held as records: as one map of arrays of
 * mention records per article they were the largest thing the link stage added (10,000 synthetic
 * articles: 29 MiB of 63, ~1.6 million links at 100,000).
 */
import { IntList } from '../text/intList.js';
import { StringTable } from '../text/stringTable.js';

/** Where a mention in a paragraph becomes a link to its entity's page. */
export interface BodyLink {
  /** The entity linked to. */
  entityId: string;
  /** Offset of the mention in the block's plain text. */
  start: number;
  /** Offset just after it. */
  end: number;
}

/** One article's body links by block anchor, in block order, each block's in text order. */
export type ArticleBodyLinks = ReadonlyMap<string, readonly BodyLink[]>;

/** Numbers per link in `PackedBodyLinks.links`: anchor number, start, end, entity number. */
const FIELDS = 4;

/** Body links by article id, packed (see the file's comment); articles are added once each, in any order. */
export class PackedBodyLinks implements ReadonlyMap<string, ArticleBodyLinks> {
  /** Each article's number: its place in `articleIds` and `starts`. */
  private readonly numbers = new Map<string, number>();
  /** The articles' ids, in the order added. */
  private readonly articleIds: string[] = [];
  /** Where each article's links start in `links` (a value past the last article's marks the end). */
  private readonly starts = new IntList();
  /** `FIELDS` numbers a link. */
  private readonly links = new IntList(4096);
  private readonly anchors = new StringTable();
  private readonly entityIds = new StringTable();

  constructor() {
    this.starts.push(0);
  }

  /** Adds `articleId`'s links (none is an article with no link: still one of the map's keys). */
  add(articleId: string, links: ArticleBodyLinks): void {
    if (this.numbers.has(articleId)) throw new Error(`body links of article ${articleId} added twice`);
    this.numbers.set(articleId, this.articleIds.push(articleId) - 1);
    for (const [anchor, list] of links) {
      const anchorNumber = this.anchors.numberOf(anchor);
      for (const link of list) {
        this.links.push(anchorNumber);
        this.links.push(link.start);
        this.links.push(link.end);
        this.links.push(this.entityIds.numberOf(link.entityId));
      }
    }
    this.starts.push(this.links.length);
  }

  get size(): number {
    return this.articleIds.length;
  }

  /** The article's links, made afresh (the caller may keep or drop them). */
  get(articleId: string): Map<string, BodyLink[]> | undefined {
    const n = this.numbers.get(articleId);
    return n === undefined ? undefined : this.linksOf(n);
  }

  has(articleId: string): boolean {
    return this.numbers.has(articleId);
  }

  *entries(): MapIterator<[string, Map<string, BodyLink[]>]> {
    for (let n = 0; n < this.articleIds.length; n++) yield [this.articleIds[n]!, this.linksOf(n)];
  }

  *keys(): MapIterator<string> {
    yield* this.articleIds;
  }

  *values(): MapIterator<Map<string, BodyLink[]>> {
    for (let n = 0; n < this.articleIds.length; n++) yield this.linksOf(n);
  }

  [Symbol.iterator](): MapIterator<[string, Map<string, BodyLink[]>]> {
    return this.entries();
  }

  forEach(callback: (value: ArticleBodyLinks, key: string, map: ReadonlyMap<string, ArticleBodyLinks>) => void): void {
    for (const [articleId, links] of this.entries()) callback(links, articleId, this);
  }

  private linksOf(n: number): Map<string, BodyLink[]> {
    const data = this.links.data;
    const result = new Map<string, BodyLink[]>();
    for (let i = this.starts.data[n]!, end = this.starts.data[n + 1]!; i < end; i += FIELDS) {
      const anchor = this.anchors.strings[data[i]!]!;
      const link: BodyLink = { entityId: this.entityIds.strings[data[i + 3]!]!, start: data[i + 1]!, end: data[i + 2]! };
      const list = result.get(anchor);
      if (list) list.push(link);
      else result.set(anchor, [link]);
    }
    return result;
  }
}
