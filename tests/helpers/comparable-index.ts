/**
 * An entity index as plain data, to compare a cold build's with a watch session's: a cold build's
 * body links are packed (`PackedBodyLinks`) and a watch session's are maps of mention records, so
 * both are compared by what the render reads of a link (entity, start, end), block by block.
 */
import type { EntityIndex } from '../../src/link/linkEntities.js';

export function comparableIndex(index: EntityIndex): Omit<EntityIndex, 'bodyLinks'> & { bodyLinks: Map<string, Map<string, Array<{ entityId: string; start: number; end: number }>>> } {
  const bodyLinks = new Map([...index.bodyLinks].map(([articleId, links]) => [articleId, new Map([...links].map(([anchor, list]) => [anchor, list.map(({ entityId, start, end }) => ({ entityId, start, end }))]))]));
  return { ...index, bodyLinks };
}
