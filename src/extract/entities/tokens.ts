/**
 * Word tokens with offsets, the unit everything else in entity finding works on: candidate names are
 * runs of capitalised tokens, and mention finding walks a trie of token keys. One linear scan: the
 * token pattern has no nested ambiguous quantifiers, and URL/handle masking looks at each
 * whitespace-separated chunk once with anchored patterns.
 */

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
const CHUNK = /\S+/g;
const POSSESSIVE = /['’]s$/u;
/** Characters between two words that mean the second one starts something new. */
const OPENERS = /[.!?:;"“”‘()[\]{}—–•|\n]/u;

/** Lower-case comparison key of a word: accents, case and punctuation removed. */
export function tokenKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Splits a text into tokens. `isPlaceKey` tells which words are country names, so that a compound
 * of names (`US-Iran`, `Israel-Hamas`) splits into its parts while `Amir-Abdollahian` stays whole.
 */
export function tokenize(text: string, isPlaceKey: (key: string) => boolean = () => false): Token[] {
  const masks = maskedRanges(text);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: Token | undefined;
  let maskIndex = 0;
  for (const match of text.matchAll(TOKEN)) {
    for (const [offset, part, closesCompound] of compoundParts(match[0], isPlaceKey)) {
      const start = (match.index ?? 0) + offset;
      const possessive = POSSESSIVE.test(part) && part.length > 2;
      const raw = possessive ? part.slice(0, -2) : part;
      const gap = text.slice(previousEnd, start);
      while (maskIndex < masks.length && (masks[maskIndex]?.[1] ?? 0) <= start) maskIndex++;
      const mask = masks[maskIndex];
      const token: Token = {
        start,
        end: start + raw.length,
        text: raw,
        key: tokenKey(raw),
        shape: shapeOf(raw),
        initial: previous === undefined || OPENERS.test(gap) || (/\.$/.test(previous.text) && !isInitial(previous.text)),
        closesName: possessive || closesCompound,
        joined: previous !== undefined && !previous.closesName && (gap === ' ' || gap === '\u00a0' || (gap === '. ' && isInitial(previous.text))),
        masked: mask !== undefined && mask[0] <= start && start < mask[1],
      };
      tokens.push(token);
      previous = token;
      previousEnd = start + part.length;
    }
  }
  maskSpeakerLabels(text, tokens);
  return tokens;
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
  for (const match of text.matchAll(CHUNK)) {
    const chunk = match[0];
    if (
      chunk.includes('://') ||
      /^[("“]?www\./iu.test(chunk) ||
      /^[("“]?[@#]\w/u.test(chunk) ||
      /\w@\w/u.test(chunk) ||
      /^[("“]?[\w-]+(?:\.[\w-]+)+\/\S*$/u.test(chunk)
    ) {
      ranges.push([match.index ?? 0, (match.index ?? 0) + chunk.length]);
    }
  }
  return ranges;
}

/** `REPORTER:` and `MATTHEW MILLER:` at the start of a line name who speaks in a transcript: not entities. */
function maskSpeakerLabels(text: string, tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first || first.shape !== 'upper' || !atLineStart(text, first.start)) continue;
    let j = i;
    while (tokens[j + 1]?.shape === 'upper' && tokens[j + 1]?.joined) j++;
    const last = tokens[j];
    if (last && text.slice(last.end, last.end + 1) === ':') for (let k = i; k <= j; k++) (tokens[k] as Token).masked = true;
    i = j;
  }
}

function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}
