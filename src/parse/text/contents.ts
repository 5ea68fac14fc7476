/**
 * A table of contents copied from the page: a `Table of Contents` (or `Contents`, `In this
 * article`…) line followed by list items. It is page furniture, not body text, so it is removed;
 * its entries name the article's sections and guide the heading recovery.
 */
import type { RemovedText } from '../../types.js';
import { isListItem, stripListMarker } from './lineShape.js';
import { removal, type Segment } from './segments.js';

/** A line that announces a table of contents. */
const CONTENTS_MARKER = /^(?:table of contents|contents|in this (?:article|story|post|guide)|on this page|jump to)[ \t]?:?$/i;
/** A contents list needs at least this many entries (a lone item is more likely body text). */
const MIN_ENTRIES = 2;

/** The body without its table of contents, and the contents' entries. */
export interface ContentsResult {
  /** The entries' texts in order, list markers removed; empty when there was no table of contents. */
  entries: string[];
  /** The body without the table of contents. */
  segments: Segment[];
}

/** Finds the first table of contents, removes it and returns its entries. */
export function takeTableOfContents(segments: readonly Segment[], removed: RemovedText[]): ContentsResult {
  for (let i = 0; i < segments.length; i++) {
    const marker = segments[i];
    if (marker === undefined || marker.kind !== 'text' || !CONTENTS_MARKER.test(marker.text.trim())) continue;
    let end = i + 1;
    while (end < segments.length) {
      const s = segments[end];
      if (s === undefined || s.kind !== 'text' || !isListItem(s.text)) break;
      end++;
    }
    if (end - (i + 1) < MIN_ENTRIES) continue;
    const lines = segments.slice(i, end).map((s) => (s.kind === 'text' ? s.text : ''));
    removed.push(removal('table-of-contents', lines, marker.line));
    return {
      entries: lines.slice(1).map((l) => stripListMarker(l).trim()),
      segments: [...segments.slice(0, i), ...segments.slice(end)],
    };
  }
  return { entries: [], segments: [...segments] };
}
