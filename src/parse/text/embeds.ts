/**
 * Embedded social posts. When a scraper flattens an embedded tweet it leaves the post's text
 * (usually ending in a `pic.twitter.com/…` media link) followed by an attribution line:
 * `— OSINTdefender (@sentdefender) May 20, 2024`. The attribution line is unambiguous, so it
 * anchors the embed; the question is how far back the post reaches.
 *
 * Extent rule: the post is the text line just before the attribution. When that line is
 * speaker-labelled (`REPORTER: …`, `MATTHEW MILLER: …`: an all-capitals name and a colon, as in a
 * transcript clip), the post also takes every consecutive speaker-labelled line above it, plus the
 * one line just above that run, which introduces the clip (`Reporter blasts…`). Body paragraphs are
 * never speaker-labelled, so the rule cannot swallow the article above the post.
 */
import type { EmbedBlock } from '../../types.js';
import { parseFullDate } from '../dates.js';
import type { Segment, TextSegment } from './segments.js';
import { wordCount } from './lineShape.js';

/** `— Name (@handle) May 20, 2024`; the dash may be an em dash, en dash, `-` or `--`. */
const ATTRIBUTION = /^(?:[—–]|--?|&mdash;)[ \t]*([^()\n]{1,80}?)[ \t]*\(@(\w{1,30})\)[ \t]*([^()\n]{0,40})$/u;
/** An all-capitals speaker label opening a transcript line: `MATTHEW MILLER: `. */
const SPEAKER_LABEL = /^\p{Lu}[\p{Lu}\p{N} .'’-]{0,40}:\s/u;
/** A media link as tweets print it, with or without scheme. */
const MEDIA_LINK = /(?:https?:\/\/)?pic\.twitter\.com\/[A-Za-z0-9]{1,40}/g;

/** An intro line longer than this is a body paragraph, not a post's opening line. */
const MAX_INTRO_WORDS = 60;

/** Parsed attribution line. */
interface Attribution {
  /** Display name. */
  author: string;
  /** Handle without `@`. */
  handle: string;
  /** The date text as written (possibly empty). */
  dateText: string;
}

/** Reads an attribution line, or null. */
export function parseAttribution(line: string): Attribution | null {
  if (line.length > 200) return null;
  const m = ATTRIBUTION.exec(line.trim());
  if (!m) return null;
  return { author: (m[1] ?? '').trim(), handle: m[2] ?? '', dateText: (m[3] ?? '').trim() };
}

/** True for a transcript line with an all-capitals speaker label. */
export function isSpeakerLabelled(line: string): boolean {
  return SPEAKER_LABEL.test(line.slice(0, 60));
}

/** Replaces each post and its attribution line with one embed block. */
export function recogniseEmbeds(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const attribution = segment.kind === 'text' ? parseAttribution(segment.text) : null;
    if (attribution === null) {
      out.push(segment);
      continue;
    }
    const post = takePostLines(out);
    const block = embedBlock(attribution, post.map((s) => s.text));
    out.push({ kind: 'block', block, line: post[0]?.line ?? segment.line });
  }
  return out;
}

/** Pops the post's lines off the end of `out` (see the extent rule above) and returns them in order. */
function takePostLines(out: Segment[]): TextSegment[] {
  const taken: TextSegment[] = [];
  const takeLast = (): TextSegment | null => {
    const last = out[out.length - 1];
    if (last === undefined || last.kind !== 'text' || parseAttribution(last.text)) return null;
    out.pop();
    taken.push(last);
    return last;
  };
  const first = takeLast();
  if (first === null || !isSpeakerLabelled(first.text)) return taken;
  for (;;) {
    const prev = out[out.length - 1];
    if (prev === undefined || prev.kind !== 'text') break;
    if (isSpeakerLabelled(prev.text)) {
      takeLast();
      continue;
    }
    if (wordCount(prev.text) <= MAX_INTRO_WORDS) takeLast();
    break;
  }
  // Taken from the end backwards; put back in reading order.
  return taken.reverse();
}

function embedBlock(attribution: Attribution, lines: string[]): EmbedBlock {
  const joined = lines.join('\n');
  const media = joined.match(MEDIA_LINK)?.[0] ?? null;
  const text = joined
    .replace(MEDIA_LINK, '')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
  return {
    type: 'embed',
    anchor: '',
    kind: 'tweet',
    author: attribution.author,
    handle: attribution.handle,
    date: parseFullDate(attribution.dateText),
    dateText: attribution.dateText,
    text,
    url: media === null ? null : media.startsWith('http') ? media.replace(/^http:/, 'https:') : `https://${media}`,
  };
}
