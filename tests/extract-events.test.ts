import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datesIn, extractEvents, type EventCandidate } from '../src/extract/events/index.js';
import type { DateReference } from '../src/extract/events/resolve.js';
import { articleFromText, seedArticle } from './helpers/seed-article.js';

const MAY_20_2024: DateReference = { day: { year: 2024, month: 5, day: 20 }, precision: 'day' };
const JAN_30_2024: DateReference = { day: { year: 2024, month: 1, day: 30 }, precision: 'day' };

/** `[expression, YYYY-MM-DD|YYYY-MM|YYYY, flags]` for each date the sentence states. */
function dates(sentence: string, reference: DateReference | null): string[] {
  return datesIn(sentence, reference).map((d) => {
    const iso = `${d.day.year}-${String(d.day.month).padStart(2, '0')}-${String(d.day.day).padStart(2, '0')}`;
    const date = d.precision === 'day' ? iso : d.precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
    return `${date}${d.approximate ? ' approx' : ''}${d.future ? ' future' : ''}`;
  });
}

function find(events: EventCandidate[], date: string, words: string): EventCandidate | undefined {
  return events.find((e) => e.date === date && e.text.includes(words));
}

describe('datesIn: resolving one sentence', () => {
  it('resolves weekdays backwards in past-tense reporting and forwards for announcements', () => {
    expect(dates('Raisi went missing in a helicopter crash on Sunday in the province.', MAY_20_2024)).toEqual(['2024-05-19']);
    expect(dates('Raisi was found dead on Monday, according to the AP.', MAY_20_2024)).toEqual(['2024-05-20']);
    expect(dates('He said on Thursday that the vote will be held on Sunday.', JAN_30_2024)).toEqual(['2024-01-25', '2024-02-04 future']);
  });

  it('gives each date its honest precision', () => {
    expect(dates('From the 1979 hostage crisis to the present day.', MAY_20_2024)).toEqual(['1979']);
    expect(dates('An attack earlier this month killed 80 people, an official said on January 25.', JAN_30_2024)).toEqual([
      '2024-01 approx',
      '2024-01-25',
    ]);
    expect(dates('The country is slated to conduct elections within 50 days.', MAY_20_2024)).toEqual(['2024-07 approx future']);
    expect(dates('A decision is due within two weeks.', MAY_20_2024)).toEqual(['2024-06-03 approx future']);
    expect(dates('The plant will close within six months.', MAY_20_2024)).toEqual(['2024 approx future']);
    expect(dates('Sales fell last year, and the firm will report later this year.', JAN_30_2024)).toEqual(['2023', '2024 approx future']);
    expect(dates('It happened in early March.', JAN_30_2024)).toEqual(['2023-03 approx']);
    expect(dates('The election is scheduled for March.', JAN_30_2024)).toEqual(['2024-03 future']);
    expect(dates('He was killed near the airport on January 3, 2020.', JAN_30_2024)).toEqual(['2020-01-03']);
  });

  it('ignores numbers, names and clock times that only look like dates', () => {
    expect(dates('The Sunday Times said 1500 people of 2000 staff left in 2,000 cases.', JAN_30_2024)).toEqual([]);
    expect(dates('Prices in the 1990s and in the 2004-05 season rose 2000%.', JAN_30_2024)).toEqual([]);
    expect(dates('Shares were up 3% by 1030 GMT and shown from 1130 to 1215 GMT.', JAN_30_2024)).toEqual([]);
    expect(dates('The 9/11 attacks changed policy at 10:30 for 10 years.', JAN_30_2024)).toEqual([]);
    expect(dates('The March of the Penguins is the film he may watch now.', JAN_30_2024)).toEqual([]);
  });

  it('ignores stretches of time and dates relative to the story rather than to publication', () => {
    expect(dates('He won a second election later in the year.', JAN_30_2024)).toEqual([]);
    expect(dates('She returned five years after the disappearance.', JAN_30_2024)).toEqual([]);
    expect(dates('Profits recovered after two years of losses.', JAN_30_2024)).toEqual([]);
    expect(dates('It has refocused in these last few years.', JAN_30_2024)).toEqual([]);
    expect(dates('Output grew 15% in the year to October.', JAN_30_2024)).toEqual([]);
    expect(dates('They met again the next day.', JAN_30_2024)).toEqual([]);
  });

  it('places only absolute dates when the article has no date, never against the build time', () => {
    expect(dates('The United States on Monday said it had been unable to help.', null)).toEqual([]);
    expect(dates('Since the 1979 revolution, and last year too, it was killed on January 3, 2020.', null)).toEqual(['1979', '2020-01-03']);
    expect(dates('Sales fell last month.', { day: { year: 2024, month: 7, day: 1 }, precision: 'year' })).toEqual([]);
    expect(dates('Sales fell last year.', { day: { year: 2024, month: 7, day: 1 }, precision: 'year' })).toEqual(['2023']);
  });

  it('does not depend on the time zone of the machine', () => {
    const sentence = 'He left on Sunday, returned on January 3 and said last year that in 1979 things changed.';
    const before = process.env.TZ;
    const results = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((tz) => {
      process.env.TZ = tz;
      return dates(sentence, JAN_30_2024);
    });
    process.env.TZ = before;
    expect(results[0]).toEqual(results[2]);
    expect(results[1]).toEqual(results[2]);
  });
});

describe('extractEvents on the seeds', () => {
  const helicopter = seedArticle('000_738bf16bdcb4b154.txt', { date: '2024-05-20' });
  const memorial = seedArticle('002_cc6656fa01f43e34.txt', {
    date: '2024-01-30',
    // What the parser removes: blog chrome, the dateline, the headline.
    skip: (line) => /^(?:Pages|No comments:|Post a Comment|30 January 2024)$/.test(line) || line.startsWith('US Secretly Warned'),
  });
  const undated = seedArticle('001_693b5509a5bf158d.txt', {
    // The parser removes the table of contents and the SEO/related-headline footer.
    skip: (_line, index) => index < 10 || index >= 23,
  });

  it('finds the helicopter crash and Raisi found dead, resolved against the publication date', () => {
    const events = extractEvents(helicopter);
    expect(find(events, '2024-05-19', 'helicopter crash on Sunday')).toBeDefined();
    expect(find(events, '2024-05-20', 'Raisi was found dead on Monday')).toBeDefined();
    const election = find(events, '2024-07', 'within 50 days');
    expect(election).toMatchObject({ precision: 'month', approximate: true, future: true });
  });

  it('takes no event from embedded posts', () => {
    const embeds = new Set(helicopter.blocks.filter((b) => b.type === 'embed').map((b) => b.anchor));
    expect(embeds.size).toBe(3);
    expect(extractEvents(helicopter).filter((e) => embeds.has(e.blockAnchor))).toEqual([]);
  });

  it('finds the Kerman explosions, the official statement and Soleimani’s killing', () => {
    const events = extractEvents(memorial);
    expect(find(events, '2024-01-03', 'Two explosions on January 3')).toBeDefined();
    expect(find(events, '2024-01-25', 'official said on January 25')).toBeDefined();
    expect(find(events, '2020-01-03', 'Soleimani was killed')).toMatchObject({ precision: 'day', approximate: false, future: false });
    expect(find(events, '2024-01', 'earlier this month')).toMatchObject({ precision: 'month', approximate: true });
    expect(events.some((e) => e.date.startsWith('2024-01-30'))).toBe(false);
  });

  it('keeps only absolute dates in the undated article: the 1979 hostage crisis at year precision', () => {
    const events = extractEvents(undated);
    expect(events.map((e) => [e.date, e.precision])).toEqual([['1979', 'year']]);
    expect(events[0]!.text).toContain('1979 hostage crisis');
  });

  it('anchors each event at its sentence and places nothing after 2024', () => {
    for (const article of [helicopter, memorial, undated]) {
      for (const e of extractEvents(article)) {
        expect(e.anchor).toMatch(new RegExp(`^s-${e.blockAnchor}-\\d+$`));
        const block = article.blocks.find((b) => b.anchor === e.blockAnchor);
        expect(block?.type === 'paragraph' && block.content.text.slice(e.start, e.end)).toBe(e.text);
        expect(e.date.slice(0, 4) <= '2024').toBe(true);
      }
    }
  });
});

const corpus = fileURLToPath(new URL('../../shared/corpus/bbc', import.meta.url));

describe('extractEvents on the BBC corpus', () => {
  it.skipIf(!existsSync(corpus))('only places absolute dates in undated articles', () => {
    const articles = ['business', 'politics', 'tech'].flatMap((section) =>
      readdirSync(`${corpus}/${section}`)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, 60)
        .map((f) => articleFromText(`${section}-${f}`, readFileSync(`${corpus}/${section}/${f}`, 'latin1'), { skip: (_l, i) => i === 0 })),
    );
    // Speed is the bench's business (`npm run bench`): no timing here.
    const events = articles.flatMap((a) => extractEvents(a));
    expect(events.length).toBeGreaterThan(50);
    for (const e of events) expect(e.dateText).toMatch(/\d{4}/);
  });
});

describe('hostile input', () => {
  it('stays fast on long runs of digits, months, dates and letters', () => {
    for (const text of ['1 '.repeat(999), 'January '.repeat(249), '2004-'.repeat(399), 'on Monday last week in 2004 '.repeat(70), 'x'.repeat(200000) + ' on Monday.']) {
      const article = articleFromText('h', text, { date: '2024-01-30' });
      const started = performance.now();
      extractEvents(article);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
});
