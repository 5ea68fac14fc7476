/**
 * Entities: who and what each article is about. Public entry points of the extract stage's entity
 * finder; see `extract.ts` for the steps and `registry.ts` for the curator's file.
 */
export { extractEntities, extractArticleEntities, EntityMemo, type EntityExtraction } from './extract.js';
export { parseRegistry, EMPTY_REGISTRY, type Registry, type RegistryEntity, type RegistryLink } from './registry.js';
export { blockParts, blockPlainText, PART_SEPARATOR } from './text-units.js';
