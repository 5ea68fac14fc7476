/**
 * Reader-engagement prompts that scraped pages interleave with the article: a poll question
 * standing alone as a line (`Is Iran a major threat to U.S. security?`) or a call for comments.
 * A poll question is short, a yes/no question (it opens with an auxiliary verb), not a quotation
 * and not a heading; a rhetorical question inside a paragraph is never touched, since only whole
 * lines are judged.
 */
import type { RemovedText } from '../../types.js';
import { isTitleCase, startsWithQuote, wordCount } from './lineShape.js';
import { removal, type Segment } from './segments.js';

/**
 * Auxiliary verbs that open poll questions: present tense and modals (`Is Iran a major threat…?`,
 * `Should…?`, `Do you support…?`). Past and perfect forms (`Has there been a better match…?`) are
 * left out: in real articles those are rhetorical ledes or quoted readers, not polls.
 */
const YES_NO_OPENER = /^(?:is|are|do|does|should|would|will|can|could)\s/i;
/** Explicit calls for reader reaction. */
const CALL_FOR_COMMENTS =
  /^(?:what do you think|what are your thoughts|tell us what you think|let us know (?:what you think|in the comments)|vote now|take our poll|join the (?:conversation|discussion))\b[^.!?\n]{0,60}[.!?:]?$/i;
/** Poll questions are short; longer questions are body text. */
const MAX_PROMPT_WORDS = 15;
/** Very short questions (`Is that fair?`) are rhetorical more often than polls. */
const MIN_PROMPT_WORDS = 4;

/** True when a standalone line is a reader-engagement prompt. */
export function isEngagementPrompt(line: string): boolean {
  const t = line.trim();
  if (t.length > 200) return false;
  if (CALL_FOR_COMMENTS.test(t)) return true;
  const n = wordCount(t);
  if (n < MIN_PROMPT_WORDS || n > MAX_PROMPT_WORDS || !t.endsWith('?')) return false;
  if (!YES_NO_OPENER.test(t) || startsWithQuote(t) || /["“”]/u.test(t)) return false;
  // A question in Title Case is a section heading ("Is This the End of Diplomacy?").
  return !isTitleCase(t);
}

/**
 * Removes standalone engagement prompts. A question that a previous line introduces (ending with
 * `:`) belongs to the text and is kept.
 */
export function removeEngagementPrompts(segments: readonly Segment[], removed: RemovedText[]): Segment[] {
  return segments.filter((s, i) => {
    if (s.kind !== 'text' || !isEngagementPrompt(s.text)) return true;
    const prev = segments[i - 1];
    if (prev !== undefined && prev.kind === 'text' && prev.text.trimEnd().endsWith(':')) return true;
    removed.push(removal('engagement-prompt', [s.text], s.line));
    return false;
  });
}
