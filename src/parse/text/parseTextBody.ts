/**
 * Recovers the structure of a scraped plain-text article body: headline and dateline at the top,
 * chrome and spam out, table of contents, headings, embedded posts and lists back in. Each rule is
 * its own module; this file only runs them in order. The order matters:
 * 1. chrome first, so it cannot hide the headline (`Pages` above the title) or the tail;
 * 2. embeds before anything that judges short lines, since a post's attribution line
 *    (`— Name (@handle) May 20, 2024`) looks like a related headline;
 * 3. the top (dateline, headline), then the table of contents, then the tail spam, then prompts;
 * 4. headings last among the rules, so a removed line never becomes one.
 */
import type { Block, Precision, RemovedText } from '../../types.js';
import { assembleBlocks } from './assemble.js';
import { removeChrome } from './chrome.js';
import { takeTableOfContents } from './contents.js';
import { recogniseEmbeds } from './embeds.js';
import { recoverHeadings } from './headings.js';
import { removeEngagementPrompts } from './prompts.js';
import { splitIntoSegments } from './layout.js';
import type { Segment } from './segments.js';
import { removeTrailingSpam, splitGluedListItems } from './tail.js';
import { takeArticleTop } from './top.js';

/** The recovered structure of a plain-text body. */
export interface TextBodyResult {
  /** Body blocks in reading order (paragraph, heading, list, embed), every `anchor` left as `''`. */
  blocks: Block[];
  /** Everything taken out (chrome, spam, table of contents, dateline, headline line), with reason and 1-based source line, in line order. */
  removed: RemovedText[];
  /** The first line, when it reads as a headline (or repeats `knownTitle`); it is then not part of the body. Emphasis markers are dropped from `text`. */
  headline: { text: string; line: number } | null;
  /** A standalone dateline near the top (`30 January 2024`), removed from the body. */
  dateline: { date: string; precision: Precision; line: number } | null;
  /** The entries of the table of contents as written, in order; empty when there was none. */
  contents: string[];
}

/**
 * Parses a plain-text body. `body` is the file text after any front matter, BOM stripped, LF line
 * endings; `firstLine` is the 1-based line number of its first line in the file; `knownTitle` is the
 * front matter title if any: a first line equal to it (quotes, white space and case normalised) is
 * removed as the headline.
 */
export function parseTextBody(body: string, firstLine: number, knownTitle: string | null): TextBodyResult {
  const removed: RemovedText[] = [];
  let segments: Segment[] = splitIntoSegments(body, firstLine);
  segments = removeChrome(segments, removed);
  segments = recogniseEmbeds(segments);
  const top = takeArticleTop(segments, knownTitle, removed);
  const contents = takeTableOfContents(top.segments, removed);
  segments = splitGluedListItems(contents.segments);
  segments = removeTrailingSpam(segments, removed);
  segments = removeEngagementPrompts(segments, removed);
  segments = recoverHeadings(segments, contents.entries);
  return {
    blocks: assembleBlocks(segments),
    removed: removed.sort((a, b) => a.line - b.line),
    headline: top.headline,
    dateline: top.dateline,
    contents: contents.entries,
  };
}
