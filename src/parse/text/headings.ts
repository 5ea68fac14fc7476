/**
 * Section headings in scraped text. Three shapes occur:
 * - a line that repeats an entry of the table of contents;
 * - a heading glued to the end of the previous paragraph, because the scraper dropped the line
 *   break: `…on the global stage.Washington's Initial Stance: A Willingness to Assist?`. Recognised
 *   from the contents entries, and without them as a sentence end followed, with no space, by a
 *   Title-Case run to the end of the line;
 * - a short Title-Case line without a sentence ending, standing alone before a paragraph.
 * All become level-2 headings.
 */
import type { HeadingBlock } from '../../types.js';
import { parseInlineText } from './inline.js';
import { isListItem, looksLikeHeading, normaliseTitle } from './lineShape.js';
import { textSegment, type Segment } from './segments.js';

/** A glued heading (contents entry or not) sits in the last characters of its line. */
const GLUE_WINDOW = 160;
/** Closing quotes or brackets that may follow the sentence end before a glued heading. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/** Builds a level-2 heading block. */
export function headingBlock(text: string): HeadingBlock {
  return { type: 'heading', level: 2, anchor: '', content: parseInlineText(text.trim()) };
}

/** Recovers headings, using the table of contents' entries when there are any. */
export function recoverHeadings(segments: readonly Segment[], contents: readonly string[]): Segment[] {
  const entries = new Set(contents.map(normaliseTitle));
  const exactEntries = new Set(contents.map((c) => c.trim()));
  const split: Segment[] = [];
  for (const s of segments) {
    if (s.kind !== 'text' || isListItem(s.text)) {
      split.push(s);
      continue;
    }
    if (entries.has(normaliseTitle(s.text))) {
      split.push({ kind: 'block', block: headingBlock(s.text), line: s.line });
      continue;
    }
    const at = gluedHeadingStart(s.text, exactEntries);
    if (at < 0) {
      split.push(s);
      continue;
    }
    split.push(textSegment(s.text.slice(0, at), s.line));
    split.push({ kind: 'block', block: headingBlock(s.text.slice(at)), line: s.line });
  }
  return split.map((s, i) => (isStandaloneHeading(split, i) && s.kind === 'text' ? toHeading(s.text, s.line) : s));
}

function toHeading(text: string, line: number): Segment {
  return { kind: 'block', block: headingBlock(text), line };
}

/**
 * Where a heading glued to the end of a paragraph starts, or -1. A contents entry ending the line
 * right after sentence punctuation wins; otherwise the earliest sentence end (a lower-case letter
 * or digit, `.`/`!`/`?`, optional closing quote) followed directly by a capital whose rest of the
 * line looks like a heading.
 */
export function gluedHeadingStart(text: string, contents: ReadonlySet<string> = new Set()): number {
  const from = Math.max(2, text.length - GLUE_WINDOW);
  for (let at = from; at < text.length && contents.size > 0; at++) {
    if (endsSentenceBefore(text, at) && contents.has(text.slice(at).trim())) return at;
  }
  for (let at = from; at < text.length; at++) {
    if (!/\p{Lu}/u.test(text[at] ?? '') || !endsSentenceBefore(text, at)) continue;
    if (looksLikeHeading(text.slice(at))) return at;
  }
  return -1;
}

/** True when `text[at - 1]` closes a sentence: `[a-z0-9][.!?]` with an optional closing quote. */
function endsSentenceBefore(text: string, at: number): boolean {
  let i = at - 1;
  if (CLOSERS.has(text[i] ?? '')) i--;
  if (!/[.!?]/.test(text[i] ?? '')) return false;
  return /[\p{Ll}\p{N})]/u.test(text[i - 1] ?? '');
}

/**
 * A standalone heading: a text segment shaped like a heading (the headline line is already gone),
 * followed by a paragraph (a text segment that is neither a heading nor a list item, and starts like a sentence)
 * right after it.
 */
function isStandaloneHeading(segments: readonly Segment[], i: number): boolean {
  const s = segments[i];
  const next = segments[i + 1];
  if (s === undefined || s.kind !== 'text' || next === undefined || next.kind !== 'text') return false;
  if (!looksLikeHeading(s.text) || isListItem(next.text) || looksLikeHeading(next.text)) return false;
  // A paragraph opens with a capital, digit or quote; a lower-case start means a line broken mid-sentence.
  return /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text);
}
