/**
 * Where entity finding reads an article's tokens from: tokenized the first time and kept compact,
 * expanded from there on every later pass (`extract.ts` reads each article more than once).
 */
import { Int32Slabs } from '../../text/int32Slabs.js';
import type { Article } from '../../types.js';
import type { ArticleTokens, KeptTokens, ReadUnit } from './entityMemo.js';
import { compactTokens, expandTokens, TokenBuffer, type WordTable } from './packedTokens.js';
import { textUnits } from './text-units.js';
import { tokenizeInto } from './tokens.js';

/**
 * Each article's texts and tokens, read once and kept compact for the next pass, given back in one
 * scratch buffer (valid until the next call). `keepTexts` false (a build without a memo) keeps only
 * the tokens: each pass takes the texts from the article again.
 * A cold build keeps its bodies on disk (`src/build/bodyStore.ts`), and the texts kept here would be
 * every article's text in memory at once until the stage ends.
 */
export function tokenSource(
  words: WordTable,
  kept: { get(article: Article): KeptTokens | undefined; set(article: Article, tokens: KeptTokens): unknown },
  isPlaceKey: (key: string) => boolean,
  keepTexts: boolean,
): (article: Article) => ArticleTokens {
  const buffer = new TokenBuffer(4096);
  // A cold build lets go of every article's tokens at once, when the stage ends: cut from large blocks, they go back to the system then (see `Int32Slabs`). A watch session keeps each article's while it is unchanged.
  const slabs = keepTexts ? null : new Int32Slabs();
  const allocate = slabs ? (length: number) => slabs.allocate(length) : undefined;
  return (article) => {
    const known = kept.get(article);
    if (known?.compact) {
      expandTokens(known.compact, buffer, known.units);
      return { units: keepTexts ? known.units : withTexts(known.units, article), data: buffer.data };
    }
    buffer.clear();
    const units = readUnits(article, buffer, words, isPlaceKey);
    if (!known) kept.set(article, { units: keepTexts ? units : units.map((unit) => ({ ...unit, text: '' })), compact: compactTokens(buffer, units, allocate) });
    return { units: keepTexts ? (known?.units ?? units) : units, data: buffer.data };
  };
}

/** `units` (kept without their texts) with their texts, read from the article again (`textUnits` gives the same units in the same order). */
function withTexts(units: readonly ReadUnit[], article: Article): ReadUnit[] {
  const fresh = textUnits(article);
  return units.map((unit, i) => ({ ...unit, text: fresh[i]!.text }));
}

/** The article's texts, their tokens appended to `buffer`. */
function readUnits(article: Article, buffer: TokenBuffer, words: WordTable, isPlaceKey: (key: string) => boolean): ReadUnit[] {
  return textUnits(article).map((unit) => {
    const first = buffer.length;
    tokenizeInto(buffer, unit.text, isPlaceKey, words);
    // Field by field, not `{ ...unit, first, end }` (see README, "Development": one hidden class per object).
    return { blockAnchor: unit.blockAnchor, text: unit.text, offset: unit.offset, role: unit.role, first, end: buffer.length };
  });
}
