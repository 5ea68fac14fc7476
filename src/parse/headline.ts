/**
 * Headlines for articles that have no front matter title: the first line when it reads as one,
 * else a short headline cut from the first sentence of the body.
 */
import type { Block } from '../types.js';
import { splitSentences } from '../text/sentences.js';
import { parseDateline } from './dates.js';
import { isChromeLine } from './text/chrome.js';
import { endsLikeSentence, hasInnerSentenceEnd, isListItem, wordsOf } from './text/lineShape.js';

/** Longest line, in words, that still reads as a headline (real ones run to about 16). */
const MAX_HEADLINE_WORDS = 20;
/** Longest derived headline, in words. */
const MAX_DERIVED_WORDS = 12;
/** A clause cut must keep at least this many words. */
const MIN_CLAUSE_WORDS = 4;
/** Only the start of the first paragraph is read: enough for a first sentence, bounded for huge inputs. */
const FIRST_SENTENCE_WINDOW = 1000;

/** Words a cut headline should not end on. */
const DANGLING = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from',
  'as', 'that', 'which', 'who', 'whose', 'its', 'his', 'her', 'their', 'our', 'is', 'are', 'was', 'were',
  'be', 'been', 'has', 'have', 'had', 'into', 'than', 'after', 'before', 'over', 'about',
]);

/**
 * True when a line reads as a headline: 1 to 20 words, no sentence ending (`?`, `!` and a cut-off
 * `...` are fine) nor a sentence end inside it, not a list item, not a dateline, not site chrome, not a URL, and with a letter.
 */
export function readsAsHeadline(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 200 || !/\p{L}/u.test(t)) return false;
  const words = wordsOf(t).length;
  if (words > MAX_HEADLINE_WORDS) return false;
  if (endsLikeSentence(t) || isListItem(t) || /^(?:[a-z]+:\/\/|www\.)/i.test(t)) return false;
  if (/^(?:table of )?contents$/i.test(t)) return false;
  if (hasInnerSentenceEnd(t)) return false;
  return parseDateline(t) === null && !isChromeLine(t);
}

/**
 * A short headline derived from the first sentence of the first paragraph: the whole sentence
 * (without its final period) when it has at most 12 words; otherwise cut at the last clause
 * boundary (`,`, `;`, `:`, a dash) within 12 words, or at 12 words minus any dangling small words,
 * with an ellipsis. Never the whole first paragraph. Null when the body has no paragraph.
 */
export function headlineFromBody(blocks: Block[]): string | null {
  const first = blocks.find((b) => b.type === 'paragraph' && b.content.text.trim().length > 0);
  if (first === undefined || first.type !== 'paragraph') return null;
  const sentence = splitSentences(first.content.text.slice(0, FIRST_SENTENCE_WINDOW))[0]?.text ?? '';
  const words = wordsOf(sentence);
  if (words.length === 0) return null;
  if (words.length <= MAX_DERIVED_WORDS) return words.join(' ').replace(/[.;:,]$/u, '');
  return `${shorten(words)}…`;
}

/** The first words of a long sentence, cut at a clause or word boundary. */
function shorten(words: string[]): string {
  const window = words.slice(0, MAX_DERIVED_WORDS);
  for (let n = window.length; n >= MIN_CLAUSE_WORDS; n--) {
    const word = window[n - 1] ?? '';
    if (/[,;:]$/.test(word)) return [...window.slice(0, n - 1), word.slice(0, -1)].join(' ');
    if (n < window.length && /^[–—-]$/.test(window[n] ?? '')) return window.slice(0, n).join(' ');
  }
  let n = window.length;
  while (n > MIN_CLAUSE_WORDS && DANGLING.has((window[n - 1] ?? '').toLowerCase())) n--;
  return window.slice(0, n).join(' ').replace(/[.,;:]+$/u, '');
}
