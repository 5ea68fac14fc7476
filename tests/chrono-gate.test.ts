import path from 'node:path';
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { parseDates } from '../src/extract/events/chronoGate.js';
import { articleSentences } from '../src/extract/events/sentences.js';
import { parsedFolder } from './helpers/parsed-seeds.js';
import { REPO } from './helpers/project.js';

/** Everything a caller can read from a result, as one comparable value. */
function described(results: chrono.ParsedResult[]): unknown {
  const components = (c: chrono.ParsedComponents | null) =>
    c && {
      date: c.date().toISOString(),
      certain: (['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'meridiem', 'timezoneOffset'] as const).map((k) => [k, c.isCertain(k), c.get(k)]),
    };
  return results.map((r) => ({ index: r.index, text: r.text, start: components(r.start), end: components(r.end), tags: [...r.tags()].sort() }));
}

/** Sentences that reach each of chrono's parsers, and near misses of each test. */
const CRAFTED = [
  'The ruling came on 2024-01-30 after a long wait.',
  'The ruling came on 2024/Jan/30 and 2024.1.30 too.',
  'It was filed at 2024-01-30T10:32:00Z by the clerk.',
  'Results from 1/30 and 30.1.2024 and 3-4 were counted.',
  'The figure rose 3.5-4 percent, or 12/2024 by some counts.',
  'The vote is due within two weeks, in 5 days, for a few months.',
  'They met on 3rd of March, 21 to 23 June 2023, and the first of May.',
  'They met on March 3, Sept. 4th to 6th, and Jan-5.',
  'They met on Tuesday, last Friday, this weekend and on a weekday of next week.',
  'The deadline is 10:30 pm, then 5pm, at 7 in the morning, 1130 GMT.',
  'It happened three years ago, 2 days before, a week earlier.',
  'It will happen five days later, 3 weeks after, two months from now, a year out.',
  'In 2024 March, 1066 AD Oct and 44 BC December were mentioned.',
  'Now, today, tonight, tomorrow, tmr, yesterday and last night all count.',
  'This morning, in the afternoon, the evening, at midnight, midday and noon.',
  'By the end of the month, or the last day of the month, it closes.',
  'In May, by June 2020, since March, in early Sept.',
  'This week, last month, next year, past quarter and after this day.',
  'Over the next 3 months, +2 days, -1 week, the last two years.',
  'MARCH 3 2024 AND TUESDAY AND 5 PM IN CAPITALS.',
  'No date here, only words about a market and monitors.',
  'A sentence with 1500 people and 2,000 staff but no calendar words.',
  'Prices 4.5-5.0 and 12/15/2023 and 2023/12/15 and 15-12-2023.',
  '',
  '2024',
  'Sunday Times columnist wrote on Monday Night Football.',
];

describe('parseDates', () => {
  it('gives exactly what chrono.parse gives, on crafted sentences', () => {
    const reference = { instant: new Date(Date.UTC(2024, 4, 20, 12)), timezone: 0 };
    for (const sentence of CRAFTED) expect(described(parseDates(sentence, reference)), sentence).toEqual(described(chrono.parse(sentence, reference)));
  });

  it('gives exactly what chrono.parse gives, on every sentence of the seed articles', () => {
    const { articles } = parsedFolder(path.join(REPO, 'seeds'));
    let compared = 0;
    for (const article of articles) {
      for (const { text } of articleSentences(article)) {
        for (const instant of [new Date(Date.UTC(2024, 0, 30, 12)), new Date(Date.UTC(2000, 0, 1, 12))]) {
          const reference = { instant, timezone: 0 };
          expect(described(parseDates(text, reference)), text).toEqual(described(chrono.parse(text, reference)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
