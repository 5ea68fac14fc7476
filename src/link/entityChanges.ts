/**
 * Which entity records changed since a watch session's last link stage, found once per build so
 * the steps after it (co-mentions, appearances, ranked entities) go by the few records an edit
 * changed instead of each looking up every entity again. The entity stage hands over its records
 * sorted by id and an unchanged entity as the very same record (see `EntityRecords`), so an edit
 * that adds or drops no entity is told by comparing the two lists item by item, and the records
 * by id are last build's map with the changed ones put in (same keys, so the same order).
 */
import type { Entity } from '../types.js';

/** The entities of one build, against the last one's. */
export interface EntityChanges {
  /** Every entity, by id (last build's very map when no record changed). */
  byId: Map<string, Entity>;
  /** Ids of the entities whose record is new, changed or gone. */
  changed: Set<string>;
  /** The last build's records of the changed entities that it had. */
  before: Map<string, Entity>;
  /** True when the same ids as last build's (none added, none gone). */
  sameIds: boolean;
}

/** The last build's entities, kept for the next diff. */
export class EntityHistory {
  /** The records as given last build. */
  private list: readonly Entity[] = [];
  /** The same by id; null before the first build. */
  private byId: Map<string, Entity> | null = null;

  /** What changed from the last build's records to `entities`. */
  next(entities: readonly Entity[]): EntityChanges {
    const changes = this.byId ? diff(this.list, this.byId, entities) : { byId: new Map(entities.map((entity) => [entity.id, entity])), changed: new Set(entities.map((entity) => entity.id)), before: new Map<string, Entity>(), sameIds: false };
    this.list = entities;
    this.byId = changes.byId;
    return changes;
  }
}

function diff(last: readonly Entity[], lastById: Map<string, Entity>, entities: readonly Entity[]): EntityChanges {
  const changed = new Set<string>();
  const before = new Map<string, Entity>();
  // The usual edit: the same ids in the same places, a few records replaced.
  const replaced: Entity[] = [];
  let aligned = entities.length === last.length;
  for (let i = 0; aligned && i < entities.length; i++) {
    const now = entities[i]!;
    const was = last[i]!;
    if (now === was) continue;
    if (now.id !== was.id) aligned = false;
    else changed.add(now.id), before.set(now.id, was), replaced.push(now);
  }
  if (aligned) {
    if (changed.size === 0) return { byId: lastById, changed, before, sameIds: true };
    // A copy: the map given last build is the render's to compare with.
    const byId = new Map(lastById);
    for (const entity of replaced) byId.set(entity.id, entity);
    return { byId, changed, before, sameIds: true };
  }
  changed.clear();
  before.clear();
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  for (const entity of entities) {
    const was = lastById.get(entity.id);
    if (was === entity) continue;
    changed.add(entity.id);
    if (was) before.set(entity.id, was);
  }
  for (const [id, was] of lastById) {
    if (byId.has(id)) continue;
    changed.add(id);
    before.set(id, was);
  }
  return { byId, changed, before, sameIds: false };
}
