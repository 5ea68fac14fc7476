/**
 * The order the timeline merge takes candidates in (`merge.ts`): by date, so each date is merged at
 * once, then in reading order, so the first candidate of an event (its id, its text) does not
 * depend on the order the articles came in.
 */
import type { EventCandidate } from './candidate.js';

/**
 * Candidate numbers in merging order: by date, article id, then reading order (block, part,
 * offset, date as written); ties keep the order they were added in. The dates and article ids are
 * compared as their ranks (each distinct one sorted once), not as strings in every comparison.
 */
export function sortedOrder(candidates: readonly EventCandidate[]): Int32Array {
  const order = new Int32Array(candidates.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const dates = ranks(candidates, (candidate) => candidate.date);
  const articles = ranks(candidates, (candidate) => candidate.articleId);
  return order.sort((a, b) => {
    const x = candidates[a]!;
    const y = candidates[b]!;
    return dates[a]! - dates[b]! || articles[a]! - articles[b]! || x.blockIndex - y.blockIndex || x.part - y.part || x.start - y.start || cmp(x.dateText, y.dateText) || a - b;
  });
}

/** Each candidate's `field` as its rank among the distinct values (sorted by `cmp`): equal values, equal ranks. */
function ranks(candidates: readonly EventCandidate[], field: (candidate: EventCandidate) => string): Int32Array {
  const numbers = new Map<string, number>();
  for (const candidate of candidates) numbers.set(field(candidate), 0);
  [...numbers.keys()].sort(cmp).forEach((value, rank) => numbers.set(value, rank));
  const out = new Int32Array(candidates.length);
  candidates.forEach((candidate, i) => (out[i] = numbers.get(field(candidate))!));
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
