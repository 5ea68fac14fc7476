/**
 * A watch edit's entity index: last build's maps by article changed in place for the articles the
 * edit may have changed (see `linkWatched.ts`), and the reverse index of related articles that
 * tells which articles list an edited record.
 */
import type { Article, Entity, Mention } from '../types.js';
import { bodyLinksOf } from './bodyLinks.js';
import { watchedMap } from './packedPerArticle.js';
import { sameItems, topK } from './lists.js';
import { relatedOf } from './relatedArticles.js';
import { appearancesOf, articlesOfChanged, coMention, MAX_CO_MENTIONS, rankEntities, type CoMention, type EntityIndex, type LinkMemo, type RelatedArticle } from './linkEntities.js';

/**
 * A watch edit's entity index: `index` (last build's, kept in `memo`) with its maps by article
 * changed in place, for the only articles an edit may have changed: those given a new record or
 * other mentions (`touched`), and those naming an entity whose record changed. Related articles
 * are looked at for those and for the articles listing a replaced record (`replaced`, see
 * `LinkMemo.relatedBy`). Every article keeps its id (the caller checks), so the archive's size,
 * which weighs related articles, is the same. Adds to `pages` the ids of the articles whose body
 * links, entities by type or related articles changed. Gives what `linkEntities` gives.
 */
export function updateEntityIndex(
  articles: readonly Article[],
  entities: readonly Entity[],
  byArticle: ReadonlyMap<string, Mention[]>,
  memo: LinkMemo,
  index: EntityIndex,
  articleById: ReadonlyMap<string, Article>,
  touched: Iterable<string>,
  replaced: readonly string[],
  pages: Set<string>,
): EntityIndex {
  const changes = memo.entities.next(entities);
  const { byId } = changes;
  memo.names.of(entities);
  const nameRank = memo.names.ranks();
  const byName = (a: string, b: string): number => nameRank.get(a)! - nameRank.get(b)!;
  const position = sameItems(memo.listing.last, articles) ? memo.listing.ranks() : new Map(articles.map((article, i) => [article.id, i]));
  const stale = articlesOfChanged(changes);
  const look = new Set(touched);
  for (const id of stale) look.add(id);
  // The index's maps by article are changed in place.
  const ofArticle = watchedMap(index.ofArticle);
  const named = watchedMap(index.named);
  const keptRelated = watchedMap(index.related);
  // The known mentions of the articles looked at (those with none are left out, as `knownMentions` leaves them).
  const mentionsOf = new Map<string, Mention[]>();
  for (const id of look) {
    const list = articleById.has(id) ? byArticle.get(id) : undefined;
    let last = list && memo.known.get(id);
    if (!list) memo.known.delete(id);
    else if (!last || last.list !== list || stale.has(id)) memo.known.set(id, (last = { list, known: list.filter((m) => byId.has(m.entityId)) }));
    const known = last && last.known.length > 0 ? last.known : undefined;
    if (!known) {
      memo.ranked.delete(id);
      if (ofArticle.delete(id)) pages.add(id);
      named.delete(id);
      continue;
    }
    mentionsOf.set(id, known);
    let ranked = memo.ranked.get(id);
    if (!(ranked && sameItems(ranked.mentions, known) && !stale.has(id))) memo.ranked.set(id, (ranked = rankEntities(known, byId, byName)));
    if (ofArticle.get(id) !== ranked.groups) ofArticle.set(id, ranked.groups), pages.add(id);
    named.set(id, ranked.named);
  }
  const rankRow = (row: ReadonlyMap<string, number>): CoMention[] =>
    topK(row, MAX_CO_MENTIONS, (x, y) => y[1] - x[1] || byName(x[0], y[0])).map(([other, n]) => coMention(byId.get(other)!, n, memo.coMentions));
  const coMentions = memo.coMentionTally.update(memo.ranked, changes.changed, rankRow, look);
  const appearances = appearancesOf(entities, mentionsOf, articleById, position, memo, undefined, changes, look);
  // Related articles: those looked at, and those listing a record the edit replaced.
  const relate = new Set(look);
  for (const id of replaced) for (const other of memo.relatedBy.get(id) ?? []) relate.add(other);
  const related = relatedOf(
    [...relate].flatMap((id) => articleById.get(id) ?? []),
    memo.ranked,
    byId,
    byName,
    memo.related,
    articleById,
    articles.length,
  );
  for (const [id, list] of related) {
    const before = keptRelated.get(id);
    if (before === list) continue;
    keptRelated.set(id, list);
    pages.add(id);
    noteRelated(memo.relatedBy, id, before, list);
  }
  const links = bodyLinksOf([...look].flatMap((id) => articleById.get(id) ?? []), mentionsOf, memo.bodyLinks);
  const bodyLinks = watchedMap(index.bodyLinks);
  for (const [id, own] of links) if (bodyLinks.get(id) !== own) bodyLinks.set(id, own), pages.add(id);
  return { byId, ofArticle: index.ofArticle, appearances, coMentions, related: index.related, bodyLinks: index.bodyLinks, named: index.named };
}

/** Moves article `id` in the reverse index of related articles from the articles of `before` to those of `after`. */
export function noteRelated(relatedBy: Map<string, Set<string>>, id: string, before: readonly RelatedArticle[] | undefined, after: readonly RelatedArticle[]): void {
  for (const { article } of before ?? []) {
    const by = relatedBy.get(article.id);
    by?.delete(id);
    if (by?.size === 0) relatedBy.delete(article.id);
  }
  for (const { article } of after) {
    let by = relatedBy.get(article.id);
    if (!by) relatedBy.set(article.id, (by = new Set()));
    by.add(id);
  }
}
