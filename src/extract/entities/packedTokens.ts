/**
 * Tokens packed four numbers to a token in one typed array, instead of an object and two strings
 * each: the form the entity finder keeps between its passes (and a watch session keeps between
 * builds). Word keys are interned in a `WordTable`, so a token holds a key's number, and every
 * occurrence of a word shares one key string. `unpackTokens` gives back the `Token` records the
 * candidate finder and the matcher read, for one text at a time.
 */
import type { Token, TokenShape } from './tokens.js';

/** Numbers per token: start, end, key number, flags. */
export const SLOTS = 4;
/** Flag bits (the low two bits hold the shape, see `SHAPES`). */
export const INITIAL = 4;
export const CLOSES_NAME = 8;
export const JOINED = 16;
export const MASKED = 32;
/** Shapes by their two-bit code. */
export const SHAPES: readonly TokenShape[] = ['title', 'upper', 'lower', 'other'];
export const TITLE = 0;
export const UPPER = 1;
export const LOWER = 2;

/** A growable list of packed tokens. */
export class TokenBuffer {
  /** The packed tokens (`SLOTS` numbers each); only the first `length` tokens are meaningful. */
  data: Int32Array;
  /** Number of tokens. */
  length = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(capacity * SLOTS);
  }

  push(start: number, end: number, key: number, flags: number): void {
    let at = this.length * SLOTS;
    if (at === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    data[at++] = start;
    data[at++] = end;
    data[at++] = key;
    data[at] = flags;
    this.length++;
  }

  /** Empties the list, keeping its storage. */
  clear(): void {
    this.length = 0;
  }

  /** A copy of just the tokens, to keep. */
  copy(): Int32Array {
    return this.data.slice(0, this.length * SLOTS);
  }
}

/**
 * Each word's key and shape, worked out once per distinct spelling (`tokenKey` normalises Unicode
 * and runs two replaces; news text repeats its words), and each key interned as a number.
 */
export class WordTable {
  /** Keys by number. */
  readonly keys: string[] = [];
  private readonly keyNumbers = new Map<string, number>();
  /** Key number × 4 + shape code, by the word as written. */
  private readonly words = new Map<string, number>();

  constructor(
    private readonly keyOf: (word: string) => string,
    private readonly shapeOf: (word: string) => number,
  ) {}

  /** The number of a key, if any word had it. */
  numberOf(key: string): number | undefined {
    return this.keyNumbers.get(key);
  }

  /** Key number × 4 + shape code of `word`. */
  lookup(word: string): number {
    let found = this.words.get(word);
    if (found === undefined) {
      const key = this.keyOf(word);
      let number = this.keyNumbers.get(key);
      if (number === undefined) {
        number = this.keys.length;
        this.keys.push(key);
        this.keyNumbers.set(key, number);
      }
      found = number * 4 + this.shapeOf(word);
      this.words.set(word, found);
    }
    return found;
  }
}

/** The tokens `from..to` (exclusive) of `data`, as records; `text` is the text they were found in. */
export function unpackTokens(text: string, data: Int32Array, from: number, to: number, keys: readonly string[]): Token[] {
  const tokens = new Array<Token>(to - from);
  for (let i = from, at = from * SLOTS; i < to; i++, at += SLOTS) {
    const start = data[at] as number;
    const end = data[at + 1] as number;
    const flags = data[at + 3] as number;
    tokens[i - from] = {
      start,
      end,
      text: text.slice(start, end),
      key: keys[data[at + 2] as number] as string,
      shape: SHAPES[flags & 3] as TokenShape,
      initial: (flags & INITIAL) !== 0,
      closesName: (flags & CLOSES_NAME) !== 0,
      joined: (flags & JOINED) !== 0,
      masked: (flags & MASKED) !== 0,
    };
  }
  return tokens;
}

// The compact form, for keeping: two numbers a token, the key number, then the gap since the end of
// the token before (12 bits), the length (13 bits) and the flags (6 bits). Tokens are always in
// text order within a text, so gaps are never negative.
const GAP_BITS = 12;
const LENGTH_BITS = 13;
const FLAG_BITS = 6;

/** Where one text's tokens are in a list of several texts' tokens. */
export interface TokenRange {
  /** Index of its first token. */
  first: number;
  /** Index after its last token. */
  end: number;
}

/**
 * `buffer`'s tokens in the compact form (half the size), or null when one does not fit (a word over
 * 8,191 characters, a gap over 4,095): then the caller keeps nothing and tokenizes again. `ranges`
 * cover every token, one range per text, in order (a text's first gap counts from its offset 0).
 */
export function compactTokens(buffer: TokenBuffer, ranges: readonly TokenRange[], allocate: (length: number) => Int32Array = (length) => new Int32Array(length)): Int32Array | null {
  const data = buffer.data;
  const out = allocate(buffer.length * 2);
  for (const { first, end } of ranges) {
    let previousEnd = 0;
    for (let i = first; i < end; i++) {
      const at = i * SLOTS;
      const start = data[at] as number;
      const stop = data[at + 1] as number;
      const gap = start - previousEnd;
      const length = stop - start;
      if (gap < 0 || gap >= 1 << GAP_BITS || length >= 1 << LENGTH_BITS) return null;
      out[i * 2] = data[at + 2] as number;
      out[i * 2 + 1] = (gap << (LENGTH_BITS + FLAG_BITS)) | (length << FLAG_BITS) | (data[at + 3] as number);
      previousEnd = stop;
    }
  }
  return out;
}

/** Puts compact tokens back into `buffer` (emptied first), in the packed form; `ranges` as given to `compactTokens`. */
export function expandTokens(compact: Int32Array, buffer: TokenBuffer, ranges: readonly TokenRange[]): void {
  buffer.clear();
  for (const { first, end } of ranges) {
    let previousEnd = 0;
    for (let i = first; i < end; i++) {
      const word = compact[i * 2 + 1] as number;
      const start = previousEnd + (word >>> (LENGTH_BITS + FLAG_BITS));
      previousEnd = start + ((word >>> FLAG_BITS) & ((1 << LENGTH_BITS) - 1));
      buffer.push(start, previousEnd, compact[i * 2] as number, word & ((1 << FLAG_BITS) - 1));
    }
  }
}
