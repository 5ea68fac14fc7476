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
import { holdsAny, unitCandidates, type ArticleTokens, type EntityMemo, type KeptTokens, type ReadUnit, type ResolvedNames } from './entityMemo.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { ADJECTIVE_ENDING } from './lexicon.js';
import { NameMatcher } from './matcher.js';
import { EMPTY_REGISTRY, type Registry } from './registry.js';
import { entityRecord, sameEntity } from './entityRecords.js';
import { newNameInfo, resolveNames, type EntityGroup, type NameInfo } from './resolve.js';
import { JOINED, LOWER, SLOTS, TITLE, unpackTokens, type WordTable } from './packedTokens.js';
import { tokenSource } from './articleTokens.js';
import { PackedMentions, type MentionList } from './packedMentions.js';
import { newWordTable, type Token } from './tokens.js';

export { EntityMemo } from './entityMemo.js';

/** The list of an article whose mentions all went in an edit's build (see `mentionsByArticle`). */
const NO_MENTIONS: Mention[] = [];

/** What `extractEntities` returns. */
export interface EntityExtraction {
  /** Every entity mentioned at least once, sorted by id. */
  entities: Entity[];
  /** Every mention, by article id, then block order, then offset: packed in a cold build; with a watch session's memo, a plain list made when first read. */
  mentions: MentionList;
  /**
   * With a watch session's memo: the same mentions, one list per article that has any, by article
   * id (in the order of `mentions`), each the very list of last build while the article's are the
   * same, so the link stage can tell them at a glance. An edit's build changes last build's map in
   * place (an article whose mentions all went keeps its place, with an empty list).
   */
  mentionsByArticle?: Map<string, Mention[]>;
  /**
   * With a watch session's memo: the ids of the articles whose list in `mentionsByArticle` is not
   * the very list the link stage last read (new, changed or gone; see `EntityMemo.mentionsChanged`).
   * The link stage empties it once it has read them.
   */
  mentionsChanged?: Set<string>;
  /** Notes about the registry (entries never mentioned). */
  diagnostics: Diagnostic[];
}

/**
 * Finds and resolves the entities of the whole archive. Deterministic whatever the order of
 * `articles`; `memo` only saves work. `betweenArticles` is called before each article's tokens are
 * read, on every pass: the build feeds its event thread from there (see `EventThread.topUp`).
 */
export function extractEntities(articles: readonly Article[], registry: Registry, memo?: EntityMemo, betweenArticles?: () => void): EntityExtraction {
  const gazetteer = loadGazetteer();
  const isPlaceKey = (key: string): boolean => gazetteer.countryWords.has(key);
  const sorted = memo ? memo.sortedById(articles) : [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // An edit's build (every id as last build's, a few records replaced): the other articles' tokens, candidates and mentions are last build's.
  const replaced = memo?.replaced ?? null;
  const words = memo?.words ?? newWordTable();
  // Without a memo the tokens are kept (compact, about 8 bytes a word) only until this call returns.
  const readTokens = tokenSource(words, memo?.tokens ?? new Map<Article, KeptTokens>(), isPlaceKey, memo !== undefined);
  const tokensOf = betweenArticles
    ? (article: Article): ArticleTokens => {
        betweenArticles();
        return readTokens(article);
      }
    : readTokens;

  // Each pass unpacks one article's tokens at a time into a scratch buffer.
  const stats = memo ? memo.countWords(sorted, tokensOf, replaced ?? undefined) : countAll(sorted, tokensOf, words.keys);
  const judge = judgeWords(stats);
  const checked = memo?.checkedCount();
  // Every candidate name tallied as its text is read (a watch session's memo tallies its own): the candidates themselves are let go at once.
  const names = new Map<string, NameInfo>();
  // An unchanged article's candidates are its last ones, tallied already, unless it asked about a word whose answer changed: in an edit's build only the replaced records and those are looked at.
  const visit = replaced && checked ? (checked.flipped.length === 0 ? replaced : [...new Set([...replaced, ...memo!.askedAbout(checked)])]) : sorted;
  for (const article of visit) {
    // An unchanged article whose texts were all checked at the count before, when that count changed no answer: its last lists.
    const kept = memo && checked ? memo.keptCandidates(article, checked) : null;
    if (kept) {
      memo!.tallyCandidates(article, kept);
      continue;
    }
    let expanded: ArticleTokens | null = null;
    const tokensNow = (): ArticleTokens => (expanded ??= tokensOf(article));
    const units = memo?.tokens.get(article)?.units ?? tokensNow().units;
    const own: Candidate[][] = [];
    for (const unit of units) {
      if (unit.role !== 'body') continue;
      const tokens = (): Token[] => unpackTokens(unit.text, tokensNow().data, unit.first, unit.end, words.keys);
      own.push(memo && checked ? unitCandidates(memo, checked, unit, tokens, judge, gazetteer) : findCandidates(unit.text, tokens(), judge, gazetteer));
    }
    if (memo) {
      memo.tallyCandidates(article, own);
      if (checked) memo.noteCandidates(article, own, checked, units);
    } else for (const list of own) tallyNames(names, list);
  }

  // The names, merged: the same names (summed over the archive) and registry as the last build's give the same resolution.
  let resolved: ResolvedNames;
  const previous = memo?.lastNames ?? null;
  if (memo) {
    const changed = memo.settleNames(sorted, replaced !== null);
    resolved = (!changed && memo.lastNames?.registry === registry ? memo.lastNames : null) ?? memo.sameMatching(resolvedFrom(memo.names(), registry, gazetteer));
    memo.lastNames = { registry, ...resolved };
  } else {
    resolved = resolvedFrom(names, registry, gazetteer);
  }
  const { resolution, matcher, types } = resolved;
  // A new matcher: only the articles holding a word that starts a name it matches differently can find other mentions.
  const changed = memo && previous && previous.matcher !== matcher ? changedFirstWords(previous, resolved, words) : null;
  // A cold build's mentions, packed as each article's are found (see `PackedMentions`), and what each entity's record needs of them.
  const mentions = new PackedMentions();
  const mentioned = new Map<string, MentionTally>();
  // The same matcher as last build's, in an edit's build: only the replaced records can have other mentions, and last build's map by article is changed in place.
  const inPlace = memo && replaced && previous?.matcher === matcher && memo.byArticle ? memo.byArticle : null;
  const mentionsByArticle = inPlace ?? (memo ? new Map<string, Mention[]>() : null);
  // Names as written repeat across the archive, and mentions are held to the end of the build: one copy of each.
  const surfaces = new Interner();
  /** True when an article that had no list now has mentions: its list must go in its place, so the map is made again. */
  let unplaced = false;
  for (const article of inPlace ? replaced! : sorted) {
    const kept = memo?.mentions.get(article);
    if (kept && (kept.matcher === matcher || (changed && kept.matcher === previous?.matcher && !holdsAny(memo!.keysOf.get(article), changed)))) {
      if (kept.matcher !== matcher) memo!.mentions.set(article, { matcher, mentions: kept.mentions });
      if (kept.mentions.length > 0) mentionsByArticle!.set(article.id, kept.mentions);
      continue;
    }
    const { units, data } = tokensOf(article);
    if (memo && !memo.keysOf.has(article)) memo.keysOf.set(article, distinctKeys(data, units));
    let own = articleMentions(article.id, units, data, words.keys, matcher, types, surfaces);
    // The same mentions as before (a new matcher that finds the same here) stay the very same list, so later steps see nothing changed.
    if (kept && sameMentions(kept.mentions, own)) own = kept.mentions;
    // A list the link stage has not read: an unchanged record keeps its list, so only these need reading.
    if (own !== kept?.mentions) memo?.mentionsChanged.add(article.id);
    memo?.mentions.set(article, { matcher, mentions: own });
    if (inPlace) {
      // An article whose mentions all went keeps its place with an empty list.
      if (inPlace.has(article.id)) inPlace.set(article.id, own.length > 0 ? own : NO_MENTIONS);
      else if (own.length > 0) unplaced = true;
    } else if (mentionsByArticle) {
      if (own.length > 0) mentionsByArticle.set(article.id, own);
    } else {
      mentions.push(article.id, own);
      tallyMentions(mentioned, own);
    }
  }
  if (inPlace && unplaced) {
    inPlace.clear();
    for (const article of sorted) {
      const own = memo!.mentions.get(article)!.mentions;
      if (own.length > 0) inPlace.set(article.id, own);
    }
  }
  if (memo) memo.byArticle = mentionsByArticle;

  const diagnostics: Diagnostic[] = [];
  const unmentioned = (group: EntityGroup): void => {
    if (group.registry) diagnostics.push(diagnostic('note', registry.file, `"${group.name}" is not mentioned in any article.`, { line: group.registry.line, hint: 'Check its spelling and aliases, or remove it.' }));
  };
  // A watch session makes again only the records of the entities an edit touched.
  if (memo) {
    const byArticle = mentionsByArticle!;
    // Every mention in one list is made only when asked for: a watch session's stages read them by article.
    let flat: Mention[] | null = null;
    return {
      entities: memo.records.entities(sorted, (article) => memo.mentions.get(article)!.mentions, resolution.groups, unmentioned, inPlace ? replaced! : undefined),
      get mentions() {
        return (flat ??= flatMentions(byArticle));
      },
      mentionsByArticle: byArticle,
      mentionsChanged: memo.mentionsChanged,
      diagnostics,
    };
  }

  const order = articleOrder(sorted);
  const entities: Entity[] = [];
  for (const group of resolution.groups) {
    const own = mentioned.get(group.id);
    if (!own) unmentioned(group);
    else entities.push(entityRecord(group, own.surfaces, own.count, [...own.articles].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))));
  }
  return { entities: keepEntities(entities), mentions, diagnostics };
}

/** What an entity's record reads of its mentions (see `entityRecord`). */
interface MentionTally {
  /** How many there are. */
  count: number;
  /** The names as written. */
  surfaces: Set<string>;
  /** The ids of the articles they are in. */
  articles: Set<string>;
}

/** Adds one article's mentions to the tallies of their entities. */
function tallyMentions(tallies: Map<string, MentionTally>, mentions: readonly Mention[]): void {
  for (const mention of mentions) {
    let tally = tallies.get(mention.entityId);
    if (!tally) tallies.set(mention.entityId, (tally = { count: 0, surfaces: new Set(), articles: new Set() }));
    tally.count++;
    tally.surfaces.add(mention.surface);
    tally.articles.add(mention.articleId);
  }
}

/** The mentions by article one list after another: every mention, in article order. */
function flatMentions(byArticle: ReadonlyMap<string, readonly Mention[]>): Mention[] {
  const mentions: Mention[] = [];
  for (const list of byArticle.values()) for (const mention of list) mentions.push(mention);
  return mentions;
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

/**
 * Adds one text's candidates to the names of the archive (`names`, by key). Candidates are tallied
 * as each text is read, in article order, so the stage never holds them all: at 16,000 articles
 * they were 186 of the 353 MiB the stage held before the names were merged.
 */
function tallyNames(names: Map<string, NameInfo>, candidates: readonly Candidate[]): void {
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

/** The names merged into entities, with the matcher and types the mention pass needs. */
function resolvedFrom(names: ReadonlyMap<string, NameInfo>, registry: Registry, gazetteer: Gazetteer): ResolvedNames {
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

/**
 * One article's entities on its own, with no archive to learn from: what a user gets for a single
 * dropped-in article, and the per-article probe `npm run bench` times on the BBC corpus.
 */
export function extractArticleEntities(article: Article, registry: Registry = EMPTY_REGISTRY): EntityExtraction {
  return extractEntities([article], registry);
}

/**
 * The numbers of the first words of every name `after` matches differently from `before`: its
 * entity ids, its allowed shapes, or the kind of one of its entities differ (or it is new or gone).
 * The matcher finds a name only from a token with that name's first word, and the mention pass reads
 * nothing else of the names, so an article without any of these words finds the very same mentions.
 */
function changedFirstWords(before: ResolvedNames, after: ResolvedNames, words: WordTable): Int32Array {
  const kinds = new Set<string>();
  for (const [id, type] of after.types) if (before.types.get(id) !== type) kinds.add(id);
  for (const id of before.types.keys()) if (!after.types.has(id)) kinds.add(id);
  const firsts = new Set<string>();
  const note = (key: string) => firsts.add(key.split(' ')[0] as string);
  const a = after.resolution;
  const b = before.resolution;
  for (const [key, ids] of a.lookup) {
    const old = b.lookup.get(key);
    if (!old || old.length !== ids.length || old.some((id, i) => id !== ids[i]) || ids.some((id) => kinds.has(id))) note(key);
  }
  for (const [key, ids] of b.lookup) if (!a.lookup.has(key) || ids.some((id) => kinds.has(id))) note(key);
  for (const [key, shapes] of a.shapes) {
    const old = b.shapes.get(key);
    if (!old || old.size !== shapes.size || [...shapes].some((shape) => !old.has(shape))) note(key);
  }
  for (const key of b.shapes.keys()) if (!a.shapes.has(key)) note(key);
  const numbers = [...firsts].map((word) => words.numberOf(word)).filter((n): n is number => n !== undefined);
  return Int32Array.from(numbers).sort();
}

/** The distinct key numbers of an article's tokens, sorted. */
function distinctKeys(data: Int32Array, units: readonly ReadUnit[]): Int32Array {
  const seen = new Set<number>();
  for (const unit of units) for (let i = unit.first; i < unit.end; i++) seen.add(data[i * SLOTS + 2] as number);
  return Int32Array.from(seen).sort();
}


/** Same mentions in the same order, field by field. */
function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i] as Mention;
    return x.entityId === y.entityId && x.articleId === y.articleId && x.blockAnchor === y.blockAnchor && x.surface === y.surface && x.start === y.start && x.end === y.end;
  });
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
