/** Telling an edit's list of records from the last one (the watch session's stages each keep the list they were last given). */

/**
 * The records of `items` that are not the very ones of `given` (a stage's last input) at the same
 * place, or null when some record came, went or moved in the list (an id not where it was). An
 * edit's build gives the same ids in the same places, a few records replaced: a stage that keeps
 * what it made from each record then looks at those alone.
 */
export function replacedRecords<T extends { id: string }>(given: readonly T[], items: readonly T[]): T[] | null {
  if (given.length !== items.length) return null;
  const replaced: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item === given[i]) continue;
    if (item.id !== given[i]!.id) return null;
    replaced.push(item);
  }
  return replaced;
}
