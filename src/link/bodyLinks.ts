/** Which mentions become links in article bodies. */
import type { Article, Mention } from '../types.js';
import { groupBy, sameItems, type Store } from './lists.js';

/** The first mention of each entity in each section (headings start sections), in paragraphs only. */
export function bodyLinksOf(articles: readonly Article[], mentionsOf: ReadonlyMap<string, readonly Mention[]>, memo?: Store<Article, { mentions: readonly Mention[]; links: Map<string, Mention[]> }>): Map<string, Map<string, Mention[]>> {
  const result = new Map<string, Map<string, Mention[]>>();
  for (const article of articles) {
    // Read from the article's blocks and its mentions alone.
    const own = mentionsOf.get(article.id) ?? [];
    const kept = memo?.get(article);
    if (kept && sameItems(kept.mentions, own)) {
      result.set(article.id, kept.links);
      continue;
    }
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
    result.set(article.id, links);
    memo?.set(article, { mentions: own, links });
  }
  return result;
}
