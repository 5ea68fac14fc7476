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
  /** Each entity's last list. */
  private lists = new Map<string, E[]>();

  /**
   * Every entity's list, given each article's entries (`entries`: every article naming a known
   * entity, each with the very map of last build when unchanged) and each article's place in the listing.
   */
  update(entities: readonly Entity[], entries: ReadonlyMap<Article, ReadonlyMap<string, E>>, position: ReadonlyMap<string, number>): Map<string, E[]> {
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
    for (const [article, last] of this.counted) {
      if (entries.has(article)) continue;
      this.uncount(article, last, dirty);
      this.counted.delete(article);
    }
    const lists = new Map<string, E[]>();
    for (const entity of entities) {
      let list = this.lists.get(entity.id);
      if (!list || dirty.has(entity.id)) {
        const own = [...(this.byEntity.get(entity.id)?.values() ?? [])];
        list = own.sort((a, b) => (position.get(a.article.id) ?? 0) - (position.get(b.article.id) ?? 0));
      }
      lists.set(entity.id, list);
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
