/**
 * Records in a fixed order, kept from build to build: entities by name (as the entity index lists
 * them and as the link stage breaks ties) and articles in listing order. Sorting every record with
 * `localeCompare` is the costliest part of that on a big archive, and a watch session's edit changes
 * few records (unchanged ones are the very same objects from build to build): `KeptOrder` keeps the
 * last order, drops the records gone and merges in the new ones. With a total order the result is
 * the one any sort gives.
 */
import type { Entity } from '../types.js';
import { lowerBound } from '../text/lowerBound.js';

/** By name (`localeCompare` in English), then id: a total order. */
export function compareByName(a: Entity, b: Entity): number {
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Records replaced in place that `KeptOrder` moves one by one; with more, it merges the whole list. */
const FEW_REPLACED = 32;

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
    if (items.length === this.input.length) {
      // The usual edit replaces a few records in place: only they are taken out and put back, each found by binary search.
      const replaced = this.replaced(items);
      if (replaced === this.sorted) return this.sorted;
      if (replaced) {
        // Each record put where one of the same id was (an edit that moved no record): every id keeps its rank.
        if (this.rank && !this.samePlaces(replaced, items)) this.rank = null;
        this.input = items.slice();
        this.sorted = replaced;
        return replaced;
      }
    }
    const current = new Set(items);
    const kept = this.sorted.filter((item) => current.has(item));
    const keptSet = new Set(kept);
    const added = items.filter((item) => !keptSet.has(item)).sort(this.compare);
    // Each new record's place found by binary search: few comparisons (each may be a `localeCompare`).
    const merged: T[] = [];
    let from = 0;
    for (const item of added) {
      const low = lowerBound(from, kept.length, (i) => this.compare(kept[i]!, item) < 0);
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

  /**
   * The order of `items` (as long as the last input) when they differ from the last input in at
   * most `FEW_REPLACED` places: the last order without the records replaced and with their
   * replacements put in. The last order itself when none differ; null when more differ, or when a
   * record taken out is not found or one put in meets an equal one (the general merge decides then).
   */
  private replaced(items: readonly T[]): T[] | null {
    const gone: T[] = [];
    const come: T[] = [];
    for (let i = 0; i < items.length; i++) {
      if (items[i] === this.input[i]) continue;
      if (gone.length === FEW_REPLACED) return null;
      gone.push(this.input[i]!);
      come.push(items[i]!);
    }
    if (gone.length === 0) return this.sorted;
    const merged = this.sorted.slice();
    for (const item of gone) {
      let at = this.lowerBound(merged, item);
      while (at < merged.length && merged[at] !== item && this.compare(merged[at]!, item) === 0) at++;
      if (merged[at] !== item) return null;
      merged.splice(at, 1);
    }
    for (const item of come) {
      const at = this.lowerBound(merged, item);
      if (at < merged.length && this.compare(merged[at]!, item) === 0) return null;
      merged.splice(at, 0, item);
    }
    return merged;
  }

  /** The order last given (never change it). */
  get last(): readonly T[] {
    return this.sorted;
  }

  /** True when each record of `items` that is not the last input's record at its place sits in `merged` where `rank` has its id. */
  private samePlaces(merged: readonly T[], items: readonly T[]): boolean {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item === this.input[i]) continue;
      if (item.id !== this.input[i]!.id || merged[this.rank!.get(item.id) ?? -1] !== item) return false;
    }
    return true;
  }

  /** The first place in `sorted` whose record does not come before `item`. */
  private lowerBound(sorted: readonly T[], item: T): number {
    return lowerBound(0, sorted.length, (i) => this.compare(sorted[i]!, item) < 0);
  }

  /** Position of each record of the last `of`, by id. */
  ranks(): ReadonlyMap<string, number> {
    return (this.rank ??= new Map(this.sorted.map((item, i) => [item.id, i])));
  }
}
