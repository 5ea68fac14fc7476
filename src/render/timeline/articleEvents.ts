/**
 * The timeline on article pages: each sentence that states an event gets an anchor (a range
 * rendered as `<span id="s-p-3-2">`), and the page lists the article's events.
 */
import { articleCountOf, sourceAnchorsIn } from '../../extract/events/compactEvents.js';
import { articleSentences } from '../../extract/events/sentences.js';
import { indexTimeline } from '../../link/timeline.js';
import type { Article, TimelineEvent } from '../../types.js';
import { escapeHtml } from '../escape.js';
import type { HtmlRange } from '../inline.js';
import type { ArticleExtras } from '../pages/articlePages.js';
import type { RenderContext } from '../renderContext.js';
import { eventDateLabel, eventStatus, eventViewInputs } from './eventView.js';

/** One event as an article page lists it. */
export interface ArticleEventView {
  /** The record itself. */
  event: TimelineEvent;
  /** The date as a reader reads it (`eventDateLabel`). */
  dateLabel: string;
  /** `(expected)` for an event its report placed in the future, else ''. */
  status: string;
  /** The anchor of the sentence on this page that states it. */
  here: string;
  /** How many other articles report it. */
  others: number;
}

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
      const anchors = new Set(events.flatMap((e) => sourceAnchorsIn(e, article.id)));
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
    // Only what `partials/article-events.njk` shows: no view of each report, which would make every
    // article page of a much-reported event walk all its reports (quadratic in them).
    const views = (): ArticleEventView[] =>
      events.map((event) => ({
        event,
        dateLabel: eventDateLabel(event),
        status: eventStatus(event),
        here: sourceAnchorsIn(event, article.id)[0] ?? '',
        others: articleCountOf(event) - 1,
      }));
    return { inputs: eventViewInputs(ctx, events), rangesFor: (blockAnchor) => rangesOf().get(blockAnchor) ?? [], vars: () => ({ events: views() }) };
  };
}
