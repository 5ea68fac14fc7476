/**
 * Records in a fixed order, kept from build to build: entities by name (as the entity index lists
 * them and as the link stage breaks ties) and articles in listing order. Sorting every record with
 * `localeCompare` is the costliest part of that on a big archive, and a watch session's edit changes
 * few records (unchanged ones are the very same objects from build to build): `KeptOrder` keeps the
 * last order, drops the records gone and merges in the new ones. With a total order the result is
 * the one any sort gives.
 */
import type { Entity } from '../types.js';

/** By name (`localeCompare` in English), then id: a total order. */
export function compareByName(a: Entity, b: Entity): number {
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class KeptOrder<T extends { id: string }> {
  /** The records last sorted, as given. */
  private input: readonly T[] = [];
  /** The same, in order. */
  private sorted: T[] = [];
  /** Position of each id in `sorted`, made when first asked for. */
  private rank: Map<string, number> | null = null;

  /** `compare` must be a total order. */
  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** `items` sorted by the order (the very list as last time when the records are the same; never change it). */
  of(items: readonly T[]): readonly T[] {
    if (items.length === this.input.length && items.every((item, i) => item === this.input[i])) return this.sorted;
    const current = new Set(items);
    const kept = this.sorted.filter((item) => current.has(item));
    const keptSet = new Set(kept);
    const added = items.filter((item) => !keptSet.has(item)).sort(this.compare);
    // Each new record's place found by binary search: few comparisons (each may be a `localeCompare`).
    const merged: T[] = [];
    let from = 0;
    for (const item of added) {
      let low = from;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.compare(kept[middle]!, item) < 0) low = middle + 1;
        else high = middle;
      }
      for (let i = from; i < low; i++) merged.push(kept[i]!);
      merged.push(item);
      from = low;
    }
    for (let i = from; i < kept.length; i++) merged.push(kept[i]!);
    this.input = items.slice();
    this.sorted = merged;
    this.rank = null;
    return merged;
  }

  /** Position of each record of the last `of`, by id. */
  ranks(): ReadonlyMap<string, number> {
    return (this.rank ??= new Map(this.sorted.map((item, i) => [item.id, i])));
  }
}
