/**
 * A watch session's link stage. Its first build, and any build after articles came or went, links
 * the whole archive (`linkEntities` with the session's memo) and keeps the maps by article. A build
 * where every article kept its id (an edit: a few records replaced) changes those maps in place,
 * for the articles it may have changed alone: the records replaced, and the articles whose mentions
 * are other lists (the entity stage tells which, see `EntityMemo.mentionsChanged`). At 16,000
 * articles, making each map of every article again took ~100 ms an edit. Either way what changed
 * is logged for the render (see `ArticleChangeLog`).
 */
import type { Article, Mention } from '../types.js';
import type { Archive, Neighbours } from './archive.js';
import type { ArticleChanges } from './articleChanges.js';
import type { Extracted } from './buildArchive.js';
import { changedKeys } from './lists.js';
import { replacedRecords } from '../text/replaced.js';
import { linkEntities, type KeptArchive, type LinkMemo } from './linkEntities.js';
import { noteRelated, updateEntityIndex } from './updateEntityIndex.js';

/** The archive of a watch build (see the file's comment); what `buildArchive` gives without a memo, the mentions read through. */
export function linkWatched(articles: readonly Article[], extracted: Extracted, memo: LinkMemo): Archive {
  const byArticle = extracted.mentionsByArticle;
  const replaced = byArticle && extracted.mentionsChanged && memo.kept ? replacedRecords(memo.given, articles) : null;
  const archive = replaced ? linkChanged(articles, replaced, byArticle!, extracted, memo) : linkWhole(articles, extracted, memo);
  memo.given = articles.slice();
  // The lists read: the next build's are told against these.
  extracted.mentionsChanged?.clear();
  return archive;
}

/** Links the whole archive, and logs what changed against the maps last kept (none before the first build). */
function linkWhole(articles: readonly Article[], extracted: Extracted, memo: LinkMemo): Archive {
  const ordered = [...memo.listing.of(articles)];
  const neighbours = new Map<string, Neighbours>();
  ordered.forEach((article, index) => {
    neighbours.set(article.id, { previous: ordered[index + 1] ?? null, next: ordered[index - 1] ?? null });
  });
  const articleById = new Map(ordered.map((article) => [article.id, article]));
  const byArticle = extracted.mentionsByArticle;
  const index = linkEntities(ordered, extracted.entities, byArticle ? [] : extracted.mentions, memo, undefined, byArticle, articleById);
  const now: KeptArchive = { articleById, neighbours, index };
  const changes = memo.kept ? changesBetween(memo.kept, now) : null;
  memo.kept = now;
  memo.relatedBy.clear();
  for (const [id, list] of index.related) noteRelated(memo.relatedBy, id, undefined, list);
  return { articles: ordered, articleById, neighbours, entities: [...memo.names.of(extracted.entities)], entityIndex: index, events: extracted.events, changes: { log: memo.log, version: memo.log.add(changes) } };
}

/** What changed from one build's maps by article to another's (the render compared them so before they were kept). */
function changesBetween(last: KeptArchive, now: KeptArchive): ArticleChanges {
  const records = new Map<string, Article | undefined>();
  for (const id of changedKeys(last.articleById, now.articleById)) records.set(id, last.articleById.get(id));
  const pages = new Set<string>();
  // Neighbour records are made anew each time: compared by the articles they name.
  for (const [id, around] of now.neighbours) {
    const before = last.neighbours.get(id);
    if (!before || before.previous !== around.previous || before.next !== around.next) pages.add(id);
  }
  for (const id of changedKeys(last.index.bodyLinks, now.index.bodyLinks)) pages.add(id);
  for (const id of changedKeys(last.index.ofArticle, now.index.ofArticle)) pages.add(id);
  for (const id of changedKeys(last.index.related, now.index.related)) pages.add(id);
  return { records, pages };
}

/** An edit's archive: every article kept its id, and `replaced` are the records that are new (see the file's comment). */
function linkChanged(articles: readonly Article[], replaced: readonly Article[], byArticle: ReadonlyMap<string, Mention[]>, extracted: Extracted, memo: LinkMemo): Archive {
  const kept = memo.kept!;
  const lastSorted = memo.listing.last;
  const sorted = memo.listing.of(articles);
  const records = new Map<string, Article | undefined>();
  const pages = new Set<string>();
  for (const article of replaced) {
    records.set(article.id, kept.articleById.get(article.id));
    kept.articleById.set(article.id, article);
  }
  // An article's neighbours change only where the listing holds another record than last build's, or beside such a place.
  if (sorted !== lastSorted) {
    const around = new Set<number>();
    for (let i = 0; i < sorted.length; i++) if (sorted[i] !== lastSorted[i]) around.add(i - 1).add(i).add(i + 1);
    for (const i of around) {
      const article = sorted[i];
      if (!article) continue;
      const previous = sorted[i + 1] ?? null;
      const next = sorted[i - 1] ?? null;
      const before = kept.neighbours.get(article.id);
      if (before && before.previous === previous && before.next === next) continue;
      kept.neighbours.set(article.id, { previous, next });
      pages.add(article.id);
    }
  }
  const touched = new Set(extracted.mentionsChanged);
  for (const article of replaced) touched.add(article.id);
  const ordered = [...sorted];
  const index = updateEntityIndex(ordered, extracted.entities, byArticle, memo, kept.index, kept.articleById, touched, replaced.map((article) => article.id), pages);
  kept.index = index;
  return { articles: ordered, articleById: kept.articleById, neighbours: kept.neighbours, entities: [...memo.names.of(extracted.entities)], entityIndex: index, events: extracted.events, changes: { log: memo.log, version: memo.log.add({ records, pages }) } };
}
