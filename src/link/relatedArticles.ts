/**
 * Related articles, from an inverted index (entity → articles): each article adds, for each of its
 * entities, the entity's rarity weight to every other article naming it. Entities in more than
 * `COMMON_SHARE` of the archive are skipped, which keeps the step far from quadratic on big
 * archives (their weight is near zero anyway).
 */
import type { Article, Entity } from '../types.js';
import type { RelatedArticle } from './linkEntities.js';
import { sameItems, topK, type Store } from './lists.js';
import type { PerArticle } from './packedPerArticle.js';

/** Related articles listed per article. */
const MAX_RELATED = 5;
/** Entities named by more than this share of the articles carry no signal for relatedness. */
const COMMON_SHARE = 0.2;
/** …and so are entities named by more than this many articles, whatever the archive's size. */
const COMMON_LIMIT = 150;

/** An article's related articles as last listed, and their inputs. */
export interface KeptRelated {
  /** Number of articles in the archive then (it weighs the entities). */
  total: number;
  /** The article's count of entities then (see `RankedEntities`). */
  count: Map<string, number> | undefined;
  /** The article's entities then, in the order counted. */
  entities: Entity[];
  /** The list made. */
  list: RelatedArticle[];
}

/** Each article's related articles, best first; with `memo`, an article whose inputs are unchanged gets its last list back. */
export function relatedOf(
  articles: readonly Article[],
  /** Each article's count of entities (see `RankedEntities`), by article id. */
  counted: ReadonlyMap<string, { readonly count: Map<string, number> }>,
  byId: Map<string, Entity>,
  byName: (a: string, b: string) => number,
  memo?: Store<Article, KeptRelated>,
  articleById: ReadonlyMap<string, Article> = new Map(articles.map((article) => [article.id, article])),
  /** Number of articles in the archive (`articles` may be a few of them: those a watch edit may have changed). */
  archiveSize = articles.length,
  /** Where the lists go, an article at a time (a cold build's are packed, see `PackedPerArticle`). */
  result: PerArticle<RelatedArticle[]> = new Map(),
): ReadonlyMap<string, RelatedArticle[]> {
  const total = Math.max(archiveSize, 1);
  const weight = (entity: Entity): number => Math.log((total + 1) / entity.articles.length);
  for (const article of articles) {
    // Scores read only the article's entities (each entity's record lists its articles) and the
    // archive's size: with the very same records and size, and the listed articles still the
    // current records, the list is the one it was (name ranks keep their order between two entities).
    // The very same count (a watch session gives an article's back while its mentions and their records are unchanged) means the same records.
    const count = counted.get(article.id)?.count;
    const kept = memo?.get(article);
    const entities = memo && !(kept && kept.count === count) ? [...(count?.keys() ?? [])].map((id) => byId.get(id)!) : (kept?.entities ?? []);
    if (kept && kept.total === total && (kept.count === count || sameItems(kept.entities, entities)) && kept.list.every((related) => articleById.get(related.article.id) === related.article)) {
      result.set(article.id, kept.list);
      continue;
    }
    // Scores first, in numbers only; the shared entities are listed for the best few alone.
    const scores = new Map<string, number>();
    const shareable: Entity[] = [];
    for (const id of count?.keys() ?? []) {
      const entity = byId.get(id)!;
      if (entity.articles.length < 2 || (entity.articles.length > Math.min(COMMON_SHARE * total, COMMON_LIMIT) && total >= 20)) continue;
      shareable.push(entity);
      const w = weight(entity);
      for (const other of entity.articles) if (other !== article.id) scores.set(other, (scores.get(other) ?? 0) + w);
    }
    const list = topK(scores, MAX_RELATED, (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .filter(([id]) => articleById.has(id))
      .map(([id, score]) => ({
        article: articleById.get(id)!,
        score,
        shared: shareable.filter((entity) => entity.articles.includes(id)).sort((a, b) => a.articles.length - b.articles.length || byName(a.id, b.id)).slice(0, 5),
      }));
    result.set(article.id, list);
    memo?.set(article, { total, count, entities, list });
  }
  return result;
}
