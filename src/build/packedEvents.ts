/**
 * What crosses between the main thread and the event thread (`eventThread.ts`): an article reduced
 * to what date finding reads, and its dated sentences packed in a flat array (a structured clone of
 * plain values, not of an object per candidate with its keys). The main thread makes the candidates
 * again from its own article, so they are exactly `extractEvents(article)`.
 */
import type { EventCandidate } from '../extract/events/candidate.js';
import { extractEvents } from '../extract/events/extract.js';
import { proseTexts } from '../extract/events/sentences.js';
import type { Article, Block, InlineText, Precision } from '../types.js';

/** Values per candidate in a packed list (see `packEvents`). */
const FIELDS = 10;

/** The part of an article date finding reads: its date and its blocks' prose texts (`proseTexts`). */
export type ProseArticle = Pick<Article, 'date' | 'datePrecision'> & { blocks: Block[] };

/** `article` reduced to what `extractEvents` reads, so little crosses to the thread. */
export function proseOf(article: Article): ProseArticle {
  const prose = (texts: readonly InlineText[]): InlineText[] => texts.map((inline) => ({ text: inline.text }) as InlineText);
  const blocks = article.blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
        return { ...block, content: prose([block.content])[0]! };
      case 'list':
        return { ...block, items: prose(block.items) };
      case 'quote':
        return { ...block, paragraphs: prose(block.paragraphs) };
      default:
        // Not prose: only its place in the list counts (`blockIndex`).
        return { type: 'rule', anchor: block.anchor };
    }
  });
  return { date: article.date, datePrecision: article.datePrecision, blocks };
}

/**
 * The dated sentences of a reduced article, packed: per candidate its block index, part, part
 * offset, start, end, anchor, date, precision, approximate, future and date text, less its article
 * id, block anchor and text, which the main thread has.
 */
export function packEvents(article: ProseArticle): unknown[] {
  const packed: unknown[] = [];
  for (const c of extractEvents({ ...article, id: '' } as unknown as Article)) {
    packed.push(c.blockIndex, c.part, c.partOffset, c.start, c.end, c.anchor, c.date, c.precision, (c.approximate ? 1 : 0) | (c.future ? 2 : 0), c.dateText);
  }
  return packed;
}

/** The candidates `packEvents` packed, made again for `article` (the one the main thread holds): exactly `extractEvents(article)`. */
export function unpackEvents(article: Article, packed: readonly unknown[]): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (let k = 0; k < packed.length; k += FIELDS) {
    const blockIndex = packed[k] as number;
    const part = packed[k + 1] as number;
    const start = packed[k + 3] as number;
    const end = packed[k + 4] as number;
    const block = article.blocks[blockIndex]!;
    const flags = packed[k + 8] as number;
    out.push({
      articleId: article.id,
      blockAnchor: block.anchor,
      blockIndex,
      part,
      partOffset: packed[k + 2] as number,
      start,
      end,
      anchor: packed[k + 5] as string,
      date: packed[k + 6] as string,
      precision: packed[k + 7] as Precision,
      approximate: (flags & 1) !== 0,
      future: (flags & 2) !== 0,
      dateText: packed[k + 9] as string,
      // Cut from the article's own text, as `articleSentences` cuts it.
      text: proseTexts(block)[part]!.text.slice(start, end),
    });
  }
  return out;
}
