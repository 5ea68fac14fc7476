/**
 * Each entity's appearances (its articles, in listing order, with the sentences naming it) as a
 * watch session keeps them: an article's entries are made from that article and its mentions
 * alone, so a build puts in the entries of the articles whose entries changed, takes out those of
 * the articles gone, and sorts again only the lists of the entities those entries name. Two unchanged
 * articles keep their order in the listing (it changes only with a record, and a changed record
 * makes new entries), so every other list stays as it was.
 */
import type { Article, Entity } from '../types.js';

/** What an appearance list holds of an article: the article itself first. */
interface Entry {
  /** The article. */
  article: Article;
}

export class AppearanceTally<E extends Entry> {
  /** Each article's entries as last counted, by entity id. */
  private readonly counted = new Map<Article, ReadonlyMap<string, E>>();
  /** Each entity's entries, by article. */
  private readonly byEntity = new Map<string, Map<Article, E>>();
  /** The lists last given, by entity id (never changed once given: a build that changes any gives a copy). */
  private lists: Map<string, E[]> | null = null;

  /**
   * Every entity's list, given the entities by id (`byId`), the ids of those whose record is new,
   * changed or gone since the last call (`changed`), each article's entries (`entries`: every
   * article naming a known entity, each with the very map of last build when unchanged) and each
   * article's place in the listing. Only the lists of the entities whose entries changed are sorted
   * again; with nothing changed, the very map of the last call comes back.
   */
  update(byId: ReadonlyMap<string, Entity>, changed: Iterable<string>, entries: ReadonlyMap<Article, ReadonlyMap<string, E>>, position: ReadonlyMap<string, number>): Map<string, E[]> {
    const dirty = new Set<string>();
    for (const [article, own] of entries) {
      const last = this.counted.get(article);
      if (last === own) continue;
      if (last) this.uncount(article, last, dirty);
      for (const [id, entry] of own) {
        dirty.add(id);
        let articles = this.byEntity.get(id);
        if (!articles) this.byEntity.set(id, (articles = new Map()));
        articles.set(article, entry);
      }
      this.counted.set(article, own);
    }
    if (this.counted.size > entries.size) {
      for (const [article, last] of this.counted) {
        if (entries.has(article)) continue;
        this.uncount(article, last, dirty);
        this.counted.delete(article);
      }
    }
    // An entity that came or went gets or loses its list (an entity named nowhere lists nothing).
    for (const id of changed) if (!this.lists?.has(id) || !byId.has(id)) dirty.add(id);
    if (this.lists && dirty.size === 0) return this.lists;
    // A copy of the last map (the render compares the two), or every entity's list on the first call.
    const lists = this.lists ? new Map(this.lists) : new Map<string, E[]>();
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

  private uncount(article: Article, last: ReadonlyMap<string, E>, dirty: Set<string>): void {
    for (const id of last.keys()) {
      dirty.add(id);
      const articles = this.byEntity.get(id)!;
      articles.delete(article);
      if (articles.size === 0) this.byEntity.delete(id);
    }
  }
}
