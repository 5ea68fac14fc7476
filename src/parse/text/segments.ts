/**
 * The working representation of a plain-text body while its structure is recovered: a list of
 * segments in reading order, each either a unit of text still to be judged (one paragraph, list
 * item or stray line) or a block already recognised (an embed, a heading). Each rule takes the
 * list and returns a new one, recording what it took out.
 */
import type { Block, RemovedText } from '../../types.js';
import { isListItem } from './lineShape.js';

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

/** Builds a removal record. */
export function removal(reason: string, texts: readonly string[], line: number): RemovedText {
  return { reason, text: texts.join('\n'), line };
}

/**
 * Splits a body into text segments. A file is read as hard-wrapped (a paragraph's lines joined with
 * a space, paragraphs separated by blank lines) only when it has blank lines and the lines inside
 * its multi-line blocks look wrapped: mostly 30 to 120 characters. Otherwise each non-empty line is
 * its own unit, which is how scrapers usually write paragraphs. List items always start a new unit.
 */
export function splitIntoSegments(body: string, firstLine: number): TextSegment[] {
  const lines = body.split('\n').map((l) => l.replace(/\r$/, '').trim());
  const wrapped = looksHardWrapped(lines);
  const segments: TextSegment[] = [];
  let open: TextSegment | null = null;
  lines.forEach((text, i) => {
    if (text.length === 0) {
      open = null;
      return;
    }
    if (wrapped && open !== null && !isListItem(text)) {
      open.text += ` ${text}`;
      return;
    }
    const segment = textSegment(text, firstLine + i);
    segments.push(segment);
    open = wrapped ? segment : null;
  });
  return segments;
}

/** True when the blank-line-separated blocks of the file are paragraphs hard-wrapped over several lines. */
function looksHardWrapped(lines: readonly string[]): boolean {
  if (!lines.some((l) => l.length === 0)) return false;
  let candidates = 0;
  let wrappedLike = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    // Only a line followed by another line of the same block tells whether blocks are wrapped.
    if (line.length === 0 || next.length === 0 || isListItem(line) || isListItem(next)) return;
    candidates++;
    if (line.length >= 30 && line.length <= 120) wrappedLike++;
  });
  return candidates > 0 && wrappedLike >= 0.7 * candidates;
}
