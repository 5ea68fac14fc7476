/**
 * Small judgements about the shape of one line of scraped text: is it a list item, is it written
 * in Title Case, does it end like a sentence. The structure rules (headings, related headlines,
 * prompts, SEO lists) are built from these, so they agree with each other.
 */

import { splitSentences } from '../../text/sentences.js';

/** `- item`, `* item`, `• item`, `1. item`, `2) item`. */
const LIST_ITEM = /^(?:[-*•]|\d{1,3}[.)])[ \t]+(?=\S)/;
const ORDERED_ITEM = /^\d{1,3}[.)][ \t]/;

/** A day label such as `Saturday, 26 February` or `26 February`, which schedules print on their own line. */
const DAY_LABEL =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?(?: \d{4})?$/i;

/** Words that stay lower-case inside a Title-Case heading. */
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off',
  'on', 'per', 'to', 'up', 'via', 'with', 'from', 'into', 'over', 'vs', 'vs.', 'is', 'are', 'be', 'its', 'it',
]);

/** True for a list item line (`- item`, `1. item`). */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/** True for a numbered list item line. */
export function isOrderedItem(line: string): boolean {
  return ORDERED_ITEM.test(line);
}

/** The item's text without its bullet or number. */
export function stripListMarker(line: string): string {
  return line.replace(LIST_ITEM, '');
}

/** The line's words (runs of non-space characters). Bounded: only the first 400 characters are read. */
export function wordsOf(line: string): string[] {
  return line.slice(0, 400).trim().split(/\s+/).filter((w) => w.length > 0);
}

/** Number of words, counting at most the first 400 characters (enough for every "short line" rule). */
export function wordCount(line: string): number {
  return wordsOf(line).length;
}

/**
 * True when the line is written in Title Case: it starts with a capital or digit and at least four
 * in five of its significant words (small words like `of`, `the` aside) start with one.
 */
export function isTitleCase(line: string): boolean {
  const words = wordsOf(line).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''));
  const first = words[0];
  if (first === undefined || !/^[\p{Lu}\p{N}]/u.test(first)) return false;
  const significant = words.filter((w) => /^\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return false;
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= 0.8 * significant.length;
}

/**
 * True when the line ends like a sentence or a clause: `.`, `,`, `;` or `:` (a closing quote or
 * bracket may follow). A `?` or `!` does not count, as headings and headlines may end with them;
 * nor does an ellipsis (`...`, `…`), which marks a cut-off headline.
 */
export function endsLikeSentence(line: string): boolean {
  const t = line.trimEnd().replace(/["'”’)\]]+$/u, '');
  if (t.endsWith('...')) return false;
  return /[.,;:]$/.test(t);
}

/** True when the line opens with a quotation mark (a quote is never a heading or a prompt). */
export function startsWithQuote(line: string): boolean {
  return /^["“‘'«„]/u.test(line.trimStart());
}

/**
 * A line normalised for comparing titles: curly quotes straightened, dashes unified, white space
 * collapsed, `**` emphasis dropped, lower-cased, trailing punctuation removed.
 */
export function normaliseTitle(line: string): string {
  return line
    .slice(0, 1000)
    .replace(/[‘’‛′]/gu, "'")
    .replace(/[“”„″]/gu, '"')
    .replace(/[–—]/gu, '-')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;,]+$/u, '')
    .toLowerCase();
}

/**
 * True when the line has the shape of a section heading: 2 to 14 words (two of them real words),
 * at most one comma, not a day label, at most 120 characters, Title Case, no sentence ending (a final `?` or `!` is fine), no sentence boundary inside, not a
 * quotation and not a list item.
 */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120 || isListItem(t) || startsWithQuote(t)) return false;
  const n = wordCount(t);
  if (n < 2 || n > 14) return false;
  if (endsLikeSentence(t)) return false;
  // "1600 GMT" is a time label and "Porto, Real Madrid, Werder Bremen" a list, not headings.
  if (wordsOf(t).filter((w) => /\p{L}{2}/u.test(w)).length < 2 || (t.match(/,/g) ?? []).length > 1) return false;
  if (DAY_LABEL.test(t)) return false;
  if (hasInnerSentenceEnd(t)) return false;
  return isTitleCase(t);
}

/**
 * True when a short line holds more than one sentence: a sentence boundary the shared splitter
 * finds (it knows `Gov.`, `U.S.`, initials), or a sentence end glued to the next word (`failed.He`).
 */
export function hasInnerSentenceEnd(line: string): boolean {
  const t = line.slice(0, 400);
  return splitSentences(t).length > 1 || /\p{Ll}{2}[.!?]["”’)]*\p{L}/u.test(t);
}
