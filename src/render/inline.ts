/**
 * Renders InlineText to HTML. Formatting, entity links and sentence anchors are all ranges over the
 * plain text; this walks the text once, opening and closing tags at range boundaries so the result
 * always nests correctly even when ranges cross (a crossing range is closed and reopened). Text is
 * escaped here and nowhere else, so no article text can ever become markup.
 */
import type { InlineText, Mark } from '../types.js';
import { escapeHtml } from './escape.js';

/** A range to wrap in a tag. Lower `layer` nests outside higher ones. */
export interface HtmlRange {
  /** First code unit covered. */
  start: number;
  /** First code unit after the range. */
  end: number;
  /** Opening tag for the range's first fragment (may carry an `id`). */
  open: string;
  /** Opening tag for later fragments when the range must be split to nest; defaults to `open`. */
  reopen?: string;
  /** Closing tag. */
  close: string;
  /** Nesting order: 0 outermost (sentence anchors), 1 links, 2 formatting. */
  layer: number;
}

const MARK_TAGS: Record<Exclude<Mark['kind'], 'link'>, string> = { strong: 'strong', em: 'em', code: 'code', del: 'del' };

/** The ranges of an InlineText's own marks. */
export function markRanges(content: InlineText): HtmlRange[] {
  return content.marks.map((mark) => {
    if (mark.kind === 'link') {
      const href = escapeHtml(mark.href ?? '#');
      return { start: mark.start, end: mark.end, open: `<a href="${href}" rel="nofollow noopener">`, close: '</a>', layer: 1 };
    }
    const tag = MARK_TAGS[mark.kind];
    return { start: mark.start, end: mark.end, open: `<${tag}>`, close: `</${tag}>`, layer: 2 };
  });
}

/** True when two ranges share at least one character. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Renders `content` with its marks plus `extra` ranges (entity links, sentence anchors). */
export function renderInline(content: InlineText, extra: readonly HtmlRange[] = []): string {
  const { text } = content;
  const ranges = [...markRanges(content), ...extra].filter((range) => range.end > range.start && range.start >= 0 && range.end <= text.length);
  if (ranges.length === 0) return textToHtml(text);
  const order = (a: HtmlRange, b: HtmlRange) => a.layer - b.layer || a.start - b.start || b.end - a.end;
  ranges.sort(order);
  const points = [...new Set([0, text.length, ...ranges.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b);
  const opened = new Set<HtmlRange>();
  let stack: HtmlRange[] = [];
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const active = ranges.filter((range) => range.start <= from && range.end >= to);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep] === active[keep]) keep++;
    for (let j = stack.length - 1; j >= keep; j--) html += stack[j]!.close;
    for (const range of active.slice(keep)) {
      html += opened.has(range) ? (range.reopen ?? range.open) : range.open;
      opened.add(range);
    }
    stack = active;
    html += textToHtml(text.slice(from, to));
  }
  for (let j = stack.length - 1; j >= 0; j--) html += stack[j]!.close;
  return html;
}

function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}
