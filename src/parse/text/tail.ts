/**
 * Spam at the end of a scraped article: a list of unrelated SEO links (`- Corde Broadus`,
 * `- Chance Brown Net Worth`) and headlines of other stories (`Iran Wants To Negotiate… | The Daily
 * Caller`). Both are peeled off the end repeatedly, in whatever order they come.
 */
import type { RemovedText } from '../../types.js';
import { endsLikeSentence, isListItem, startsWithQuote, stripListMarker, wordCount } from './lineShape.js';
import { removal, textSegment, type RemovalReason, type Segment, type TextSegment } from './segments.js';
import { blockTexts, contentWords, sharesVocabulary } from './vocabulary.js';

/** An SEO item is a short link title. */
const MAX_SEO_ITEM_WORDS = 10;
/**
 * A related headline is a title line of 6 to 20 words. Shorter runs of short lines at the end of an
 * article are data the article lists (fixtures `Chelsea v Birmingham`, rankings `1 Roger Federer`).
 */
const MIN_RELATED_WORDS = 6;
const MAX_RELATED_WORDS = 20;
/** How many trailing runs may be peeled off. */
const MAX_SPAM_ROUNDS = 6;
/** How many of the end of a line to search for a glued list item. */
const GLUE_WINDOW = 160;
/** `…global affairs.- Marietemara Leaked Vids`: a sentence end with a list item glued to it. */
const GLUED_ITEM = /[.!?]["”’)]?(- [^.!?\n]{1,120})$/u;
/**
 * `Headline | Outlet`: a title carrying its publication's name. Only the pipe counts: a dash is as
 * often a list's separator (`Drama - Featherboy`) or a score (`2 - 1 Arsenal`).
 */
const OUTLET_SUFFIX = /\s\|\s\p{Lu}[^|]{1,60}$/u;

/**
 * Splits a list item glued to the end of a paragraph (a scraper lost the line break) back onto its
 * own line, when the next line continues the list.
 */
export function splitGluedListItems(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  segments.forEach((s, i) => {
    const next = segments[i + 1];
    const nextIsItem = next !== undefined && next.kind === 'text' && isListItem(next.text);
    const tailStart = s.kind === 'text' ? Math.max(0, s.text.length - GLUE_WINDOW) : 0;
    const glued = s.kind === 'text' && nextIsItem ? GLUED_ITEM.exec(s.text.slice(tailStart)) : null;
    if (s.kind !== 'text' || glued === null || glued[1] === undefined) {
      out.push(s);
      return;
    }
    const cut = s.text.length - glued[1].length;
    out.push(textSegment(s.text.slice(0, cut), s.line), textSegment(glued[1], s.line));
  });
  return out;
}

/**
 * Removes trailing related headlines and unrelated SEO link lists, in any order. Real pages end
 * with one or two such runs; the rounds are bounded so a hostile tail of thousands of alternating
 * runs stays linear.
 */
export function removeTrailingSpam(segments: readonly Segment[], removed: RemovedText[]): Segment[] {
  let body = [...segments];
  for (let round = 0; round < MAX_SPAM_ROUNDS; round++) {
    const headlines = trailingRun(body, isRelatedHeadlineShape);
    if (headlines.length >= 2 || (headlines.length === 1 && OUTLET_SUFFIX.test(headlines[0]?.text ?? ''))) {
      body = cut(body, headlines, 'related-headlines', removed);
      continue;
    }
    const links = trailingRun(body, (s) => isListItem(s.text) && wordCount(s.text) <= MAX_SEO_ITEM_WORDS + 1);
    if (links.length >= 2 && isUnrelatedList(links, body.slice(0, body.length - links.length))) {
      body = cut(body, links, 'seo-links', removed);
      continue;
    }
    return body;
  }
  return body;
}

/** A title-like line: no sentence ending, not a list item, not a quotation; 6 to 20 words, or fewer with an outlet suffix. */
function isRelatedHeadlineShape(s: TextSegment): boolean {
  const n = wordCount(s.text);
  const min = OUTLET_SUFFIX.test(s.text) ? 2 : MIN_RELATED_WORDS;
  return n >= min && n <= MAX_RELATED_WORDS && !endsLikeSentence(s.text) && !isListItem(s.text) && !startsWithQuote(s.text);
}

/**
 * The trailing run of text segments matching `test`, in order. The run never takes the whole body:
 * something must remain before it, or it is the article itself.
 */
function trailingRun(body: readonly Segment[], test: (s: TextSegment) => boolean): TextSegment[] {
  let start = body.length;
  while (start > 1) {
    const s = body[start - 1];
    if (s === undefined || s.kind !== 'text' || !test(s)) break;
    start--;
  }
  return body.slice(start) as TextSegment[];
}

/**
 * True when at most a quarter of the items share a content word with the rest of the article:
 * a list of links about other subjects, as SEO farms append.
 */
function isUnrelatedList(items: readonly TextSegment[], rest: readonly Segment[]): boolean {
  const article = new Set<string>();
  for (const s of rest) for (const w of contentWords(s.kind === 'text' ? s.text : blockTexts(s.block).join(' '))) article.add(w);
  const related = items.filter((item) => sharesVocabulary(stripListMarker(item.text), article)).length;
  return related <= Math.floor(items.length / 4);
}

function cut(body: Segment[], run: readonly TextSegment[], reason: RemovalReason, removed: RemovedText[]): Segment[] {
  const first = run[0];
  if (first !== undefined) removed.push(removal(reason, run.map((s) => s.text), first.line));
  return body.slice(0, body.length - run.length);
}
