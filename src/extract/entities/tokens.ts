/**
 * Word tokens with offsets, the unit everything else in entity finding works on: candidate names are
 * runs of capitalised tokens, and mention finding walks a trie of token keys. One linear scan: the
 * token pattern has no nested ambiguous quantifiers, and URL/handle masking looks at each
 * whitespace-separated chunk once with anchored patterns.
 */

import { CLOSES_NAME, INITIAL, JOINED, MASKED, SHAPES, SLOTS, TokenBuffer, UPPER, unpackTokens, WordTable } from './packedTokens.js';

/** How a token is written, which says whether it can be part of a name. */
export type TokenShape =
  /** Starts with a capital and has lower-case letters (`Raisi`, `McDonald`, `Amir-Abdollahian`). */
  | 'title'
  /** Capitals only, at least two letters, or an initialism (`IRGC`, `U.S.`, `RFE/RL`). */
  | 'upper'
  /** Starts with a lower-case letter. */
  | 'lower'
  /** Digits, a lone capital, or anything else. */
  | 'other';

/** One word of a text. */
export interface Token {
  /** Offset of the first character in the text. */
  start: number;
  /** Offset after the name part: a possessive `’s` is left out. */
  end: number;
  /** The word as written, possessive left out. */
  text: string;
  /** Comparison key: lower case, accents and punctuation removed (`U.S.` → `us`, `Amir-Abdollahian` → `amirabdollahian`). */
  key: string;
  /** How the word is written. */
  shape: TokenShape;
  /** True when the word starts a sentence, a line or a quotation, so a capital says nothing about it. */
  initial: boolean;
  /** True when a name must end with this word: it carried a possessive (`Iran’s`) or a lower-case hyphen tail (`Yemen-based`). */
  closesName: boolean;
  /** True when only a single space separates it from the previous token, so the two can belong to one name. */
  joined: boolean;
  /** True inside a URL, an e-mail address, a handle, a hashtag or an all-caps speaker label (`REPORTER:`). */
  masked: boolean;
}

// Initialisms (U.S.), slash acronyms (RFE/RL), then words with inner apostrophes or hyphens.
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}{2,}(?:\/\p{Lu}{2,})+|[\p{L}\p{N}]+(?:['’‑-][\p{L}\p{N}]+)*/gu;

/** Lower-case comparison key of a word: accents, case and punctuation removed. */
export function tokenKey(word: string): string {
  // Plain ASCII letters and digits have nothing to strip (the common case).
  if (/^[A-Za-z0-9]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A new table of word keys and shapes (see `WordTable`). */
export function newWordTable(): WordTable {
  return new WordTable(tokenKey, (word) => SHAPES.indexOf(shapeOf(word)));
}

/**
 * Splits a text into tokens. `isPlaceKey` tells which words are country names, so that a compound
 * of names (`US-Iran`, `Israel-Hamas`) splits into its parts while `Amir-Abdollahian` stays whole.
 */
export function tokenize(text: string, isPlaceKey: (key: string) => boolean = () => false): Token[] {
  const buffer = new TokenBuffer();
  const words = newWordTable();
  tokenizeInto(buffer, text, isPlaceKey, words);
  return unpackTokens(text, buffer.data, 0, buffer.length, words.keys);
}

/** `tokenize`, appending the tokens to `out` packed (see `packedTokens.ts`), their keys numbered by `words`. */
export function tokenizeInto(out: TokenBuffer, text: string, isPlaceKey: (key: string) => boolean, words: WordTable): void {
  const masks = maskedRanges(text);
  const first = out.length;
  let previousEnd = 0;
  /** The previous token's text, null before the first. */
  let previous: string | null = null;
  let previousCloses = false;
  let maskIndex = 0;
  const emit = (start: number, part: string, closesCompound: boolean): void => {
    const possessive = isPossessive(part);
    const raw = possessive ? part.slice(0, -2) : part;
    const found = words.lookup(raw);
    const gap = start - previousEnd;
    while (maskIndex < masks.length && (masks[maskIndex]?.[1] ?? 0) <= start) maskIndex++;
    const mask = masks[maskIndex];
    let flags = found & 3;
    if (previous === null || hasOpener(text, previousEnd, start) || (previous.endsWith('.') && !isInitial(previous))) flags |= INITIAL;
    if (possessive || closesCompound) flags |= CLOSES_NAME;
    if (previous !== null && !previousCloses && isJoining(text, previousEnd, gap, previous)) flags |= JOINED;
    if (mask !== undefined && mask[0] <= start && start < mask[1]) flags |= MASKED;
    out.push(start, start + raw.length, found >> 2, flags);
    previous = raw;
    previousCloses = (flags & CLOSES_NAME) !== 0;
    previousEnd = start + part.length;
  };
  for (let from = 0; ; ) {
    // The hand scanner for plain ASCII text; the shared pattern where a character is not ASCII.
    let start = -1;
    let end = scanToken(text, from);
    if (end >= 0) {
      start = scanStart;
    } else if (end === FALLBACK) {
      // `exec` on the one shared pattern (no copy per text, as `matchAll` makes): nothing called in
      // the loop tokenizes, so its position is never moved from elsewhere.
      TOKEN.lastIndex = scanStart;
      const match = TOKEN.exec(text);
      if (match === null) break;
      start = match.index;
      end = start + match[0].length;
    } else break;
    from = end;
    const word = text.slice(start, end);
    if (word.includes('-') || word.includes('‑')) {
      for (const [offset, part, closesCompound] of compoundParts(word, isPlaceKey)) emit(start + offset, part, closesCompound);
    } else emit(start, word, false);
  }
  maskSpeakerLabels(text, out, first);
}

/** `scanToken` found no token. */
const NONE = -1;
/** `scanToken` met a character that is not ASCII where it matters: run `TOKEN` from `scanStart`. */
const FALLBACK = -2;
/** Where the token `scanToken` found starts, or where `TOKEN` must take over. */
let scanStart = 0;

/** ASCII letter or digit. */
function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * The next match of `TOKEN` at or after `from`, found over char codes for ASCII text (the regex's
 * match objects were a visible share of the entity stage): returns its end and sets `scanStart` to
 * its start, or `NONE`, or `FALLBACK` when a character that is not ASCII could change the answer
 * (a letter, `’`, `‑`): the pattern then runs from `scanStart`, where no token can start before.
 */
function scanToken(text: string, from: number): number {
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      scanStart = i;
      return FALLBACK;
    }
    if (isAlnum(c)) break;
  }
  if (i >= n) return NONE;
  const s = i;
  scanStart = s;
  const c0 = text.charCodeAt(s);
  if (isCapital(c0)) {
    // `(?:\p{Lu}\.){2,}`: capital-dot pairs, as many as there are.
    let pairs = 0;
    let k = s;
    for (;;) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) return FALLBACK;
      if (!isCapital(c) || text.charCodeAt(k + 1) !== 0x2e) break;
      pairs++;
      k += 2;
    }
    if (pairs >= 2) return k;
    // `\p{Lu}{2,}(?:\/\p{Lu}{2,})+`: a run of capitals, then slash-runs of at least two.
    let run = capitalRun(text, s);
    if (run === FALLBACK) return FALLBACK;
    if (run - s >= 2) {
      let end = -1;
      while (text.charCodeAt(run) === 0x2f) {
        const next = capitalRun(text, run + 1);
        if (next === FALLBACK) return FALLBACK;
        if (next - (run + 1) < 2) break;
        end = run = next;
      }
      if (end >= 0) return end;
    }
  }
  // `[\p{L}\p{N}]+(?:['’‑-][\p{L}\p{N}]+)*`.
  let k = s + 1;
  for (;;) {
    const c = text.charCodeAt(k);
    if (isAlnum(c)) {
      k++;
      continue;
    }
    if (c >= 0x80) return FALLBACK;
    if (c === 0x27 || c === 0x2d) {
      const d = text.charCodeAt(k + 1);
      if (isAlnum(d)) {
        k += 2;
        continue;
      }
      if (d >= 0x80) return FALLBACK;
    }
    return k;
  }
}

/** The end of the run of ASCII capitals from `from`, or `FALLBACK` when a character that is not ASCII ends it. */
function capitalRun(text: string, from: number): number {
  let k = from;
  for (;;) {
    const c = text.charCodeAt(k);
    if (isCapital(c)) k++;
    else return c >= 0x80 ? FALLBACK : k;
  }
}

/** `Iran’s`: the word ends in a possessive (`/['’]s$/` on a word longer than two characters). */
function isPossessive(part: string): boolean {
  const n = part.length;
  if (n <= 2 || part.charCodeAt(n - 1) !== 115) return false;
  const quote = part.charCodeAt(n - 2);
  return quote === 39 || quote === 0x2019;
}

/** True when `text[from..to)` holds a character that means the next word starts something new: `.!?:;"“”‘()[]{}—–•|` or a line break. */
function hasOpener(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 0x2e: case 0x21: case 0x3f: case 0x3a: case 0x3b: case 0x22: case 0x201c: case 0x201d: case 0x2018:
      case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x2014: case 0x2013: case 0x2022: case 0x7c: case 0x0a:
        return true;
    }
  }
  return false;
}

/** Only a single space (or no-break space) between two words, or `. ` after an initial (`J. Smith`). */
function isJoining(text: string, from: number, gap: number, previous: string): boolean {
  if (gap === 1) {
    const c = text.charCodeAt(from);
    return c === 0x20 || c === 0xa0;
  }
  return gap === 2 && text.charCodeAt(from) === 0x2e && text.charCodeAt(from + 1) === 0x20 && isInitial(previous);
}

/**
 * The parts of a hyphenated word that count as words of their own: `Yemen-based` keeps `Yemen` and
 * closes the name there; `US-Iran` splits in two when a part is a country or an acronym. Returns
 * `[offset, text, closesName]` triples.
 */
function compoundParts(word: string, isPlaceKey: (key: string) => boolean): Array<[number, string, boolean]> {
  if (!/[-‑]/u.test(word) || !/^\p{Lu}/u.test(word)) return [[0, word, false]];
  const parts = word.split(/[-‑]/u);
  const lowerTail = parts.findIndex((part) => /^\p{Ll}/u.test(part));
  if (lowerTail > 0) {
    const head = parts.slice(0, lowerTail).join('-');
    return compoundParts(head, isPlaceKey).map(([o, t]) => [o, t, true]);
  }
  const splits = parts.every((part) => /^\p{Lu}/u.test(part)) && parts.some((part) => shapeOf(part) === 'upper' || isPlaceKey(tokenKey(part)));
  if (!splits) return [[0, word, false]];
  const result: Array<[number, string, boolean]> = [];
  let offset = 0;
  for (const part of parts) {
    result.push([offset, part, false]);
    offset += part.length + 1;
  }
  return result;
}

function isInitial(word: string): boolean {
  return /^\p{Lu}$/u.test(word);
}

function shapeOf(word: string): TokenShape {
  // `IRGC`, `U.S.`, `RFE/RL`, and plural acronyms (`MPs`, `DVDs`).
  if (/^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}{2,}(?:\/\p{Lu}{2,})*s?$/u.test(word)) return 'upper';
  if (/^\p{Lu}/u.test(word)) return /\p{Ll}/u.test(word) && !/\p{N}/u.test(word) ? 'title' : 'other';
  if (/^\p{Ll}/u.test(word)) return 'lower';
  return 'other';
}

/** Ranges of URLs, e-mail addresses, handles and hashtags: their words are never names. */
function maskedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Whitespace-separated chunks, found by hand: the patterns below need a `.`, `@`, `#` or `:`, so
  // only chunks holding one of those are sliced out and tested.
  for (let i = 0; i < text.length; ) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let marked = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (c === 0x2e || c === 0x40 || c === 0x23 || c === 0x3a) marked = true;
    }
    if (!marked) continue;
    const chunk = text.slice(start, i);
    if (
      chunk.includes('://') ||
      /^[("“]?www\./iu.test(chunk) ||
      /^[("“]?[@#]\w/u.test(chunk) ||
      /\w@\w/u.test(chunk) ||
      /^[("“]?[\w-]+(?:\.[\w-]+)+\/\S*$/u.test(chunk)
    ) {
      ranges.push([start, i]);
    }
  }
  return ranges;
}

/** What `\s` matches: the ECMAScript white space and line terminators. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `REPORTER:` and `MATTHEW MILLER:` at the start of a line name who speaks in a transcript: not entities. Looks at the tokens from `first` on. */
function maskSpeakerLabels(text: string, tokens: TokenBuffer, first: number): void {
  const data = tokens.data;
  const isUpper = (i: number): boolean => ((data[i * SLOTS + 3] as number) & 3) === UPPER;
  for (let i = first; i < tokens.length; i++) {
    if (!isUpper(i) || !atLineStart(text, data[i * SLOTS] as number)) continue;
    let j = i;
    while (j + 1 < tokens.length && isUpper(j + 1) && ((data[(j + 1) * SLOTS + 3] as number) & JOINED) !== 0) j++;
    if (text.charCodeAt(data[j * SLOTS + 1] as number) === 0x3a) for (let k = i; k <= j; k++) data[k * SLOTS + 3] = (data[k * SLOTS + 3] as number) | MASKED;
    i = j;
  }
}

function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

/** The spans `[start, end)` of the words `TOKEN` finds in `text`, before compounds and possessives are split off (for tests: the hand scanner must agree with the pattern). */
export function wordSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let from = 0; ; ) {
    let end = scanToken(text, from);
    let start = scanStart;
    if (end === FALLBACK) {
      TOKEN.lastIndex = scanStart;
      const match = TOKEN.exec(text);
      if (match === null) break;
      start = match.index;
      end = start + match[0].length;
    } else if (end < 0) break;
    spans.push([start, end]);
    from = end;
  }
  return spans;
}
