/**
 * The timeline on article pages: each sentence that states an event gets an anchor (a range
 * rendered as `<span id="s-p-3-2">`), and the page lists the article's events.
 */
import { articleSentences } from '../../extract/events/sentences.js';
import { indexTimeline } from '../../link/timeline.js';
import type { Article } from '../../types.js';
import { escapeHtml } from '../escape.js';
import type { HtmlRange } from '../inline.js';
import type { ArticleExtras } from '../pages/articlePages.js';
import type { RenderContext } from '../renderContext.js';
import { eventViewInputs, eventViews } from './eventView.js';

/** Per-article extras for `articlePages`: sentence anchors in the body and an `events` list. */
export function timelineArticleExtras(ctx: RenderContext): (article: Article) => ArticleExtras {
  const { byArticle } = indexTimeline(ctx.archive.events);
  return (article) => {
    const events = byArticle.get(article.id) ?? [];
    if (events.length === 0) return { inputs: [], vars: () => ({ events: [] }) };
    /** Sentence anchors by block, made on the first call (only when the page is rendered). */
    let ranges: Map<string, HtmlRange[]> | null = null;
    const rangesOf = (): Map<string, HtmlRange[]> => {
      if (ranges) return ranges;
      ranges = new Map();
      const anchors = new Set(events.flatMap((e) => e.sources.filter((s) => s.articleId === article.id).map((s) => s.anchor)));
      for (const sentence of articleSentences(article)) {
        if (!anchors.has(sentence.anchor) || sentence.anchor === sentence.blockAnchor) continue;
        const list = ranges.get(sentence.blockAnchor) ?? [];
        list.push({
          start: sentence.start,
          end: sentence.end,
          open: `<span class="event-sentence" id="${escapeHtml(sentence.anchor)}">`,
          reopen: '<span class="event-sentence">',
          close: '</span>',
          layer: 0,
        });
        ranges.set(sentence.blockAnchor, list);
      }
      return ranges;
    };
    const views = () =>
      eventViews(ctx.archive, events).map((view) => ({
        ...view,
        here: view.event.sources.find((s) => s.articleId === article.id)?.anchor ?? '',
        others: view.event.articles.length - 1,
      }));
    return { inputs: eventViewInputs(ctx, events), rangesFor: (blockAnchor) => rangesOf().get(blockAnchor) ?? [], vars: () => ({ events: views() }) };
  };
}
