/**
 * Mention finding: one pass over a text's tokens against a trie of every entity name, keyed by token
 * keys. At each token the walk goes at most as deep as the longest name (a handful of words), so the
 * cost is linear in the text and does not grow with the number of entities. The longest name wins
 * (`State Department` over `State`); a name must be written with the capitals it was found with, so
 * the pronoun `us` never matches `US` and the speaker label `MATTHEW MILLER` never matches `Matthew Miller`.
 */
import { NAME_PARTICLES } from './lexicon.js';
import type { Resolution } from './resolve.js';
import { CLOSES_NAME, JOINED, LOWER, MASKED, SLOTS, TITLE, UPPER } from './packedTokens.js';

/** A name found in a text, before ambiguous names are settled. */
export interface NameMatch {
  /** Index of the first token. */
  first: number;
  /** Index of the last token. */
  last: number;
  /** Entity ids the name may refer to: one, or several for an ambiguous short name. */
  entityIds: readonly string[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Entity ids when a name ends here. */
  entityIds?: readonly string[];
  /** Allowed capitalisation patterns of the name ending here. */
  shapes?: ReadonlySet<string>;
}

/** A compiled matcher over every name of a resolution. */
export class NameMatcher {
  private readonly root: TrieNode = { children: new Map() };

  constructor(resolution: Resolution) {
    for (const [key, entityIds] of resolution.lookup) {
      let node = this.root;
      for (const part of key.split(' ')) {
        let child = node.children.get(part);
        if (!child) {
          child = { children: new Map() };
          node.children.set(part, child);
        }
        node = child;
      }
      node.entityIds = entityIds;
      node.shapes = resolution.shapes.get(key) ?? new Set();
    }
  }

  /**
   * Every name among the packed tokens `from..to` (exclusive) of `data` (one text's tokens, see
   * `packedTokens.ts`; `keys` are the key strings by number), longest first and never overlapping,
   * in text order. Indexes in the matches count in `data`.
   */
  findNames(data: Int32Array, from: number, to: number, keys: readonly string[]): NameMatch[] {
    const matches: NameMatch[] = [];
    const flagsOf = (i: number): number => data[i * SLOTS + 3] as number;
    const keyOf = (i: number): string => keys[data[i * SLOTS + 2] as number] as string;
    for (let i = from; i < to; i++) {
      const flags = flagsOf(i);
      const shape = flags & 3;
      if ((flags & MASKED) !== 0 || (shape !== TITLE && shape !== UPPER)) continue;
      let node = this.root.children.get(keyOf(i));
      if (!node) continue;
      let pattern = SHAPE_LETTERS[shape] as string;
      let best: NameMatch | null = null;
      for (let j = i; node; ) {
        const tokenFlags = flagsOf(j);
        if (node.entityIds && node.shapes?.has(pattern) && (tokenFlags & 3) !== LOWER) best = { first: i, last: j, entityIds: node.entityIds };
        if (j + 1 >= to) break;
        const next = flagsOf(j + 1);
        if ((next & JOINED) === 0 || (next & MASKED) !== 0 || (tokenFlags & CLOSES_NAME) !== 0) break;
        const nextKey = keyOf(j + 1);
        if ((next & 3) === LOWER && !NAME_PARTICLES.has(nextKey)) break;
        node = node.children.get(nextKey);
        pattern += SHAPE_LETTERS[next & 3] as string;
        j++;
      }
      if (best) {
        matches.push(best);
        i = best.last;
      }
    }
    return matches;
  }
}

/** Capitalisation pattern letter of each shape code: `T` title (and other), `U` all caps, `l` lower case. */
const SHAPE_LETTERS = ['T', 'U', 'l', 'T'];
