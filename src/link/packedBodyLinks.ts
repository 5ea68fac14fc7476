/**
 * Body links as a cold build packs them (see `PackedPerArticle`): four numbers a link, anchors and
 * entity ids in tables (~1.6 million links at 100,000 synthetic articles).
 */
import type { IntList } from '../text/intList.js';
import { StringTable } from '../text/stringTable.js';
import type { PerArticleCodec } from './packedPerArticle.js';

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

/** Numbers per link: anchor number, start, end, entity number. */
const FIELDS = 4;

/** Packs an article's body links; each codec has tables of its own. */
export function bodyLinksCodec(): PerArticleCodec<ArticleBodyLinks> {
  const anchors = new StringTable();
  const entityIds = new StringTable();
  return {
    pack(links: ArticleBodyLinks, out: IntList): void {
      for (const [anchor, list] of links) {
        const anchorNumber = anchors.numberOf(anchor);
        for (const link of list) {
          out.push(anchorNumber);
          out.push(link.start);
          out.push(link.end);
          out.push(entityIds.numberOf(link.entityId));
        }
      }
    },
    unpack(data: Int32Array, from: number, to: number): Map<string, BodyLink[]> {
      const result = new Map<string, BodyLink[]>();
      for (let i = from; i < to; i += FIELDS) {
        const anchor = anchors.strings[data[i]!]!;
        const link: BodyLink = { entityId: entityIds.strings[data[i + 3]!]!, start: data[i + 1]!, end: data[i + 2]! };
        const list = result.get(anchor);
        if (list) list.push(link);
        else result.set(anchor, [link]);
      }
      return result;
    },
  };
}
