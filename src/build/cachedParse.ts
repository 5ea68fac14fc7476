/**
 * Parsing through the record cache: a file whose bytes, paths and format are unchanged since an
 * earlier build gets that build's parse result back instead of being parsed again.
 */
import type { ParseResult } from '../parse/parseArticle.js';
import type { SourceFile } from '../types.js';
import { cacheKey, type RecordCache } from './recordCache.js';

/** Wraps `parse` (a pure function of the source file) so its results are kept in `cache`'s `parse` namespace. */
export function cachedParse(cache: RecordCache, parse: (source: SourceFile) => ParseResult): (source: SourceFile) => ParseResult {
  const parsed = cache.namespace<ParseResult>('parse');
  return (source) => {
    // Everything a parse reads from the source (the text is decoded from the bytes the hash covers).
    const key = cacheKey(source.relativePath, source.displayPath, source.format, source.contentHash);
    const cached = parsed.get(key);
    if (cached) return cached;
    const result = parse(source);
    parsed.set(key, result);
    return result;
  };
}
