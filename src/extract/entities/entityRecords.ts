/**
 * The entity records of a watch session, kept from build to build: each entity's record reads only
 * its group (id, name, type, registry entry), its mentions (surfaces, articles, how many) and the
 * listing order of its articles, so a build makes again only the records of the entities whose
 * mentions changed (an article added, gone, edited, or found to mention other entities) or whose
 * group did. An article's place in the listing changes only with its record, and a changed record
 * makes its entities' records again: the order of every other entity's articles is unchanged.
 *
 * `extract.ts` makes the records of a cold build the same way, all at once (`entityRecord` is shared).
 */
import { compareArticles, samePlace } from '../../link/articleOrder.js';
import type { Article, Entity, Mention } from '../../types.js';
import type { EntityGroup } from './resolve.js';
import { lowerBound } from '../../text/lowerBound.js';

/** One article's mentions as last counted, and the same mentions by entity id. */
interface Counted {
  /** The article record they were counted for. */
  article: Article;
  /** The article's mentions (the very list the build gave). */
  list: readonly Mention[];
  /** Its mentions of each entity. */
  byEntity: Map<string, Mention[]>;
}

export class EntityRecords {
  /** Each article's mentions as last counted, by article id (an edited article's new record finds its old one here). */
  private readonly counted = new Map<string, Counted>();
  /** Each entity's mentions, by article. */
  private readonly byEntity = new Map<string, Map<Article, Mention[]>>();
  /** Each entity's last record and the group it was made from. */
  private records = new Map<string, { group: EntityGroup; entity: Entity }>();
  /** The groups of the last build (the resolution's own list). */
  private groups: readonly EntityGroup[] | null = null;
  /** The same by id. */
  private groupById = new Map<string, EntityGroup>();
  /** Those with a registry entry (a note says when one is never mentioned). */
  private registryGroups: EntityGroup[] = [];
  /** The records last given, in the groups' order. */
  private given: Entity[] = [];

  /**
   * The records of `groups` (sorted by id) that have mentions, in that order; `mentionsOf` gives each
   * article's mentions (the same list as last build for an article whose mentions are unchanged).
   * `unmentioned` is told of each group without any mention.
   */
  entities(sorted: readonly Article[], mentionsOf: (article: Article) => readonly Mention[], groups: readonly EntityGroup[], unmentioned: (group: EntityGroup) => void, only?: readonly Article[]): Entity[] {
    const dirty = new Set<string>();
    // Every article of `sorted` is in `counted` after this loop: more there means some are gone (only then is the set of every id made).
    // `only`: the only articles whose record or mentions may have changed (an edit's, with every id as last build's).
    for (const article of only ?? sorted) {
      const list = mentionsOf(article);
      const last = this.counted.get(article.id);
      if (last?.list === list && last.article === article) continue;
      const byEntity = new Map<string, Mention[]>();
      for (const mention of list) {
        const own = byEntity.get(mention.entityId);
        if (own) own.push(mention);
        else byEntity.set(mention.entityId, [mention]);
      }
      if (last) this.recount(last, article, byEntity, dirty);
      else this.count(article, byEntity, dirty);
      this.counted.set(article.id, { article, list, byEntity });
    }
    if (!only && this.counted.size > sorted.length) {
      const current = new Set(sorted.map((article) => article.id));
      for (const [id, last] of this.counted) {
        if (current.has(id)) continue;
        this.uncount(last.article, last.byEntity, dirty);
        this.counted.delete(id);
      }
    }

    if (groups === this.groups) return this.update(dirty, unmentioned);
    const entities: Entity[] = [];
    const records = new Map<string, { group: EntityGroup; entity: Entity }>();
    for (const group of groups) {
      const kept = this.records.get(group.id);
      if (kept && !dirty.has(group.id) && sameGroup(kept.group, group)) {
        entities.push(kept.entity);
        records.set(group.id, { group, entity: kept.entity });
        continue;
      }
      const byArticle = this.byEntity.get(group.id);
      if (!byArticle || byArticle.size === 0) {
        unmentioned(group);
        continue;
      }
      const made = recordOf(group, byArticle);
      const entity = kept && sameEntity(kept.entity, made) ? kept.entity : made;
      entities.push(entity);
      records.set(group.id, { group, entity });
    }
    this.records = records;
    this.groups = groups;
    this.groupById = new Map(groups.map((group) => [group.id, group]));
    this.registryGroups = groups.filter((group) => group.registry);
    this.given = entities;
    return entities;
  }

  /**
   * The same groups as last build (the resolution was reused): only the `dirty` entities' records
   * are made again, and merged by id into the last list (the groups' order).
   */
  private update(dirty: ReadonlySet<string>, unmentioned: (group: EntityGroup) => void): Entity[] {
    for (const group of this.registryGroups) if (!this.byEntity.has(group.id)) unmentioned(group);
    if (dirty.size === 0) return this.given;
    const made: Entity[] = [];
    for (const id of dirty) {
      const group = this.groupById.get(id);
      const byArticle = this.byEntity.get(id);
      const kept = this.records.get(id);
      if (!group || !byArticle) {
        this.records.delete(id);
        continue;
      }
      const record = recordOf(group, byArticle);
      const entity = kept && sameEntity(kept.entity, record) ? kept.entity : record;
      this.records.set(id, { group, entity });
      made.push(entity);
    }
    made.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // No record gone (each dirty id made one): then none is new either when each is found in place.
    const replaced = made.length === dirty.size ? replacedIn(this.given, made) : null;
    if (replaced) return (this.given = replaced);
    const entities: Entity[] = [];
    let j = 0;
    for (const entity of this.given) {
      if (dirty.has(entity.id)) continue;
      while (j < made.length && made[j]!.id < entity.id) entities.push(made[j++]!);
      entities.push(entity);
    }
    while (j < made.length) entities.push(made[j++]!);
    this.given = entities;
    return entities;
  }

  /** Adds an article's mentions by entity, marking their entities changed. */
  private count(article: Article, byEntity: ReadonlyMap<string, Mention[]>, dirty: Set<string>): void {
    for (const [id, own] of byEntity) {
      dirty.add(id);
      let articles = this.byEntity.get(id);
      if (!articles) this.byEntity.set(id, (articles = new Map()));
      articles.set(article, own);
    }
  }

  /** Takes out an article's mentions by entity, marking their entities changed. */
  private uncount(article: Article, byEntity: ReadonlyMap<string, Mention[]>, dirty: Set<string>): void {
    for (const id of byEntity.keys()) {
      dirty.add(id);
      const articles = this.byEntity.get(id)!;
      articles.delete(article);
      if (articles.size === 0) this.byEntity.delete(id);
    }
  }

  /**
   * Counts an article again (`last` is what was counted for its id). An entity it names as before
   * (as many mentions, the same surfaces) keeps its record when the article keeps its place in the
   * listing (same date, title and id, see `compareArticles`): the record reads nothing else of the
   * article. So an edit that leaves an entity's mentions alone makes no new record of it, and does
   * not walk (nor sort) the articles of an entity named in thousands.
   */
  private recount(last: Counted, article: Article, byEntity: ReadonlyMap<string, Mention[]>, dirty: Set<string>): void {
    if (!samePlace(last.article, article)) {
      this.uncount(last.article, last.byEntity, dirty);
      this.count(article, byEntity, dirty);
      return;
    }
    for (const id of last.byEntity.keys()) {
      if (byEntity.has(id)) continue;
      dirty.add(id);
      const articles = this.byEntity.get(id)!;
      articles.delete(last.article);
      if (articles.size === 0) this.byEntity.delete(id);
    }
    for (const [id, own] of byEntity) {
      let articles = this.byEntity.get(id);
      if (!articles) this.byEntity.set(id, (articles = new Map()));
      const before = last.byEntity.get(id);
      if (!before || !sameSurfaces(before, own)) dirty.add(id);
      articles.delete(last.article);
      articles.set(article, own);
    }
  }
}

/** As many mentions, with the same surfaces in the same order (what a record reads of one article's mentions of it). */
function sameSurfaces(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.surface !== b[i]!.surface) return false;
  return true;
}

/**
 * `given` (sorted by id) with each of `made` put in place of the record of its id, when every one
 * has one there: the usual edit, which changes some records and adds or drops none. Each is found by
 * binary search, so the records the edit did not touch are never read. `given` itself when each
 * record made is the one there already; null when some record is new (the caller merges them).
 */
function replacedIn(given: readonly Entity[], made: readonly Entity[]): Entity[] | null {
  let copy: Entity[] | null = null;
  for (const entity of made) {
    const low = lowerBound(0, given.length, (i) => given[i]!.id < entity.id);
    if (given[low]?.id !== entity.id) return null;
    if (given[low] !== entity) (copy ??= given.slice())[low] = entity;
  }
  return copy ?? (given as Entity[]);
}

/** An entity's record from its group and its mentions by article. */
function recordOf(group: EntityGroup, byArticle: ReadonlyMap<Article, readonly Mention[]>): Entity {
  const own = [...byArticle.values()].flat();
  return entityRecord(group, own.map((mention) => mention.surface), own.length, [...byArticle.keys()].sort(compareArticles).map((article) => article.id));
}

/** An entity's record from its group, the names its mentions wrote (in any order, repeats allowed), how many mentions, and the ids of its articles in listing order (each once). */
export function entityRecord(group: EntityGroup, surfaces: Iterable<string>, mentions: number, articles: string[]): Entity {
  const aliases = new Set([...(group.registry?.aliases ?? []), ...surfaces]);
  aliases.delete(group.name);
  return {
    id: group.id,
    url: `entities/${group.id}/`,
    name: group.name,
    type: group.type,
    aliases: [...aliases].sort((a, b) => a.localeCompare(b, 'en')),
    description: group.registry?.description ?? null,
    links: group.registry?.links.map((link) => ({ ...link })) ?? [],
    articles,
    mentions,
  };
}

/** What an entity's record reads of its group. */
function sameGroup(a: EntityGroup, b: EntityGroup): boolean {
  return a.id === b.id && a.name === b.name && a.type === b.type && a.registry === b.registry;
}

/** Same keys in the same order, and every value equal: a string or number, or a list of strings or of flat records (the links). */
export function sameEntity(a: Entity, b: Entity): boolean {
  return sameFlat(a, b, (x, y) => x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => item === y[i] || sameFlat(item, y[i], Object.is))));
}

function sameFlat(a: unknown, b: unknown, same: (x: unknown, y: unknown) => boolean): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, i) => key === otherKeys[i] && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
