/** Which mentions become links in article bodies. */
import type { Article, Mention } from '../types.js';
import { groupBy, sameItems, type Store } from './lists.js';
import { bodyLinksCodec, type ArticleBodyLinks } from './packedBodyLinks.js';
import { PackedPerArticle } from './packedPerArticle.js';

/** Body links by article id: a watch session's maps (kept by identity from build to build), or a cold build's, packed. */
export type BodyLinks = ReadonlyMap<string, ArticleBodyLinks>;

/**
 * Each article's body links, by article id, with a watch session's `memo`: an article whose
 * mentions are the very ones of last build keeps its very map (the render compares them by identity).
 */
export function bodyLinksOf(articles: readonly Article[], mentionsOf: ReadonlyMap<string, readonly Mention[]>, memo: Store<Article, { mentions: readonly Mention[]; links: Map<string, Mention[]> }>): Map<string, Map<string, Mention[]>> {
  const result = new Map<string, Map<string, Mention[]>>();
  for (const article of articles) {
    const own = mentionsOf.get(article.id) ?? [];
    const kept = memo.get(article);
    if (kept && sameItems(kept.mentions, own)) {
      result.set(article.id, kept.links);
      continue;
    }
    const links = linksOfArticle(article, own);
    result.set(article.id, links);
    memo.set(article, { mentions: own, links });
  }
  return result;
}

/** A cold build's body links (nothing kept for a next build): packed, an article's map made when asked for (see `PackedPerArticle`). */
export function packedBodyLinksOf(articles: readonly Article[], mentionsOf: ReadonlyMap<string, readonly Mention[]>): PackedPerArticle<ArticleBodyLinks> {
  const packed = new PackedPerArticle(bodyLinksCodec());
  for (const article of articles) packed.set(article.id, linksOfArticle(article, mentionsOf.get(article.id) ?? []));
  return packed;
}

/**
 * The first mention of each entity in each section (headings start sections), in paragraphs only,
 * by block anchor: read from the article's blocks and its mentions (`own`) alone.
 */
function linksOfArticle(article: Article, own: readonly Mention[]): Map<string, Mention[]> {
  const byBlock = groupBy(own, (m) => m.blockAnchor);
  const links = new Map<string, Mention[]>();
  let linked = new Set<string>();
  for (const block of article.blocks) {
    if (block.type === 'heading') linked = new Set();
    if (block.type !== 'paragraph') continue;
    const chosen: Mention[] = [];
    for (const mention of [...(byBlock.get(block.anchor) ?? [])].sort((a, b) => a.start - b.start)) {
      if (linked.has(mention.entityId)) continue;
      linked.add(mention.entityId);
      chosen.push(mention);
    }
    if (chosen.length > 0) links.set(block.anchor, chosen);
  }
  return links;
}
