/** Grouping records by a key in one pass: the small index every page kind builds from mentions and events. */

/** The distinct values of each key, in first-seen order: `groupSets(mentions, (m) => m.articleId, (m) => m.entityId)`. */
export function groupSets<T, K, V>(items: Iterable<T>, keyOf: (item: T) => K, valueOf: (item: T) => V): Map<K, Set<V>> {
  const groups = new Map<K, Set<V>>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Set()));
    group.add(valueOf(item));
  }
  return groups;
}
