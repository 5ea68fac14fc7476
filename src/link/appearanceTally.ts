/**
 * Each entity's appearances (its articles, in listing order, with the sentences naming it) as a
 * watch session keeps them: an article's entries are made from that article and its mentions
 * alone, so a build puts in the entries of the articles whose entries changed, takes out those of
 * the articles gone, and sorts again only the lists of the entities those entries name. Two unchanged
 * articles keep their order in the listing (it changes only with a record, and a changed record
 * makes new entries), so every other list stays as it was.
 */
import type { Article, Entity } from '../types.js';
import { samePlace } from './articleOrder.js';

/** What an appearance list holds of an article: the article itself first. */
interface Entry {
  /** The article. */
  article: Article;
}

export class AppearanceTally<E extends Entry, M = unknown> {
  /** Each article's entries as last counted, with the record and what they were made from (see `update`), by article id (an edited article's new record finds its old one here). */
  private readonly counted = new Map<string, { article: Article; from: M; own: ReadonlyMap<string, E> }>();
  /** Each entity's entries, by article. */
  private readonly byEntity = new Map<string, Map<Article, E>>();
  /** The lists last given, by entity id (never changed once given: a build that changes any gives a copy). */
  private lists: Map<string, E[]> | null = null;

  /**
   * Every entity's list, given the entities by id (`byId`), the ids of those whose record is new,
   * changed or gone since the last call (`changed`), what each article's entries are made from
   * (`sources`: every article naming a known entity, by id, with its mentions), the articles by id,
   * `entriesOf` (a function of the article record and that source, giving the very map of last build
   * when both are unchanged; not asked while they are the very same) and each article's place in the
   * listing. Only the lists of the entities whose entries changed are made again: an entry replaced
   * by one of the same article at the same place in the listing (an edit that moved it nowhere) is
   * put where the old one was; other changes sort the list again. With nothing changed, the very map
   * of the last call comes back. `only`: the ids of the only articles whose record or source may
   * have changed since the last call (an article not in `sources` is then gone only if listed there).
   */
  update(
    byId: ReadonlyMap<string, Entity>,
    changed: Iterable<string>,
    sources: ReadonlyMap<string, M>,
    articleById: ReadonlyMap<string, Article>,
    entriesOf: (article: Article, from: M) => ReadonlyMap<string, E>,
    position: ReadonlyMap<string, number>,
    only?: Iterable<string>,
  ): Map<string, E[]> {
    const dirty = new Set<string>();
    /** Entries replaced in place, by entity id: each the old entry and its replacement. */
    const replaced = new Map<string, Array<[E, E]>>();
    for (const articleId of only ?? sources.keys()) {
      const from = sources.get(articleId);
      const last = this.counted.get(articleId);
      if (from === undefined) {
        if (last) this.uncount(last.article, last.own, dirty), this.counted.delete(articleId);
        continue;
      }
      const article = articleById.get(articleId)!;
      if (last && last.article === article && last.from === from) continue;
      const own = entriesOf(article, from);
      if (last?.own === own) {
        last.article = article;
        last.from = from;
        continue;
      }
      if (last && samePlace(last.article, article)) this.recount(last.article, last.own, article, own, dirty, replaced);
      else {
        if (last) this.uncount(last.article, last.own, dirty);
        this.count(article, own, dirty);
      }
      this.counted.set(articleId, { article, from, own });
    }
    if (!only && this.counted.size > sources.size) {
      for (const [id, last] of this.counted) {
        if (sources.has(id)) continue;
        this.uncount(last.article, last.own, dirty);
        this.counted.delete(id);
      }
    }
    // An entity that came or went gets or loses its list (an entity named nowhere lists nothing).
    for (const id of changed) if (!this.lists?.has(id) || !byId.has(id)) dirty.add(id);
    if (this.lists && dirty.size === 0 && replaced.size === 0) return this.lists;
    // A copy of the last map (the render compares the two), or every entity's list on the first call.
    const lists = this.lists ? new Map(this.lists) : new Map<string, E[]>();
    if (this.lists) {
      for (const [id, pairs] of replaced) {
        if (dirty.has(id)) continue;
        const list: E[] | undefined = this.lists.get(id)?.slice();
        // Each old entry found where it was (a list without it is sorted again).
        for (const [old, now] of pairs) {
          const at = list ? list.indexOf(old) : -1;
          if (at < 0) {
            dirty.add(id);
            break;
          }
          list![at] = now;
        }
        if (!dirty.has(id)) lists.set(id, list!);
      }
    }
    for (const id of this.lists ? dirty : byId.keys()) {
      if (!byId.has(id)) {
        lists.delete(id);
        continue;
      }
      const own = [...(this.byEntity.get(id)?.values() ?? [])];
      lists.set(id, own.sort((a, b) => (position.get(a.article.id) ?? 0) - (position.get(b.article.id) ?? 0)));
    }
    this.lists = lists;
    return lists;
  }

  /** Adds an article's entries, marking their entities' lists to sort again. */
  private count(article: Article, own: ReadonlyMap<string, E>, dirty: Set<string>): void {
    for (const [id, entry] of own) {
      dirty.add(id);
      let articles = this.byEntity.get(id);
      if (!articles) this.byEntity.set(id, (articles = new Map()));
      articles.set(article, entry);
    }
  }

  /** Takes out an article's entries, marking their entities' lists to sort again. */
  private uncount(article: Article, last: ReadonlyMap<string, E>, dirty: Set<string>): void {
    for (const id of last.keys()) {
      dirty.add(id);
      const articles = this.byEntity.get(id)!;
      articles.delete(article);
      if (articles.size === 0) this.byEntity.delete(id);
    }
  }

  /**
   * Counts again an article that kept its place in the listing (`before` is its last record): an
   * entity it names before and after has its entry replaced in place (`replaced`); one it no longer
   * names or newly names has its list sorted again.
   */
  private recount(before: Article, last: ReadonlyMap<string, E>, article: Article, own: ReadonlyMap<string, E>, dirty: Set<string>, replaced: Map<string, Array<[E, E]>>): void {
    for (const [id, entry] of last) {
      const articles = this.byEntity.get(id)!;
      articles.delete(before);
      const now = own.get(id);
      if (now === undefined) {
        dirty.add(id);
        if (articles.size === 0) this.byEntity.delete(id);
        continue;
      }
      articles.set(article, now);
      if (now === entry) continue;
      const pairs = replaced.get(id);
      if (pairs) pairs.push([entry, now]);
      else replaced.set(id, [[entry, now]]);
    }
    for (const [id, entry] of own) {
      if (last.has(id)) continue;
      dirty.add(id);
      let articles = this.byEntity.get(id);
      if (!articles) this.byEntity.set(id, (articles = new Map()));
      articles.set(article, entry);
    }
  }
}
