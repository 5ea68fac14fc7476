/**
 * Event extraction for one article: every sentence of its prose that states a date becomes a
 * candidate event, one per distinct date the sentence states.
 */
import type { Article } from '../../types.js';
import type { EventCandidate } from './candidate.js';
import { formatDate, parseArticleDate } from './calendar.js';
import { chronoDates, type DateReference, type StatedDate } from './resolve.js';
import { articleSentences } from './sentences.js';
import { bareYears } from './years.js';
import { flatCopy } from '../../text/flatCopy.js';

/**
 * A cheap test for words a date could be made of; sentences without one skip the date parser,
 * which keeps extraction fast on long archives. One alternation of literals: linear.
 */
const DATE_HINT =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|ago|weeks?|months?|years?|weekend|decades?|fortnight)\b/i;

/** Sentences longer than this are not scanned for dates: no real sentence is, and it bounds the work. */
const MAX_SENTENCE = 2000;

/**
 * The attribution line of an embedded post that the parser did not recognise (`— Name (@handle)
 * May 20, 2024`): its date is the post's, not an event the article reports.
 */
const ATTRIBUTION = /^[—–-]\s?[^()\n]{1,80}\(@\w{1,30}\)/;

/** A word of two letters or more; global, so counting can stop at the third. */
const WORD = /\p{L}{2,}/gu;

/** A sentence that is nothing but its date (a stray dateline, a bare heading) reports no event. */
function statesSomething(sentence: string, stated: StatedDate): boolean {
  const rest = sentence.slice(0, stated.start) + sentence.slice(stated.end);
  WORD.lastIndex = 0;
  let words = 0;
  while (words < 3 && WORD.exec(rest) !== null) words++;
  return words >= 3;
}

/** The publication date relative expressions resolve against, or null when the article has none. */
export function dateReference(article: Article): DateReference | null {
  if (article.date === null || article.datePrecision === null) return null;
  const day = parseArticleDate(article.date);
  return day ? { day, precision: article.datePrecision } : null;
}

/**
 * The dated sentences of one article. Relative dates resolve against `article.date` (never the
 * build time); when the article has no date only absolute dates are kept.
 */
export function extractEvents(article: Article): EventCandidate[] {
  const reference = dateReference(article);
  const candidates: EventCandidate[] = [];
  for (const sentence of articleSentences(article)) {
    if (sentence.text.length > MAX_SENTENCE || !DATE_HINT.test(sentence.text) || ATTRIBUTION.test(sentence.text)) continue;
    const seen = new Set<string>();
    for (const stated of datesIn(sentence.text, reference)) {
      if (!statesSomething(sentence.text, stated)) continue;
      const date = formatDate(stated.day, stated.precision);
      if (seen.has(date)) continue;
      seen.add(date);
      candidates.push({
        articleId: article.id,
        blockAnchor: sentence.blockAnchor,
        blockIndex: sentence.blockIndex,
        part: sentence.part,
        partOffset: sentence.partOffset,
        start: sentence.start,
        end: sentence.end,
        anchor: sentence.anchor,
        date,
        precision: stated.precision,
        approximate: stated.approximate,
        future: stated.future,
        // Copies: candidates are held to the end of the stage, and a cold build reads bodies back from disk (`flatCopy`).
        dateText: flatCopy(stated.text),
        text: flatCopy(sentence.text),
      });
    }
  }
  return candidates;
}

/** Every date one sentence states, in the order they appear. */
export function datesIn(sentence: string, reference: DateReference | null): StatedDate[] {
  const { dates, spans } = chronoDates(sentence, reference);
  const years = bareYears(sentence, spans, reference ? reference.day.year : null);
  return [...dates, ...years].sort((a, b) => a.start - b.start);
}
