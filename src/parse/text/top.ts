/**
 * The top of a scraped article: a headline line and a standalone dateline, in either order, before
 * the first body paragraph (chrome such as `Pages` has already been taken out, so the headline is
 * the first line that is neither chrome nor a dateline).
 */
import type { Precision, RemovedText } from '../../types.js';
import { parseDateline } from '../dates.js';
import { readsAsHeadline } from '../headline.js';
import { parseInlineText } from './inline.js';
import { normaliseTitle } from './lineShape.js';
import { removal, type Segment } from './segments.js';

/** How many leading segments may hold the headline and dateline. */
const TOP_SEGMENTS = 3;

/** What was found at the top of the body. */
export interface ArticleTop {
  /** The headline line, or null. */
  headline: { text: string; line: number } | null;
  /** The dateline, or null. */
  dateline: { date: string; precision: Precision; line: number } | null;
  /** The body without them. */
  segments: Segment[];
}

/**
 * Takes the headline and the dateline off the top. With a `knownTitle` (from front matter) the
 * first line is the headline only when it repeats that title; without one, when it reads as a
 * headline (`readsAsHeadline`).
 */
export function takeArticleTop(
  segments: readonly Segment[],
  knownTitle: string | null,
  removed: RemovedText[],
): ArticleTop {
  const top: ArticleTop = { headline: null, dateline: null, segments: [...segments] };
  let headlineConsidered = false;
  for (let taken = 0; taken < TOP_SEGMENTS; taken++) {
    const first = top.segments[0];
    if (first === undefined || first.kind !== 'text') break;
    const dateline = top.dateline === null ? parseDateline(first.text) : null;
    if (dateline !== null) {
      top.dateline = { ...dateline, line: first.line };
      removed.push(removal('dateline', [first.text], first.line));
    } else if (!headlineConsidered) {
      headlineConsidered = true;
      const isHeadline =
        knownTitle !== null ? normaliseTitle(first.text) === normaliseTitle(knownTitle) : readsAsHeadline(first.text);
      if (!isHeadline) break;
      top.headline = { text: parseInlineText(first.text).text, line: first.line };
      removed.push(removal('headline', [first.text], first.line));
    } else {
      break;
    }
    top.segments.shift();
  }
  return top;
}
