/** Small list helpers the link stage shares. */

/** What the link stage remembers while it runs, by record: the watch session's `LinkMemo`, or plain maps dropped after the stage. */
export interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** True when both lists hold the very same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/**
 * The `k` smallest entries under `compare`, in order, without sorting the whole collection. With
 * `admit`, only entries it admits count; it is asked only of those that would make the list, so a
 * costly test (a map lookup per entry) runs for a few, not all.
 */
export function topK<T>(entries: Iterable<T>, k: number, compare: (a: T, b: T) => number, admit?: (entry: T) => boolean): T[] {
  const best: T[] = [];
  for (const entry of entries) {
    if (best.length === k && compare(entry, best[k - 1]!) >= 0) continue;
    if (admit && !admit(entry)) continue;
    let i = best.length;
    while (i > 0 && compare(entry, best[i - 1]!) < 0) i--;
    best.splice(i, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Items grouped by `key`, each group in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Keys whose value is not the very same in both maps (added, removed or changed). */
export function changedKeys<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): K[] {
  if (before === after) return [];
  const changed: K[] = [];
  let added = 0;
  for (const [key, value] of after) {
    if (before.get(key) === value) continue;
    changed.push(key);
    if (!before.has(key)) added++;
  }
  // Keys gone from `before` are looked for only when there are some (a watch edit seldom removes any).
  if (before.size > after.size - added) for (const key of before.keys()) if (!after.has(key)) changed.push(key);
  return changed;
}
