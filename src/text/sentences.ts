/**
 * Sentence splitting shared by the extractors (entities quote the sentences that mention them,
 * events are sentences with dates). A rule-based splitter: a sentence ends at `.`, `!` or `?`
 * (with any closing quotes or brackets) followed by white space and an upper-case letter, digit
 * or opening quote — unless the period ends a known abbreviation or a single initial.
 */

/** A sentence as a range of its paragraph's text. */
export interface SentenceSpan {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character (closing punctuation included). */
  end: number;
  /** The sentence text, trimmed. */
  text: string;
}

/** Abbreviations whose period does not end a sentence (compared lower-case, without the final period). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'adm', 'supt', 'insp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'plc', 'dept',
  'u.s', 'u.k', 'u.n', 'u.s.a', 'e.u', 'a.m', 'p.m', 'fig', 'vol', 'ft', 'mt',
]);

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

/** Splits a paragraph into sentences, keeping offsets into the original text. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + match[0].length;
    if (match[0].startsWith('.') && !match[0].startsWith('..') && endsWithAbbreviation(text, match.index ?? 0)) continue;
    pushSpan(spans, text, start, end);
    start = end;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

/** True when the word before the period at `dot` is an abbreviation or a single initial (`J.`). */
function endsWithAbbreviation(text: string, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1] ?? '')) wordStart--;
  const word = text.slice(wordStart, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("John F. Kennedy"), but not a one-letter word ending a sentence ("plan B.").
  return word.length === 1 && /\p{Lu}/u.test(text[wordStart] ?? '') && wordStart > 0 && /\p{L}/u.test(text.slice(0, wordStart).trim().slice(-1));
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push({ start, end, text: text.slice(start, end) });
}
