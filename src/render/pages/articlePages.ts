/** One page per article: headline, metadata, contents, body, embedded posts, neighbours. */
import type { Neighbours } from '../../link/archive.js';
import type { Article } from '../../types.js';
import type { Page, SiteItem } from '../page.js';
import { renderBlocks, type RangesFor } from '../renderBlocks.js';
import { droppedGroup, groupKey, groupPages, renderPageFrom, type RenderContext } from '../renderContext.js';
import { touchedArticles } from './touchedArticles.js';

/**
 * Extra per-article template variables and body ranges, contributed by later stages (entities,
 * timeline). Ranges and variables are made only when the page is rendered: in a watch session most
 * pages are reused from their `inputs` alone (see `renderPageFrom`).
 */
export interface ArticleExtras {
  /** Every record the ranges and variables are made from, besides the article and the settings (a record left out would leave stale pages in a watch session). */
  inputs: readonly unknown[];
  /** Ranges (entity links, sentence anchors) to add to the article's body text. */
  rangesFor?: RangesFor;
  /** More template variables. */
  vars?: () => Record<string, unknown>;
}

/**
 * Renders each article's page only when the one before it has been taken, so they are written one
 * by one. In a watch build that knows what an edit touched, only the touched articles' pages are
 * made (or named as gone); the writer leaves every other article's page as it is on disk.
 */
export function* articlePages(ctx: RenderContext, extrasFor: (article: Article) => ArticleExtras = () => ({ inputs: [] })): Generator<SiteItem> {
  const touched = touchedArticles(ctx);
  if (!touched) {
    for (const article of ctx.archive.articles) yield* pagesOfArticle(ctx, article, extrasFor);
    return;
  }
  for (const id of touched) {
    const article = ctx.archive.articleById.get(id);
    if (article) yield* pagesOfArticle(ctx, article, extrasFor);
    else yield droppedGroup(ctx, groupKey('article', id));
  }
}

/** An article's page: a group of one page, so a watch build can leave it on disk when the article is untouched. */
function pagesOfArticle(ctx: RenderContext, article: Article, extrasFor: (article: Article) => ArticleExtras): Iterable<Page> {
  const extras = extrasFor(article);
  const neighbours = ctx.archive.neighbours.get(article.id) ?? { previous: null, next: null };
  const inputs = [article, neighbours.previous, neighbours.next, extras.inputs];
  return groupPages(ctx, groupKey('article', article.id), inputs, () => [articlePage(ctx, article, neighbours, extras, inputs)]);
}

/** One article's page, made from `inputs` (see `renderPageFrom`). */
function articlePage(ctx: RenderContext, article: Article, neighbours: Neighbours, extras: ArticleExtras, inputs: readonly unknown[]): Page {
  return renderPageFrom(ctx, 'article.njk', article.url, inputs, () => ({
    title: article.title,
    article,
    body: renderBlocks(article.blocks, extras.rangesFor),
    previous: neighbours.previous,
    next: neighbours.next,
    ...extras.vars?.(),
  }));
}

/** Joins the extras of several stages (entity links, sentence anchors): inputs and ranges add up, variables merge. */
export function combineArticleExtras(...sources: Array<(article: Article) => ArticleExtras>): (article: Article) => ArticleExtras {
  return (article) => {
    const extras = sources.map((source) => source(article));
    return {
      inputs: extras.map((extra) => extra.inputs),
      rangesFor: (blockAnchor) => extras.flatMap((extra) => extra.rangesFor?.(blockAnchor) ?? []),
      vars: () => Object.assign({}, ...extras.map((extra) => extra.vars?.() ?? {})),
    };
  };
}
