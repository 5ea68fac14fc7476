/**
 * An entity index as plain data, to compare a cold build's with a watch session's: a cold build's
 * lists by article are packed (`PackedPerArticle`) and a watch session's are maps of records, so
 * both are compared as maps, and body links by what the render reads of a link (entity, start, end).
 */
import type { EntityIndex } from '../../src/link/linkEntities.js';

export function comparableIndex(index: EntityIndex) {
  const bodyLinks = new Map([...index.bodyLinks].map(([articleId, links]) => [articleId, new Map([...links].map(([anchor, list]) => [anchor, list.map(({ entityId, start, end }) => ({ entityId, start, end }))]))]));
  return { ...index, bodyLinks, ofArticle: new Map(index.ofArticle), related: new Map(index.related), named: new Map(index.named) };
}
