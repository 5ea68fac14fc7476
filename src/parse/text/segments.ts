/**
 * The working representation of a plain-text body while its structure is recovered: a list of
 * segments in reading order, each either a unit of text still to be judged (one paragraph, list
 * item or stray line) or a block already recognised (an embed, a heading). Each rule takes the
 * list and returns a new one, recording what it took out.
 */
import type { Block, RemovedText } from '../../types.js';

/** A unit of text not yet turned into a block. */
export interface TextSegment {
  /** Always `text`. */
  kind: 'text';
  /** The unit's text, trimmed; the lines of a wrapped paragraph joined with a space. */
  text: string;
  /** 1-based line in the source file where the unit starts. */
  line: number;
}

/** A block already recognised by an earlier rule. */
export interface BlockSegment {
  /** Always `block`. */
  kind: 'block';
  /** The block, with an empty anchor. */
  block: Block;
  /** 1-based line in the source file where the block starts. */
  line: number;
}

/** One piece of the body in reading order. */
export type Segment = TextSegment | BlockSegment;

/** Builds a text segment. */
export function textSegment(text: string, line: number): TextSegment {
  return { kind: 'text', text, line };
}

/** Why the text parser took something out (the `reason` of a `RemovedText`). */
export type RemovalReason =
  | 'chrome'
  | 'seo-links'
  | 'related-headlines'
  | 'engagement-prompt'
  | 'table-of-contents'
  | 'dateline'
  | 'headline';

/** Builds a removal record; `texts` are the removed lines, joined with `\n`. */
export function removal(reason: RemovalReason, texts: readonly string[], line: number): RemovedText {
  return { reason, text: texts.join('\n'), line };
}
