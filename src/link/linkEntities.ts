/**
 * Links entities into the archive: which entities each article names (by type), the sentences that
 * name each entity, which entities appear together, related articles, and which mentions become
 * links in article bodies. Pure; every list has a fixed order so output never depends on input order.
 *
 * Related articles come from an inverted index (`relatedArticles.ts`), body links from each
 * article's own mentions (`bodyLinks.ts`).
 */
import type { Article, Block, Entity, Mention } from '../types.js';
import { AppearanceTally } from './appearanceTally.js';
import { groupsOf, type EntityGroupOfType } from './entityGroups.js';
import { CoMentionTally, type RankRow } from './coMentionTally.js';
import { compareArticles } from './articleOrder.js';
import { bodyLinksOf, packedBodyLinksOf, type BodyLinks } from './bodyLinks.js';
import { sameItems, topK, type Store } from './lists.js';
import type { MentionList } from '../extract/entities/packedMentions.js';
import { knownOfList } from './knownMentions.js';
import { PackedPerArticle, RecordNumbers, type PerArticle } from './packedPerArticle.js';
import { entityGroupsCodec, entityListCodec, relatedCodec } from './packedEntityLists.js';
import { compareByName, KeptOrder } from './nameOrder.js';
import { EntityHistory, type EntityChanges } from './entityChanges.js';
import { relatedOf, type KeptRelated } from './relatedArticles.js';
import { articleEntries, type BlockSentence } from './appearanceEntries.js';
import { ArticleChangeLog } from './articleChanges.js';
import type { Neighbours } from './archive.js';

export { ENTITY_TYPES, type EntityGroupOfType } from './entityGroups.js';

/** An article related to another by the entities they share. */
export interface RelatedArticle {
  /** The related article. */
  article: Article;
  /** Sum of the rarity weights of the shared entities. */
  score: number;
  /** The shared entities, rarest first (at most five). */
  shared: Entity[];
}

/** An entity named together with another one. */
export interface CoMention {
  /** The other entity. */
  entity: Entity;
  /** Number of articles naming both. */
  articles: number;
}

/** A sentence that names an entity. */
export interface MentionSentence {
  /** Anchor of the block that holds it (`p-3`), for a link to the spot. */
  blockAnchor: string;
  /** The sentence. */
  text: string;
}

/** The sentences of one article that name an entity. */
export interface EntityInArticle {
  /** The article. */
  article: Article;
  /** The sentences, in reading order (at most `MAX_SENTENCES`, see `appearanceEntries.ts`). */
  sentences: MentionSentence[];
  /** How many sentences there were in all. */
  total: number;
}

/** Everything pages need to show entities and link through them. */
export interface EntityIndex {
  /** Entities by id. */
  byId: Map<string, Entity>;
  /** Each article's entities grouped by type (people, organisations, places, other), by article id. */
  ofArticle: ReadonlyMap<string, EntityGroupOfType[]>;
  /** Each entity's articles (newest first) with the sentences naming it, by entity id. */
  appearances: Map<string, EntityInArticle[]>;
  /** Entities most often named with each entity, by entity id (at most `MAX_CO_MENTIONS`). */
  coMentions: Map<string, CoMention[]>;
  /** Related articles of each article, best first (at most five), by article id. */
  related: ReadonlyMap<string, RelatedArticle[]>;
  /** Mentions to turn into links, by article id then block anchor: the first of each entity per section, in paragraphs only (a cold build's packed, see `PackedPerArticle`). */
  bodyLinks: BodyLinks;
  /** The entities each article names, in order of first mention, by article id (in a watch session the same list while unchanged). */
  named: ReadonlyMap<string, Entity[]>;
}

/**
 * Somewhere a cold build keeps values out of memory until they are asked for (its `BodyStore`): the
 * sentences of the appearances, which are read once, when their entity's page is made, and would
 * otherwise be held from the link stage to the end (4,000 synthetic articles: 21 MiB).
 */
export interface ValueStore<P = unknown> {
  /** Keeps `value` (anything JSON keeps as it is); returns where. */
  put(value: unknown): P;
  /** The value kept at `place` (a copy). */
  get<T>(place: P): T;
}

/** What a cold build's ranked entities keep of their mentions (see `rankEntities`). */
const NO_MENTIONS: readonly Mention[] = Object.freeze([]);

/** Entities listed as appearing together with each entity. */
export const MAX_CO_MENTIONS = 10;
/** Articles with more entities than this count only their most mentioned ones for co-mentions. */
const MAX_ENTITIES_PER_ARTICLE = 25;

/**
 * What a watch session keeps from one link stage to the next (the dev server's build steps hold one),
 * so unchanged pages get the very same records and the render memo can compare them by identity:
 * each block's sentences, one view per sentence, one co-mention record per entity and count. The
 * keys are records an unchanged article or entity keeps from build to build. It also keeps what a
 * build changes by the records an edit changed instead of making it from every article: each
 * article's ranked entities, related articles and body links, the co-mention counts, the
 * appearance lists, and the orders of entities and articles. A cold build passes none and keeps
 * nothing after the stage.
 */
export class LinkMemo {
  /** Each block's sentences, each with its view. Never changed once made. */
  readonly sentencesOfBlock = new WeakMap<Block, BlockSentence[]>();
  /** Co-mention records by entity and count. */
  readonly coMentions = new WeakMap<Entity, Map<number, CoMention>>();
  /** Each article's related articles, with what they were scored from (see `relatedOf`). */
  readonly related = new WeakMap<Article, KeptRelated>();
  /** Each article's entries in its entities' appearances, with the mentions they were made from (see `appearancesOf`). */
  readonly appearances = new WeakMap<Article, { mentions: readonly Mention[]; entries: Map<string, EntityInArticle> }>();
  /** Each article's entities as the last build counted and ranked them, with the mentions they were counted from, by article id (changed in place by each build). */
  readonly ranked = new Map<string, RankedEntities>();
  /** Each article's mentions as the last build had them, and those of them naming known entities (see `knownMentions`), by article id (changed in place by each build). */
  readonly known = new Map<string, { list: Mention[]; known: Mention[] }>();
  /** The last build's entity records, to tell which changed (see `EntityHistory`). */
  readonly entities = new EntityHistory();
  /** Entities by name, from build to build. */
  readonly names = new KeptOrder<Entity>(compareByName);
  /** Articles in listing order, from build to build. */
  readonly listing = new KeptOrder<Article>(compareArticles);
  /** Co-mention counts, from build to build. */
  readonly coMentionTally = new CoMentionTally<CoMention[]>();
  /** Each entity's appearances, from build to build. */
  readonly appearanceTally = new AppearanceTally<EntityInArticle, readonly Mention[]>();
  /** Each article's body links, with the mentions they were chosen from. */
  readonly bodyLinks = new WeakMap<Article, { mentions: readonly Mention[]; links: Map<string, Mention[]> }>();
  /** The articles as the last link stage was given them, in that order (to tell the records an edit replaced). */
  given: readonly Article[] = [];
  /** The last archive's maps by article, changed in place by the next edit (see `linkWatched.ts`); null before the first build. */
  kept: KeptArchive | null = null;
  /** Which articles list each article among their related ones (article id → their ids): an edited record is listed anew by those alone. */
  readonly relatedBy = new Map<string, Set<string>>();
  /** What each build changed of the articles' maps, for the render (see `ArticleChangeLog`). */
  readonly log = new ArticleChangeLog();
}

/** The maps by article of the last archive a watch session linked. */
export interface KeptArchive {
  /** Articles by id. */
  articleById: Map<string, Article>;
  /** Each article's neighbours. */
  neighbours: Map<string, Neighbours>;
  /** The entity index (its maps by article are changed in place). */
  index: EntityIndex;
}

/** An article's entities: how often it names each, most named first, and by type. */
interface RankedEntities {
  /** The article's mentions they were counted from. */
  mentions: readonly Mention[];
  /** Mentions of each entity, by id, in order of first mention. */
  count: Map<string, number>;
  /** The entities, most mentioned first (ties by name). */
  list: Entity[];
  /** The same by type, as pages show them. */
  groups: EntityGroupOfType[];
  /** Ids of the entities co-mentions count (the most mentioned). */
  top: string[];
  /** The entities in order of first mention. */
  named: Entity[];
}

/** Builds the entity index. `articles` must already be in listing order (newest first); `memo` only keeps records' identity between builds. */
export function linkEntities(
  articles: readonly Article[],
  entities: readonly Entity[],
  mentions: MentionList,
  memo?: LinkMemo,
  store?: ValueStore,
  byArticle?: ReadonlyMap<string, Mention[]>,
  /** `articles` by id, when the caller has them so (the link stage's archive does). */
  articleById: ReadonlyMap<string, Article> = new Map(articles.map((article) => [article.id, article])),
): EntityIndex {
  // A watch session's memo tells which records changed since its last build, so the steps below go by those.
  const changes = memo?.entities.next(entities);
  const byId = changes?.byId ?? new Map(entities.map((entity) => [entity.id, entity]));
  // Alphabetical rank of each entity, so hot sorts compare numbers instead of calling localeCompare.
  const nameRank = memo ? (memo.names.of(entities), memo.names.ranks()) : new Map([...entities].sort(compareByName).map((entity, i) => [entity.id, i]));
  const byName = (a: string, b: string): number => nameRank.get(a)! - nameRank.get(b)!;
  // A watch session's listing order knows each article's place already (kept while an edit moves none).
  const position = memo && sameItems(memo.listing.last, articles) ? memo.listing.ranks() : new Map(articles.map((article, index) => [article.id, index]));
  const mentionsOf = byArticle ? knownMentions(byArticle, byId, articleById, memo, changes?.sameIds) : knownOfList(mentions, byId, articleById);
  // The articles naming an entity whose record changed (before or after): their ranked entities may hold the old record.
  const stale = changes ? articlesOfChanged(changes) : null;

  // Entities of each article with how often it names them, ranked (a watch session's memo gives back an unchanged article's).
  // The memo's map is changed in place: only the articles an edit touched are set again.
  const rankedOf = memo?.ranked ?? new Map<string, RankedEntities>();
  // A cold build's lists by article are packed (see `PackedPerArticle`); a watch session's are maps it changes in place.
  const entityNumbers = memo ? null : new RecordNumbers(entities);
  const ofArticle: PerArticle<EntityGroupOfType[]> = entityNumbers ? new PackedPerArticle(entityGroupsCodec(entityNumbers)) : new Map();
  const named: PerArticle<Entity[]> = entityNumbers ? new PackedPerArticle(entityListCodec(entityNumbers)) : new Map();
  for (const [articleId, list] of mentionsOf) {
    // Ranked entities read only the article's mentions and their records: the same list, none of whose records changed, ranks the same.
    let ranked = rankedOf.get(articleId);
    if (!(ranked && sameItems(ranked.mentions, list) && !stale!.has(articleId))) rankedOf.set(articleId, (ranked = rankEntities(list, byId, byName, memo !== undefined)));
    ofArticle.set(articleId, ranked.groups);
    named.set(articleId, ranked.named);
  }
  // Ids are unique: more entries than articles with mentions means some are gone (only then is each looked for). A cold build's map is new, with no others.
  if (memo && rankedOf.size > mentionsOf.size) for (const articleId of rankedOf.keys()) if (!mentionsOf.has(articleId)) rankedOf.delete(articleId);
  const records = memo?.coMentions ?? new Map<Entity, Map<number, CoMention>>();
  const rankRow = (row: ReadonlyMap<string, number>): CoMention[] =>
    topK(row, MAX_CO_MENTIONS, (x, y) => y[1] - x[1] || byName(x[0], y[0])).map(([other, n]) => coMention(byId.get(other)!, n, records));
  const coMentions = memo ? memo.coMentionTally.update(rankedOf, changes!.changed, rankRow) : coMentionPairs(rankedOf, rankRow);

  return {
    byId,
    ofArticle,
    appearances: appearancesOf(entities, mentionsOf, articleById, position, memo, store, changes),
    coMentions,
    related: relatedOf(articles, rankedOf, byId, byName, memo?.related, articleById, articles.length, entityNumbers ? new PackedPerArticle(relatedCodec(new RecordNumbers(articles), entityNumbers)) : new Map()),
    bodyLinks: memo ? bodyLinksOf(articles, mentionsOf, memo.bodyLinks) : packedBodyLinksOf(articles, mentionsOf),
    named,
  };
}

/**
 * An article's entities counted from its mentions (`list`) and ranked: most mentioned first, ties by
 * name. `keepList`: the record keeps `list`, for a watch session's memo to tell an unchanged one by;
 * a cold build's would hold every mention of the archive to the end of the stage.
 */
export function rankEntities(list: readonly Mention[], byId: ReadonlyMap<string, Entity>, byName: (a: string, b: string) => number, keepList = true): RankedEntities {
  const count = new Map<string, number>();
  for (const m of list) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
  const ranked = [...count]
    .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
    .map(([id]) => byId.get(id)!);
  const groups = groupsOf(ranked);
  const named = [...count.keys()].map((id) => byId.get(id)!);
  return { mentions: keepList ? list : NO_MENTIONS, count, list: ranked, groups, top: ranked.slice(0, MAX_ENTITIES_PER_ARTICLE).map((e) => e.id), named };
}

/**
 * The ids of the articles that name an entity whose record changed, came or went, by its record
 * before and after (each record lists the articles naming it, `Entity.articles`).
 */
export function articlesOfChanged(changes: EntityChanges): Set<string> {
  const ids = new Set<string>();
  for (const id of changes.changed) {
    for (const articleId of changes.before.get(id)?.articles ?? []) ids.add(articleId);
    for (const articleId of changes.byId.get(id)?.articles ?? []) ids.add(articleId);
  }
  return ids;
}

/**
 * The mentions of known entities and articles by article, from lists already grouped by article
 * (a watch session's): each list is passed on as it is (the very list of last build while unchanged)
 * unless it names an entity or article the archive does not hold. With a watch session's `memo`, a
 * list the last build checked is not checked again while the entity ids are the same (`sameIds`).
 */
function knownMentions(byArticle: ReadonlyMap<string, Mention[]>, byId: ReadonlyMap<string, Entity>, articleById: ReadonlyMap<string, Article>, memo?: LinkMemo, sameIds = false): Map<string, Mention[]> {
  const known = new Map<string, Mention[]>();
  // The memo's map is changed in place: only the lists an edit changed are checked and set again.
  const checked = memo?.known;
  let listed = 0;
  for (const [articleId, list] of byArticle) {
    if (!articleById.has(articleId)) continue;
    listed++;
    let last = checked?.get(articleId);
    if (!sameIds || !last || last.list !== list) {
      const all = list.every((m) => byId.has(m.entityId));
      last = { list, known: all ? list : list.filter((m) => byId.has(m.entityId)) };
      checked?.set(articleId, last);
    }
    if (last.known.length > 0) known.set(articleId, last.known);
  }
  // More entries than lists checked: some article is gone, or no longer in the archive.
  if (checked && checked.size > listed) for (const articleId of checked.keys()) if (!byArticle.has(articleId) || !articleById.has(articleId)) checked.delete(articleId);
  return known;
}

/**
 * Each entity's articles with the sentences naming it. Goes article by article, so that without a
 * watch session's memo only one article's sentences are held at a time; `mentionsOf` holds the
 * mentions of known entities and articles, by article, in text order. With a memo, each article's
 * entries are kept and the lists changed by the articles whose entries changed (`AppearanceTally`).
 */
export function appearancesOf(
  entities: readonly Entity[],
  mentionsOf: ReadonlyMap<string, Mention[]>,
  articleById: ReadonlyMap<string, Article>,
  position: ReadonlyMap<string, number>,
  memo?: LinkMemo,
  store?: ValueStore,
  changes?: EntityChanges,
  /** With a memo: the only articles whose record or mentions may have changed (see `AppearanceTally.update`). */
  only?: Iterable<string>,
): Map<string, EntityInArticle[]> {
  const entriesOf = (article: Article, found: readonly Mention[]): Map<string, EntityInArticle> => {
    // An entry is made from its article and that article's mentions alone: the same record and the
    // very same mentions (a watch session reuses an unchanged article's) give the same entries.
    const last = memo?.appearances.get(article);
    if (last && sameItems(last.mentions, found)) return last.entries;
    // Without a memo, one article's sentences at a time.
    const entries = articleEntries(article, found, memo?.sentencesOfBlock ?? new Map<Block, BlockSentence[]>(), memo ? undefined : store);
    memo?.appearances.set(article, { mentions: found, entries });
    return entries;
  };
  // The tally asks for the entries of only the articles whose record or mentions are not the very ones it last counted.
  if (memo) return memo.appearanceTally.update(changes!.byId, changes!.changed, mentionsOf, articleById, entriesOf, position, only);
  const placed = new Map<string, Array<{ at: number; entry: EntityInArticle }>>();
  for (const [articleId, found] of mentionsOf) {
    const at = position.get(articleId) ?? 0;
    for (const [entityId, entry] of entriesOf(articleById.get(articleId)!, found)) {
      const list = placed.get(entityId);
      if (list) list.push({ at, entry });
      else placed.set(entityId, [{ at, entry }]);
    }
  }
  const result = new Map<string, EntityInArticle[]>();
  for (const entity of entities) {
    const list = placed.get(entity.id) ?? [];
    list.sort((a, b) => a.at - b.at);
    result.set(entity.id, list.map(({ entry }) => entry));
  }
  return result;
}

/** One co-mention record per entity and count (see `LinkMemo`). */
export function coMention(entity: Entity, articles: number, records: Store<Entity, Map<number, CoMention>>): CoMention {
  let byCount = records.get(entity);
  if (!byCount) records.set(entity, (byCount = new Map()));
  let record = byCount.get(articles);
  if (!record) byCount.set(articles, (record = { entity, articles }));
  return record;
}

/** Each entity's most co-mentioned entities, counted from every article's top entities (`rankedOf`, by article id). */
function coMentionPairs(rankedOf: ReadonlyMap<string, { readonly top: readonly string[] }>, rank: RankRow<CoMention[]>): Map<string, CoMention[]> {
  const pairs = new Map<string, Map<string, number>>();
  for (const { top: ids } of rankedOf.values()) {
    for (const a of ids) {
      let row = pairs.get(a);
      if (!row) pairs.set(a, (row = new Map()));
      for (const b of ids) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  return new Map([...pairs].map(([id, row]) => [id, rank(row)]));
}
