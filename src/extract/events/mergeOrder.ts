/**
 * The order the timeline merge takes candidates in (`merge.ts`): by date, so each date is merged at
 * once, then in reading order, so the first candidate of an event (its id, its text) does not
 * depend on the order the articles came in.
 */

/** What candidates are sorted by, one value per candidate in each list (see `PreparedCandidates.orderKeys`). */
export interface MergeOrderKeys {
  /** The date's rank among the distinct dates, sorted as strings (`2024` before `2024-01` before `2024-01-03`). */
  dates: Int32Array;
  /** The article id's rank among the distinct ids, sorted as strings. */
  articles: Int32Array;
  /** Position of the sentence's block in its article's body. */
  blockIndexes: Int32Array;
  /** Which text of the block holds the sentence. */
  parts: Int32Array;
  /** Offset of the sentence in that text. */
  starts: Int32Array;
  /** The rank of the date as written (`on Sunday`) among the distinct ones: two dates in one sentence. */
  datesAsWritten: Int32Array;
}

/**
 * Candidate numbers in merging order: by date, article id, then reading order (block, part,
 * offset, date as written); ties keep the order they were added in. Strings are compared as their
 * ranks (each distinct one sorted once), not in every comparison.
 */
export function sortedOrder(keys: MergeOrderKeys, count: number): Int32Array {
  const { dates, articles, blockIndexes, parts, starts, datesAsWritten } = keys;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => dates[a]! - dates[b]! || articles[a]! - articles[b]! || blockIndexes[a]! - blockIndexes[b]! || parts[a]! - parts[b]! || starts[a]! - starts[b]! || datesAsWritten[a]! - datesAsWritten[b]! || a - b);
}
