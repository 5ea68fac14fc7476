/**
 * The extract stage's entity step: the registry validated, then the archive's entities found.
 * A registry with errors still applies its valid entries; its errors fail the build like any
 * content error.
 */
import type { Diagnostic } from '../errors.js';
import type { RegistrySource } from '../read/readRegistry.js';
import type { Article, Entity, Mention } from '../types.js';
import { EMPTY_REGISTRY, extractEntities, parseRegistry, type EntityMemo } from './entities/index.js';
import type { MentionList } from './entities/packedMentions.js';

/** Entities and mentions of the archive. */
export interface ExtractedEntities {
  /** Every entity mentioned at least once. */
  entities: Entity[];
  /** Every mention: packed in a cold build (see `PackedMentions`); a watch session's a plain list, made when first read. */
  mentions: MentionList;
  /** A watch session's: the mentions by article, each list kept from build to build while unchanged (see `EntityExtraction`). */
  mentionsByArticle?: Map<string, Mention[]>;
  /** A watch session's: the ids of the articles whose list the link stage has not read yet (see `EntityExtraction.mentionsChanged`). */
  mentionsChanged?: Set<string>;
}

/**
 * `memo`: what a watch session keeps between builds to redo less (see `EntityMemo`); a cold build
 * passes none and keeps nothing. `betweenArticles`: called before each article is read (see `extractEntities`).
 */
export function extractEntitiesStage(articles: readonly Article[], registrySource: RegistrySource | null, memo?: EntityMemo, betweenArticles?: () => void): { value: ExtractedEntities; diagnostics: Diagnostic[] } {
  const parsed = registrySource ? registryOf(registrySource.text, registrySource.displayPath) : { registry: EMPTY_REGISTRY, diagnostics: [] };
  const extraction = extractEntities(articles, parsed.registry, memo, betweenArticles);
  const { entities, mentionsByArticle, mentionsChanged, diagnostics } = extraction;
  // A watch session's list of every mention is made only if a page asks for it (see `EntityExtraction.mentions`): read through, not read here.
  const value: ExtractedEntities = mentionsByArticle
    ? {
        entities,
        get mentions() {
          return extraction.mentions;
        },
        mentionsByArticle,
        ...(mentionsChanged ? { mentionsChanged } : {}),
      }
    : { entities, mentions: extraction.mentions };
  return { value, diagnostics: [...parsed.diagnostics, ...diagnostics] };
}

/** The latest registry parsed, by its text and path: a watch session reads the same registry again after every edit. */
let latestRegistry: { text: string; displayPath: string; parsed: ReturnType<typeof parseRegistry> } | null = null;

/** `parseRegistry`, answered from the latest parse when the text and path are the same (its result is never changed). */
function registryOf(text: string, displayPath: string): ReturnType<typeof parseRegistry> {
  if (latestRegistry?.text !== text || latestRegistry.displayPath !== displayPath) latestRegistry = { text, displayPath, parsed: parseRegistry(text, displayPath) };
  return latestRegistry.parsed;
}
