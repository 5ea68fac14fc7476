import { describe, expect, it } from 'vitest';
import { latestStatedDate } from '../src/parse/dates.js';
import { headlineFromBody, readsAsHeadline } from '../src/parse/headline.js';
import { parseTextBody } from '../src/parse/text/parseTextBody.js';

/** Runs the whole plain-text path; it must return (no hang, no throw) whatever the input. */
function runAll(body: string): number {
  const r = parseTextBody(body, 1, null);
  headlineFromBody(r.blocks);
  latestStatedDate(r.blocks);
  readsAsHeadline(body);
  return r.blocks.length + r.removed.length;
}

const MB = 1_000_000;
const lines = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join('\n');

// Generous timeouts: these assert that parsing completes, not how fast.
const LONG = 120_000;

describe('hostile inputs complete', () => {
  it.each([
    ['1 MB of words on one line', 'word '.repeat(MB / 5)],
    ['1 MB of periods', '.'.repeat(MB)],
    ['1 MB of glued sentence ends', 'ab.Cd'.repeat(MB / 5)],
    ['1 MB of ** delimiters', '**'.repeat(MB / 2)],
    ['1 MB of alternating delimiters', '**a__'.repeat(MB / 5)],
    ['1 MB of list markers', '- '.repeat(MB / 2)],
    ['1 MB of dates', '30 January 2024 '.repeat(MB / 16)],
    ['1 MB attribution-like line', `— ${'a'.repeat(MB)} (@x) May 20, 2024`],
    ['1 MB of pic links', 'pic.twitter.com/abc '.repeat(MB / 20)],
  ])('%s', (_label, body) => {
    expect(runAll(body)).toBeGreaterThanOrEqual(0);
  }, LONG);

  it.each([
    ['50,000 Title-Case lines and items', lines(50_000, (i) => (i % 3 ? `Line ${i} Title Case Here` : `- item ${i}`))],
    ['50,000 speaker-labelled lines before an attribution', `${lines(50_000, (i) => `REPORTER: hello ${i}`)}\n— A (@b) May 20, 2024`],
    ['50,000 blank-line-separated paragraphs', lines(50_000, (i) => `Paragraph ${i} is a sentence.\n`)],
    ['50,000 hard-wrapped lines', lines(50_000, (i) => (i % 10 === 9 ? '' : `wrapped text of a long paragraph, line ${i}, going on`))],
    ['50,000 attribution lines', lines(50_000, () => '— A (@b) May 20, 2024')],
    ['50,000 chrome lines', lines(50_000, () => 'Share this:')],
    ['50,000 poll questions', lines(50_000, () => 'Is this a poll question for you?')],
    ['50,000 trailing headlines', `Body.\n${lines(50_000, (i) => `Another Headline Number ${i} About Things | Outlet`)}`],
    [
      'a tail of 12,500 alternating link lists and headline runs',
      `Body.\n${lines(12_500, (i) => `- Zebra${i}x\n- Yak${i}y\nAnother Headline Number ${i} About Things | Outlet`)}`,
    ],
    [
      'a 25,000-entry table of contents and 25,000 paragraphs',
      `Contents\n${lines(25_000, (i) => `- Entry Number ${i}`)}\n${lines(25_000, (i) => `Text ${i} ends here.Entry Number ${i}`)}`,
    ],
  ])('%s', (_label, body) => {
    expect(runAll(body)).toBeGreaterThan(0);
  }, LONG);
});
