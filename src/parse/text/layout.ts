/**
 * How a plain-text file lays out its paragraphs: one per line, or hard-wrapped blocks separated by
 * blank lines. Lines that always stand on their own (list items, embed attributions, transcript
 * lines, chrome, datelines) start a new unit even inside a wrapped block, so the later rules see them.
 */
import { parseDateline } from '../dates.js';
import { isChromeLine } from './chrome.js';
import { isSpeakerLabelled, parseAttribution } from './embeds.js';
import { isListItem } from './lineShape.js';
import { textSegment, type TextSegment } from './segments.js';

/**
 * Splits a body into text segments. A file is read as hard-wrapped (a paragraph's lines joined with
 * a space, paragraphs separated by blank lines) only when it has blank lines and the lines inside
 * its multi-line blocks look wrapped: mostly 30 to 120 characters. Otherwise each non-empty line is
 * its own unit, which is how scrapers usually write paragraphs.
 */
export function splitIntoSegments(body: string, firstLine: number): TextSegment[] {
  const lines = body.split('\n').map((l) => l.replace(/\r$/, '').trim());
  const wrapped = looksHardWrapped(lines);
  const segments: TextSegment[] = [];
  let open: TextSegment | null = null;
  lines.forEach((text, i) => {
    if (text.length === 0) {
      open = null;
      return;
    }
    const alone = standsAlone(text);
    if (wrapped && open !== null && !alone && !startsUnit(text)) {
      open.text += ` ${text}`;
      return;
    }
    const segment = textSegment(text, firstLine + i);
    segments.push(segment);
    open = wrapped && !alone ? segment : null;
  });
  return segments;
}

/** True when the blank-line-separated blocks of the file are paragraphs hard-wrapped over several lines. */
function looksHardWrapped(lines: readonly string[]): boolean {
  if (!lines.some((l) => l.length === 0)) return false;
  let candidates = 0;
  let wrappedLike = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    // Only a line followed by another line of the same block tells whether blocks are wrapped.
    if (line.length === 0 || next.length === 0) return;
    if (startsUnit(line) || startsUnit(next) || standsAlone(line) || standsAlone(next)) return;
    candidates++;
    if (line.length >= 30 && line.length <= 120) wrappedLike++;
  });
  return candidates > 0 && wrappedLike >= 0.7 * candidates;
}

/** A line that begins a unit of its own but may continue on the next lines: a list item, a transcript line. */
function startsUnit(line: string): boolean {
  return isListItem(line) || isSpeakerLabelled(line);
}

/** A line that is a whole unit by itself: an embed attribution, site chrome, a dateline. */
function standsAlone(line: string): boolean {
  return parseAttribution(line) !== null || isChromeLine(line) || parseDateline(line) !== null;
}
