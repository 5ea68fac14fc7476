/**
 * Distinct strings by number, each kept once: packed records hold a number per field instead of a
 * pointer to a string of their own (a date, an anchor, an article id repeated a million times).
 */
import { flatCopy } from './flatCopy.js';

export class StringTable {
  /** The strings by number. */
  readonly strings: string[] = [];
  /** Each string's number, while strings are added (`seal` lets it go). */
  private numbers: Map<string, number> | null = new Map();

  /**
   * `copy`: keep a flat copy of each new string, not the string given. For strings cut from a
   * larger text that is let go (a date as written in a paragraph): a cut-out piece would keep its
   * whole paragraph alive (see `flatCopy`).
   */
  constructor(private readonly copy = false) {}

  numberOf(value: string): number {
    let n = this.numbers!.get(value);
    if (n === undefined) {
      // The map's key is the kept string too, so the table holds nothing but its copies.
      const kept = this.copy ? flatCopy(value) : value;
      this.numbers!.set(kept, (n = this.strings.push(kept) - 1));
    }
    return n;
  }

  /** No more strings: only reads by number from now on. */
  seal(): void {
    this.numbers = null;
  }

  /** Each number's rank when the strings are sorted by UTF-16 code units (as `<` compares them): equal strings, equal ranks. */
  ranks(): Int32Array {
    const byValue = this.strings.map((_, n) => n).sort((a, b) => compare(this.strings[a]!, this.strings[b]!));
    const ranks = new Int32Array(this.strings.length);
    byValue.forEach((n, rank) => (ranks[n] = rank));
    return ranks;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
