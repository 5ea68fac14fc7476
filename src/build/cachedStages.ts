/**
 * Per-file and per-article stages through the record cache: a file (or an article) that is the same
 * as in an earlier build gets that build's result back instead of being worked out again. Each
 * wrapper's key holds everything its function reads, so a cached result is the one it would return.
 */
import type { ParseResult } from '../parse/parseArticle.js';
import type { Article, SourceFile } from '../types.js';
import type { RecordParts } from './cacheParts.js';
import { cacheKey, NO_CACHE, type RecordCache } from './recordCache.js';

/**
 * Wraps `parse` (a pure function of the source file) so its results are kept in the `parse` namespace.
 * A result is filed under the key its source has once parsed, not the one it was looked up by: a
 * cold build's parse reads the file again, and a file changed since the read stage takes the hash of
 * the bytes parsed (see `sourceText`), so its record is never kept under the hash of the bytes read before.
 */
export function cachedParse(cache: RecordCache, parse: (source: SourceFile) => ParseResult): (source: SourceFile) => ParseResult {
  if (cache === NO_CACHE) return parse;
  const records = cache.namespace<{ value: ParseResult }>('parse');
  return (source) => {
    const cached = records.get(parseKey(source));
    if (cached) return cached.value;
    const value = parse(source);
    records.set(parseKey(source), { value });
    return value;
  };
}

/** True when the cache holds the parse of `source`. */
export function hasCachedParse(cache: RecordCache, source: SourceFile): boolean {
  return cache.namespace('parse').has(parseKey(source));
}

/** The text is decoded from the bytes the content hash covers; the paths appear in the record and its messages. */
function parseKey(source: SourceFile): string {
  return cacheKey(source.relativePath, source.displayPath, source.format, source.contentHash);
}

/**
 * Wraps a per-article function (event extraction, entity finding…) that reads nothing but the
 * article record: the record is a function of its file's bytes and path plus the URL the build gave
 * it, so those are the key. `namespace` names the stage (one cache file each).
 */
export function cachedPerArticle<T>(cache: RecordCache, namespace: string, run: (article: Article) => T): (article: Article) => T {
  return memo(cache, namespace, run, (article) => cacheKey(article.sourcePath, article.contentHash, article.id, article.url));
}

/**
 * Runs an archive-wide step (merging the timeline…) through the cache: its result is reused when
 * every article is the same as in an earlier build (`extra` names anything else it reads). The
 * result is kept as the records `parts` cuts it into (see `RecordParts`).
 */
export function cachedForArchive<T>(cache: RecordCache, namespace: string, articles: readonly Article[], extra: string, run: () => T, parts: RecordParts<T>): T {
  // Without a cache there is nothing to look up: no key to hash (a watch session rebuilds without one).
  if (cache === NO_CACHE) return run();
  const key = cacheKey(extra, ...articles.map((article) => `${article.sourcePath}\0${article.contentHash}\0${article.id}\0${article.url}`));
  const records = cache.namespace<{ value: unknown }>(namespace);
  const found = records.get(key)?.value as { parts: number } | undefined;
  const partKeys = found ? Array.from({ length: found.parts }, (_, index) => `${key}.${index}`) : [];
  if (found && partKeys.every((partKey) => records.has(partKey))) {
    // Read a record at a time as `join` asks, so only the result and one record's copy are held at once.
    const kept = function* () {
      for (const partKey of partKeys) {
        const part = records.get(partKey);
        if (!part) throw new MissingPart();
        yield part.value;
      }
    };
    try {
      return parts.join(kept());
    } catch (error) {
      if (!(error instanceof MissingPart)) throw error;
    }
  }
  const value = run();
  let count = 0;
  for (const part of parts.cut(value)) records.set(`${key}.${count++}`, { value: part });
  records.set(key, { value: { parts: count } });
  return value;
}

/** A record of an archive-wide result the cache listed but could not read back: the result is worked out again. */
class MissingPart extends Error {}

/** Runs `run` through the cache's `namespace`, its results filed under `keyOf(input)`. */
function memo<I, T>(cache: RecordCache, namespace: string, run: (input: I) => T, keyOf: (input: I) => string): (input: I) => T {
  // Without a cache nothing is looked up, so no key is hashed: a watch session parses without one, and hashing every file's key cost each edit ~10 ms (BBC).
  if (cache === NO_CACHE) return run;
  const records = cache.namespace<{ value: T }>(namespace);
  return (input) => {
    const key = keyOf(input);
    const cached = records.get(key);
    if (cached) return cached.value;
    const value = run(input);
    records.set(key, { value });
    return value;
  };
}

/**
 * Remembers a per-article function's result for as long as the article record lives. In a watch
 * session an unchanged article is the very same record from one build to the next (`BuildSteps.keep`),
 * so its result comes back without being worked out again, and without hashing anything. `run` must
 * read nothing but the record (a pure function of it); the results are shared, so callers must not
 * change them.
 */
export function memoPerArticle<T>(run: (article: Article) => T): (article: Article) => T {
  const results = new WeakMap<Article, T>();
  return (article) => {
    if (results.has(article)) return results.get(article) as T;
    const value = run(article);
    results.set(article, value);
    return value;
  };
}
