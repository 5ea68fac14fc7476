/**
 * The record event extraction produces: one dated sentence of one article, before the timeline
 * merges the sentences of several articles that report the same happening.
 */
import type { Precision } from '../../types.js';

/** One dated sentence found in one article. */
export interface EventCandidate {
  /** Id of the article the sentence comes from. */
  articleId: string;
  /** Anchor of the block that holds the sentence. */
  blockAnchor: string;
  /** Position of the block in the article body, for reading order. */
  blockIndex: number;
  /** Which text of the block holds the sentence: 0 for a paragraph, the item or paragraph index for lists and quotes. */
  part: number;
  /**
   * Offset of that text in the block's plain text, the text mention offsets count in: the block's
   * texts joined with `\n` (0 for a paragraph).
   */
  partOffset: number;
  /** Offset of the sentence in that text (`content.text` for a paragraph). */
  start: number;
  /** Offset just after the sentence. */
  end: number;
  /** Where the sentence is on the article page: `s-p-3-2` (second sentence of paragraph `p-3`), or the block's anchor for a list or quote. */
  anchor: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match `precision`. */
  date: string;
  /** How precisely the text gives the date. */
  precision: Precision;
  /** True when the text gives the date loosely (`about`, `earlier this month`, `within 50 days`). */
  approximate: boolean;
  /** True when the date lies after the article's publication date. */
  future: boolean;
  /** The date expression as written (`on Sunday`, `January 3, 2020`). */
  dateText: string;
  /** The sentence, trimmed. */
  text: string;
}

/** A sentence of an article that dates may be looked for in, with where it sits. */
export interface ArticleSentence {
  /** Anchor of the block that holds it. */
  blockAnchor: string;
  /** Position of the block in the body. */
  blockIndex: number;
  /** Which text of the block holds it (0 for a paragraph). */
  part: number;
  /** Offset of that text in the block's plain text (its texts joined with `\n`). */
  partOffset: number;
  /** 1-based number of the sentence inside its block, counted over all the block's texts. */
  number: number;
  /**
   * Where a link to the sentence points on the article page: the sentence's own anchor inside a
   * paragraph, the block's anchor inside a list or quote (whose items carry no sentence anchors).
   */
  anchor: string;
  /** Offset of the sentence in its text. */
  start: number;
  /** Offset just after it. */
  end: number;
  /** The sentence, trimmed. */
  text: string;
}
