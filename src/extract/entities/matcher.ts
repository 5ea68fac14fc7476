/**
 * Mention finding: one pass over a text's tokens against a trie of every entity name, keyed by token
 * keys. At each token the walk goes at most as deep as the longest name (a handful of words), so the
 * cost is linear in the text and does not grow with the number of entities. The longest name wins
 * (`State Department` over `State`); a name must be written with the capitals it was found with, so
 * the pronoun `us` never matches `US` and the speaker label `MATTHEW MILLER` never matches `Matthew Miller`.
 */
import { NAME_PARTICLES } from './lexicon.js';
import type { Resolution } from './resolve.js';
import type { Token } from './tokens.js';

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

  /** Every name in `tokens`, longest first and never overlapping, in text order. */
  findNames(tokens: readonly Token[]): NameMatch[] {
    const matches: NameMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i] as Token;
      if (first.masked || (first.shape !== 'title' && first.shape !== 'upper')) continue;
      let node = this.root.children.get(first.key);
      let pattern = shapeLetter(first);
      let best: NameMatch | null = null;
      for (let j = i; node; ) {
        const token = tokens[j] as Token;
        if (node.entityIds && node.shapes?.has(pattern) && token.shape !== 'lower') best = { first: i, last: j, entityIds: node.entityIds };
        const next = tokens[j + 1];
        if (!next || !next.joined || next.masked || token.closesName) break;
        if (next.shape === 'lower' && !NAME_PARTICLES.has(next.key)) break;
        node = node.children.get(next.key);
        pattern += shapeLetter(next);
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

function shapeLetter(token: Token): string {
  return token.shape === 'upper' ? 'U' : token.shape === 'lower' ? 'l' : 'T';
}
