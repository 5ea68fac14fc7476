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
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
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

  /** The distinct content words of `text` as numbers, in order of first appearance. */
  read(text: string): number[] {
    const stamp = ++this.sentences;
    const out: number[] = [];
    for (const raw of text.toLowerCase().split(NON_WORD)) {
      let n = this.tokens.get(raw);
      if (n === undefined) {
        const word = contentWord(raw);
        n = word === null ? -1 : this.number(word);
        this.tokens.set(raw, n);
      }
      if (n < 0 || this.seenIn[n] === stamp) continue;
      this.seenIn[n] = stamp;
      out.push(n);
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

/** Blocking order of words: the longest first (long words are rarer), ties in alphabetical order. */
export function keyOrder(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}
