/**
 * `extractEntities`: the whole archive's entities and mentions, in four steps over the same tokens.
 * 1. Word statistics over all body text (which words the archive capitalises mid-sentence).
 * 2. Candidate names per body text (`candidates.ts`), gathered by name key.
 * 3. Names merged into entities (`resolve.ts`), the registry applied.
 * 4. Mentions found in one pass per text (`matcher.ts`), so an entity found in one article is also
 *    found where that article's grammar alone would not have shown it (`Raisi was found dead`).
 * Pure and deterministic: articles are processed in id order and every map is read in key order.
 *
 * Memory: each pass works on one article's tokens at a time. The tokens are made once and kept,
 * between passes only, in a compact form (two numbers a word, keys interned; `packedTokens.ts`), so
 * the stage holds about 8 bytes a word while it runs and nothing but its result afterwards. A watch
 * session passes an `EntityMemo`, which keeps them (and each text's candidates) between builds.
 *
 * Why rules and not an NLP library: measured on the seeds and 300 BBC articles, compromise's
 * `topics()` took about 24 ms per article (the budget is 2) and returned `President`, `MATTHEW`,
 * `— Bobby`, `Complex Tapestry` and names with punctuation attached; wink-nlp's light English model
 * (1.5 ms per article) finds dates, numbers and handles but no people, organisations or places at
 * all. These rules take about 1 ms per article on the BBC corpus (`npm run bench`).
 */
import { Interner } from '../../text/interner.js';
import { diagnostic, type Diagnostic } from '../../errors.js';
import type { Article, Entity, EntityType, Mention } from '../../types.js';
import { countPackedWords, emptyWordStats, findCandidates, judgeWords, type Candidate, type WordStats } from './candidates.js';
import { unitCandidates, type ArticleTokens, type EntityMemo, type KeptTokens, type ReadUnit, type ResolvedNames } from './entityMemo.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { ADJECTIVE_ENDING } from './lexicon.js';
import { NameMatcher } from './matcher.js';
import { EMPTY_REGISTRY, type Registry } from './registry.js';
import { newNameInfo, resolveNames, type NameInfo } from './resolve.js';
import { compactTokens, expandTokens, JOINED, LOWER, SLOTS, TITLE, TokenBuffer, unpackTokens, type WordTable } from './packedTokens.js';
import { textUnits } from './text-units.js';
import { newWordTable, tokenizeInto, type Token } from './tokens.js';

export { EntityMemo } from './entityMemo.js';

/** What `extractEntities` returns. */
export interface EntityExtraction {
  /** Every entity mentioned at least once, sorted by id. */
  entities: Entity[];
  /** Every mention, by article id, then block order, then offset. */
  mentions: Mention[];
  /** Notes about the registry (entries never mentioned). */
  diagnostics: Diagnostic[];
}

/** Finds and resolves the entities of the whole archive. Deterministic whatever the order of `articles`; `memo` only saves work. */
export function extractEntities(articles: readonly Article[], registry: Registry, memo?: EntityMemo): EntityExtraction {
  const gazetteer = loadGazetteer();
  const isPlaceKey = (key: string): boolean => gazetteer.countryWords.has(key);
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const words = memo?.words ?? newWordTable();
  // Without a memo the tokens are kept (compact, about 8 bytes a word) only until this call returns.
  const tokensOf = tokenSource(words, memo?.tokens ?? new Map<Article, KeptTokens>(), isPlaceKey);

  // Each pass unpacks one article's tokens at a time into a scratch buffer.
  const stats = memo ? memo.countWords(sorted, tokensOf) : countAll(sorted, tokensOf, words.keys);
  const judge = judgeWords(stats);
  const checked = memo?.checkedCount();
  // Each article's texts' candidates, in order (a watch session's memo gives them back unchanged when it can).
  const found: Candidate[][] = [];
  for (const article of sorted) {
    let expanded: ArticleTokens | null = null;
    const tokensNow = (): ArticleTokens => (expanded ??= tokensOf(article));
    const units = memo?.tokens.get(article)?.units ?? tokensNow().units;
    for (const unit of units) {
      if (unit.role !== 'body') continue;
      const tokens = (): Token[] => unpackTokens(unit.text, tokensNow().data, unit.first, unit.end, words.keys);
      found.push(memo && checked ? unitCandidates(memo, checked, unit, tokens, judge, gazetteer) : findCandidates(unit.text, tokens(), judge, gazetteer));
    }
  }

  // The names, merged: the same candidates and registry as the last build's give the same resolution.
  const resolved = memo ? (memo.sameNames(found, registry) ?? memo.sameMatching(resolveAll(found, registry, gazetteer))) : resolveAll(found, registry, gazetteer);
  if (memo) memo.lastNames = { found, registry, ...resolved };
  const { resolution, matcher, types } = resolved;
  const mentions: Mention[] = [];
  // Names as written repeat across the archive, and mentions are held to the end of the build: one copy of each.
  const surfaces = new Interner();
  for (const article of sorted) {
    const kept = memo?.mentions.get(article);
    if (kept && kept.matcher === matcher) {
      for (const mention of kept.mentions) mentions.push(mention);
      continue;
    }
    const { units, data } = tokensOf(article);
    const own = articleMentions(article.id, units, data, words.keys, matcher, types, surfaces);
    memo?.mentions.set(article, { matcher, mentions: own });
    for (const mention of own) mentions.push(mention);
  }

  const mentioned = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = mentioned.get(mention.entityId);
    if (list) list.push(mention);
    else mentioned.set(mention.entityId, [mention]);
  }
  const order = articleOrder(sorted);
  const entities: Entity[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const group of resolution.groups) {
    const own = mentioned.get(group.id) ?? [];
    if (own.length === 0) {
      if (group.registry) {
        diagnostics.push(diagnostic('note', registry.file, `"${group.name}" is not mentioned in any article.`, { line: group.registry.line, hint: 'Check its spelling and aliases, or remove it.' }));
      }
      continue;
    }
    const aliases = new Set([...(group.registry?.aliases ?? []), ...own.map((mention) => mention.surface)]);
    aliases.delete(group.name);
    entities.push({
      id: group.id,
      url: `entities/${group.id}/`,
      name: group.name,
      type: group.type,
      aliases: [...aliases].sort((a, b) => a.localeCompare(b, 'en')),
      description: group.registry?.description ?? null,
      links: group.registry?.links.map((link) => ({ ...link })) ?? [],
      articles: [...new Set(own.map((mention) => mention.articleId))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      mentions: own.length,
    });
  }
  return { entities: keepEntities(entities), mentions, diagnostics };
}

/** The archive's word statistics, counted from nothing. */
function countAll(sorted: readonly Article[], tokensOf: (article: Article) => ArticleTokens, keys: readonly string[]): WordStats {
  const stats = emptyWordStats();
  for (const article of sorted) {
    const { units, data } = tokensOf(article);
    for (const unit of units) if (unit.role === 'body') countPackedWords(stats, data, unit.first, unit.end, keys);
  }
  return stats;
}

/** The names found, gathered by key and merged into entities, with the matcher and types the mention pass needs. */
function resolveAll(found: readonly Candidate[][], registry: Registry, gazetteer: Gazetteer): ResolvedNames {
  const names = new Map<string, NameInfo>();
  for (const candidates of found) {
    for (const candidate of candidates) {
      let info = names.get(candidate.key);
      if (!info) {
        info = newNameInfo(candidate.key, candidate.words);
        names.set(candidate.key, info);
      }
      info.count++;
      info.forms.set(candidate.surface, (info.forms.get(candidate.surface) ?? 0) + 1);
      if (candidate.cue) info.cues[candidate.cue]++;
      info.acronym ||= candidate.acronym;
      info.place ??= candidate.place;
      if (candidate.defines) info.defines.add(candidate.defines);
      info.proper ||= candidate.proper;
    }
  }
  const resolution = resolveNames(names, registry, gazetteer);
  return { resolution, matcher: new NameMatcher(resolution), types: new Map(resolution.groups.map((group) => [group.id, group.type])) };
}

/**
 * The entities of the latest extraction, by id. An entity equal in every field to one of them is
 * handed back as that very record, so a watch session's pages see the same objects from one build
 * to the next and the render memo compares them by identity. Only equal records are swapped, so
 * any output is the same whichever extraction ran last.
 */
let latestEntities = new Map<string, Entity>();

function keepEntities(entities: Entity[]): Entity[] {
  const kept = entities.map((entity) => {
    const previous = latestEntities.get(entity.id);
    return previous && sameEntity(previous, entity) ? previous : entity;
  });
  latestEntities = new Map(kept.map((entity) => [entity.id, entity]));
  return kept;
}

/** Same keys in the same order, and every value equal: a string or number, or a list of strings or of flat records (the links). */
function sameEntity(a: Entity, b: Entity): boolean {
  return sameFlat(a, b, (x, y) => x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => item === y[i] || sameFlat(item, y[i], Object.is))));
}

function sameFlat(a: unknown, b: unknown, same: (x: unknown, y: unknown) => boolean): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, i) => key === otherKeys[i] && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Each article's tokens, in one scratch buffer (valid until the next call): the first time made and
 * kept in `kept`, compact; afterwards expanded from there.
 */
function tokenSource(words: WordTable, kept: { get(article: Article): KeptTokens | undefined; set(article: Article, tokens: KeptTokens): unknown }, isPlaceKey: (key: string) => boolean): (article: Article) => ArticleTokens {
  const buffer = new TokenBuffer(4096);
  return (article) => {
    const known = kept.get(article);
    if (known?.compact) {
      expandTokens(known.compact, buffer, known.units);
      return { units: known.units, data: buffer.data };
    }
    buffer.clear();
    const units = readUnits(article, buffer, words, isPlaceKey);
    if (!known) kept.set(article, { units, compact: compactTokens(buffer, units) });
    return { units: known?.units ?? units, data: buffer.data };
  };
}

/** The article's texts, their tokens appended to `buffer`. */
function readUnits(article: Article, buffer: TokenBuffer, words: WordTable, isPlaceKey: (key: string) => boolean): ReadUnit[] {
  return textUnits(article).map((unit) => {
    const first = buffer.length;
    tokenizeInto(buffer, unit.text, isPlaceKey, words);
    return { ...unit, first, end: buffer.length };
  });
}

/**
 * One article's entities on its own, with no archive to learn from: what a user gets for a single
 * dropped-in article, and the per-article probe `npm run bench` times on the BBC corpus.
 */
export function extractArticleEntities(article: Article, registry: Registry = EMPTY_REGISTRY): EntityExtraction {
  return extractEntities([article], registry);
}

/** The mentions of one article (its texts' tokens packed in `data`): names matched, then ambiguous short names settled by the article's other mentions. */
function articleMentions(articleId: string, units: readonly ReadUnit[], data: Int32Array, keys: readonly string[], matcher: NameMatcher, types: ReadonlyMap<string, EntityType>, surfaces: Interner): Mention[] {
  const found = units.flatMap((unit) => matcher.findNames(data, unit.first, unit.end, keys).map((match) => ({ unit, match })));
  const certain = new Set(found.filter(({ match }) => match.entityIds.length === 1).map(({ match }) => match.entityIds[0]));
  const mentions: Mention[] = [];
  for (const { unit, match } of found) {
    const candidates = match.entityIds.length === 1 ? match.entityIds : match.entityIds.filter((id) => certain.has(id));
    // A short name several people share is linked only when exactly one of them is named in full here.
    if (candidates.length !== 1) continue;
    if (usedAsAdjective(data, unit.end, keys, match.first, match.last) && types.get(candidates[0] as string) !== 'person') continue;
    const start = data[match.first * SLOTS] as number;
    const end = data[match.last * SLOTS + 1] as number;
    mentions.push({ entityId: candidates[0] as string, articleId, blockAnchor: unit.blockAnchor, surface: surfaces.get(unit.text.slice(start, end)), start: unit.offset + start, end: unit.offset + end });
  }
  return mentions;
}

/** `European rival`, `Islamist state`: a one-word name like an adjective, before a lower-case word, describes rather than names. `end` ends the text's tokens. */
function usedAsAdjective(data: Int32Array, end: number, keys: readonly string[], first: number, last: number): boolean {
  if (first !== last || last + 1 >= end) return false;
  const word = data[first * SLOTS + 3] as number;
  const next = data[(last + 1) * SLOTS + 3] as number;
  return (word & 3) === TITLE && ADJECTIVE_ENDING.test(keys[data[first * SLOTS + 2] as number] as string) && (next & JOINED) !== 0 && (next & 3) === LOWER;
}

/** Position of each article in the listing order: newest first, undated last, then by title and id (as the link stage lists them). */
function articleOrder(articles: readonly Article[]): Map<string, number> {
  const sorted = [...articles].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return new Map(sorted.map((article, index) => [article.id, index]));
}
