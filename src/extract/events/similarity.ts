/**
 * Wording similarity between two sentences: Jaccard overlap of their content words, after
 * dropping function words and date words (two reports of one happening share its date anyway)
 * and a crude suffix strip so `explosion`/`explosions`, `kill`/`killed` meet.
 *
 * `contentWords` and `jaccard` state the rule on strings; merging uses `Vocabulary`, the same rule
 * on numbered words (each distinct word looked up and stemmed once per build, each sentence's words
 * a sorted array of numbers compared by a linear merge), which gives exactly the same figures.
 */

const STOPWORDS = new Set(
  (
    'the a an and or but of in on at to for from by with as is are was were be been being has have had ' +
    'it its this that these those he she they them his her their we our you your i not no than then ' +
    'there here who whom which what when where why how all any some more most other into over after ' +
    'before about also said says say would will could should may might can did does do just only very ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'day days week weeks month months year years earlier later last next ago'
  ).split(' '),
);

/** What separates words: anything but a letter or a digit. */
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** The set of stemmed content words of `text`. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(NON_WORD)) {
    const word = contentWord(raw);
    if (word !== null) words.add(word);
  }
  return words;
}

/** The stemmed content word a lower-cased token stands for, or null for a short or function word. */
function contentWord(raw: string): string | null {
  return raw.length < 3 || STOPWORDS.has(raw) ? null : stem(raw);
}

/** Strips one common English inflection; good enough to match a word with its plural or past. */
function stem(word: string): string {
  for (const suffix of ['ings', 'ing', 'ed', 'es', 's']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** |a ∩ b| / |a ∪ b|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** `jaccard` of two word sets given as ascending arrays of word numbers. */
export function jaccardSorted(a: Int32Array, b: Int32Array): number {
  return jaccardRanges(a, 0, a.length, b, 0, b.length);
}

/** `jaccardSorted` of two ascending runs, `a[aFrom..aTo)` and `b[bFrom..bTo)` (the merge keeps every sentence's words in one pool). */
export function jaccardRanges(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): number {
  const aLength = aTo - aFrom;
  const bLength = bTo - bFrom;
  if (aLength === 0 && bLength === 0) return 0;
  let i = aFrom;
  let j = bFrom;
  let shared = 0;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (aLength + bLength - shared);
}

/**
 * Numbers the content words of many sentences. Each distinct token is lowered, checked and stemmed
 * once; a sentence's words come back as distinct numbers. `ranks()` then renumbers the words so
 * that the order of numbers is the blocking order of `keyOrder` (longest first, then alphabetical):
 * a sentence's first words by number are its longest.
 */
export class Vocabulary {
  /** Lower-cased token → its word's number, or -1 for a token that is no content word. */
  private readonly tokens = new Map<string, number>();
  /** Stemmed word → its number. */
  private readonly numbers = new Map<string, number>();
  /** The words by number. */
  private readonly words: string[] = [];
  /** Last sentence each word was seen in, to drop repeats without a set per sentence. */
  private seenIn = new Int32Array(1024);
  /** Count of sentences read so far (the stamp `seenIn` compares with). */
  private sentences = 0;

  /**
   * The distinct content words of `text` as numbers, in order of first appearance. The tokens are
   * those of `contentWords` (runs of letters and digits of the lower-cased text), found by a scan
   * that skips tokens too short to be content words without cutting them out.
   */
  read(text: string): number[] {
    const stamp = ++this.sentences;
    const out: number[] = [];
    const lower = text.toLowerCase();
    let start = 0;
    let i = 0;
    while (i <= lower.length) {
      const width = i < lower.length ? wordCharWidth(lower, i) : 0;
      if (width > 0) {
        i += width;
        continue;
      }
      if (i - start >= 3) {
        const raw = lower.slice(start, i);
        let n = this.tokens.get(raw);
        if (n === undefined) {
          const word = contentWord(raw);
          n = word === null ? -1 : this.number(word);
          this.tokens.set(raw, n);
        }
        if (n >= 0 && this.seenIn[n] !== stamp) {
          this.seenIn[n] = stamp;
          out.push(n);
        }
      }
      // Past the separator (a whole surrogate pair counts as one code point, as in `NON_WORD`).
      i += i < lower.length ? codePointWidth(lower, i) : 1;
      start = i;
    }
    return out;
  }

  /** For each word number, its position in blocking order (longest first, ties alphabetical). */
  ranks(): Int32Array {
    const order = this.words.map((_, n) => n).sort((a, b) => keyOrder(this.words[a]!, this.words[b]!));
    const rank = new Int32Array(order.length);
    order.forEach((n, position) => (rank[n] = position));
    return rank;
  }

  /** The word numbered `n` (before `ranks()`). */
  wordAt(n: number): string | undefined {
    return this.words[n];
  }

  private number(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) {
      n = this.words.length;
      this.numbers.set(word, n);
      this.words.push(word);
      if (n >= this.seenIn.length) {
        const grown = new Int32Array(this.seenIn.length * 2);
        grown.set(this.seenIn);
        this.seenIn = grown;
      }
    }
    return n;
  }
}

/** Letter-or-digit answers for the characters of the Basic Multilingual Plane met so far: 0 unknown, 1 yes, 2 no. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units taken by the code point at `i` (2 for a surrogate pair, else 1). */
function codePointWidth(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

/** Code units of the letter or digit at `i`, or 0 when the code point there is neither (the complement of `NON_WORD`). */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return 1;
  if (c < 0x80) return 0;
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 2 : 0;
  let known = BMP_WORD_CHAR[cp]!;
  if (known === 0) BMP_WORD_CHAR[cp] = known = LETTER_OR_DIGIT.test(String.fromCharCode(cp)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Blocking order of words: the longest first (long words are rarer), ties in alphabetical order. */
export function keyOrder(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}
