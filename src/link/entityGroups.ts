/** An article's entities grouped by type, as pages list them. */
import type { Entity, EntityType } from '../types.js';

/** An article's entities of one type. */
export interface EntityGroupOfType {
  /** The type. */
  type: EntityType;
  /** Plural heading for it (`People`). */
  label: string;
  /** The entities, most mentioned first. */
  entities: Entity[];
}

/** Order and headings of the entity types. */
export const ENTITY_TYPES: ReadonlyArray<{ type: EntityType; label: string }> = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'place', label: 'Places' },
  { type: 'other', label: 'Other' },
];

/** `ranked` (an article's entities, most mentioned first) by type, in the order of `ENTITY_TYPES`; types with none are left out. */
export function groupsOf(ranked: readonly Entity[]): EntityGroupOfType[] {
  return ENTITY_TYPES.map(({ type, label }) => ({ type, label, entities: ranked.filter((e) => e.type === type) })).filter((group) => group.entities.length > 0);
}
