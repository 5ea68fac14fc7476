/**
 * Entities in alphabetical order, as the entity index lists them and as the link stage breaks ties.
 * Sorting every entity with `localeCompare` is the costliest part of that on a big archive, and a
 * watch session's edit changes few records (extraction hands back unchanged records as the very same
 * objects): `NameOrder` keeps the last order, drops the records gone and merges in the new ones.
 */
import type { Entity } from '../types.js';

/** By name (`localeCompare` in English), then id: a total order, so the sorted list is the one any sort gives. */
export function compareByName(a: Entity, b: Entity): number {
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class NameOrder {
  /** The records last sorted, as given. */
  private input: readonly Entity[] = [];
  /** The same, by name. */
  private sorted: Entity[] = [];
  /** Position of each id in `sorted`, made when first asked for. */
  private rank: Map<string, number> | null = null;

  /** `entities` sorted by `compareByName` (the very list as last time when the records are the same; never change it). */
  of(entities: readonly Entity[]): readonly Entity[] {
    if (entities.length === this.input.length && entities.every((entity, i) => entity === this.input[i])) return this.sorted;
    const current = new Set(entities);
    const kept = this.sorted.filter((entity) => current.has(entity));
    const keptSet = new Set(kept);
    const added = entities.filter((entity) => !keptSet.has(entity)).sort(compareByName);
    const merged: Entity[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < added.length) {
      if (j >= added.length || (i < kept.length && compareByName(kept[i]!, added[j]!) < 0)) merged.push(kept[i++]!);
      else merged.push(added[j++]!);
    }
    this.input = entities.slice();
    this.sorted = merged;
    this.rank = null;
    return merged;
  }

  /** Position of each entity of the last `of` by id. */
  ranks(): ReadonlyMap<string, number> {
    return (this.rank ??= new Map(this.sorted.map((entity, i) => [entity.id, i])));
  }
}
