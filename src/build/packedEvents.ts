/**
 * What crosses between the main thread and the event thread (`eventThread.ts`): an article reduced
 * to what date finding reads, and its dated sentences packed in a typed array and a string (a
 * structured clone of two values, not of an object per candidate with its keys). The main thread
 * makes the candidates again from its own article, so they are exactly `extractEvents(article)`.
 */
import type { EventCandidate } from '../extract/events/candidate.js';
import { extractEvents } from '../extract/events/extract.js';
import { proseTexts } from '../extract/events/sentences.js';
import type { Article, Block, InlineText, Precision } from '../types.js';

/** Numbers per candidate in `PackedEvents.numbers` (see `packEvents`). */
const FIELDS = 10;

/** Precisions by code in a packed list. */
const PRECISIONS: readonly Precision[] = ['day', 'month', 'year'];

/**
 * One article's dated sentences, packed: one typed array and one string, not an object or value
 * per field (at 16,000 articles the replies hold about 370,000 candidates until the timeline takes
 * them, and as arrays of values they added about 50 MiB to the build's peak).
 */
export interface PackedEvents {
  /** Per candidate: block index, part, part offset, start, end, precision code, flags (1 approximate, 2 future), and the lengths of its anchor, date and date text in `texts`. */
  numbers: Int32Array;
  /** Every candidate's anchor, date and date text, one after the other. */
  texts: string;
}

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
 * The dated sentences of a reduced article, packed (see `PackedEvents`), less each candidate's
 * article id, block anchor and text, which the main thread has.
 */
export function packEvents(article: ProseArticle): PackedEvents {
  const candidates = extractEvents({ ...article, id: '' } as unknown as Article);
  const numbers = new Int32Array(candidates.length * FIELDS);
  const texts: string[] = [];
  candidates.forEach((c, i) => {
    numbers.set([c.blockIndex, c.part, c.partOffset, c.start, c.end, PRECISIONS.indexOf(c.precision), (c.approximate ? 1 : 0) | (c.future ? 2 : 0), c.anchor.length, c.date.length, c.dateText.length], i * FIELDS);
    texts.push(c.anchor, c.date, c.dateText);
  });
  return { numbers, texts: texts.join('') };
}

/** The candidates `packEvents` packed, made again for `article` (the one the main thread holds): exactly `extractEvents(article)`. */
export function unpackEvents(article: Article, packed: PackedEvents): EventCandidate[] {
  const { numbers, texts } = packed;
  const out: EventCandidate[] = [];
  let at = 0;
  const take = (length: number): string => texts.slice(at, (at += length));
  // Asked for once: a cold build's article reads its body back from disk (`BodyStore`) each time.
  const articleBlocks = article.blocks;
  for (let k = 0; k < numbers.length; k += FIELDS) {
    const blockIndex = numbers[k]!;
    const part = numbers[k + 1]!;
    const start = numbers[k + 3]!;
    const end = numbers[k + 4]!;
    const block = articleBlocks[blockIndex]!;
    const flags = numbers[k + 6]!;
    const anchor = take(numbers[k + 7]!);
    const date = take(numbers[k + 8]!);
    out.push({
      articleId: article.id,
      blockAnchor: block.anchor,
      blockIndex,
      part,
      partOffset: numbers[k + 2]!,
      start,
      end,
      anchor,
      date,
      precision: PRECISIONS[numbers[k + 5]!]!,
      approximate: (flags & 1) !== 0,
      future: (flags & 2) !== 0,
      dateText: take(numbers[k + 9]!),
      // Cut from the article's own text, as `articleSentences` cuts it.
      text: proseTexts(block)[part]!.text.slice(start, end),
    });
  }
  return out;
}
