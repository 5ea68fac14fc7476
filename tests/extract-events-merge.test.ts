import { describe, expect, it } from 'vitest';
import { buildTimeline, extractEvents, type EventCandidate } from '../src/extract/events/index.js';
import { TimelineEventSchema, type Mention } from '../src/types.js';
import { articleFromText } from './helpers/seed-article.js';

/** A candidate with the fields merging reads; the rest filled plausibly. */
function candidate(articleId: string, date: string, text: string, start = 0): EventCandidate {
  const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return {
    articleId, blockAnchor: 'p-1', blockIndex: 0, part: 0, partOffset: 0, start, end: start + text.length, anchor: 's-p-1-1',
    date, precision, approximate: false, future: false, dateText: date, text,
  };
}

/** Mentions of `name` (entity `id`) everywhere it occurs in the candidate's sentence. */
function mentionsOf(c: EventCandidate, id: string, name: string): Mention[] {
  const out: Mention[] = [];
  for (let at = c.text.indexOf(name); at >= 0; at = c.text.indexOf(name, at + 1)) {
    out.push({ entityId: id, articleId: c.articleId, blockAnchor: c.blockAnchor, surface: name, start: c.start + at, end: c.start + at + name.length });
  }
  return out;
}

const a = candidate('a', '2024-05-19', 'Ebrahim Raisi died in a helicopter crash in East Azerbaijan on Sunday.');
const b = candidate('b', '2024-05-19', 'A helicopter carrying President Raisi crashed in East Azerbaijan province on Sunday.', 40);
const c = candidate('c', '2024-05-19', 'Markets in Tokyo closed higher on Sunday after a quiet session.');
const mentions = [...mentionsOf(a, 'ebrahim-raisi', 'Raisi'), ...mentionsOf(b, 'ebrahim-raisi', 'Raisi'), ...mentionsOf(a, 'east-azerbaijan', 'East Azerbaijan'), ...mentionsOf(b, 'east-azerbaijan', 'East Azerbaijan')];

describe('buildTimeline', () => {
  it('merges the same happening reported by two articles into one event listing both sources', () => {
    const events = buildTimeline([a, b, c], mentions);
    expect(events).toHaveLength(2);
    const crash = events.find((e) => e.articles.length === 2)!;
    expect(crash).toMatchObject({ date: '2024-05-19', precision: 'day', articles: ['a', 'b'], entities: ['east-azerbaijan', 'ebrahim-raisi'], text: a.text });
    expect(crash.sources).toEqual([{ articleId: 'a', anchor: 's-p-1-1' }, { articleId: 'b', anchor: 's-p-1-1' }]);
    expect(crash.url).toBe(`timeline/2024/#e-${crash.id}`);
    for (const e of events) expect(TimelineEventSchema.parse(e)).toEqual(e);
  });

  it('keeps apart different dates, unrelated sentences and two sentences of one article', () => {
    const later = candidate('b', '2024-05-20', b.text, 40);
    const sameArticle = candidate('a', '2024-05-19', 'Raisi was in East Azerbaijan to open a dam on Sunday.', 100);
    const events = buildTimeline([a, later, c, sameArticle], [...mentions, ...mentionsOf(sameArticle, 'ebrahim-raisi', 'Raisi')]);
    expect(events.map((e) => e.articles.join())).toEqual(['a', 'a', 'c', 'b']);
  });

  it('gives every event an id of its own, also two that share a first source (two sentences of one quote)', () => {
    // One quote's sentences share the quote's anchor; of one article, they never merge.
    const quoted = [candidate('q', '2024-05-19', 'The council met on Sunday.', 0), candidate('q', '2024-05-19', 'The mayor resigned on Sunday.', 30)];
    const events = buildTimeline([a, ...quoted], []);
    const ids = events.map((e) => e.id);
    expect(events).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(new Set(events.map((e) => e.url)).size).toBe(3);
    // The same ids every time, and for the date merged alone (as a watch session merges an edited date).
    expect(buildTimeline([...quoted].reverse().concat(a), []).map((e) => e.id)).toEqual(ids);
    expect(buildTimeline(quoted, []).map((e) => e.id)).toEqual(events.filter((e) => e.articles[0] === 'q').map((e) => e.id));
  });

  it('does not depend on the order of its inputs', () => {
    const forward = buildTimeline([a, b, c], mentions);
    expect(buildTimeline([c, b, a], [...mentions].reverse())).toEqual(forward);
  });

  it('fills entities only from mentions inside the sentence', () => {
    const outside: Mention = { entityId: 'tokyo', articleId: 'c', blockAnchor: 'p-1', surface: 'Tokyo', start: 500, end: 505 };
    const inside = mentionsOf(c, 'tokyo', 'Tokyo');
    expect(buildTimeline([c], [outside])[0]!.entities).toEqual([]);
    expect(buildTimeline([c], inside)[0]!.entities).toEqual(['tokyo']);
  });

  it('stays linear on a large archive where every sentence shares a date', () => {
    const many: EventCandidate[] = [];
    for (let i = 0; i < 20000; i++) many.push(candidate(`art-${i}`, '2004', `Company ${i % 97} reported profits of ${i} in 2004 for the group.`));
    const started = performance.now();
    const events = buildTimeline(many, []);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(events.length).toBeLessThan(many.length);
  });

  it('turns the seed-like reports of one crash from two articles into one event', () => {
    const first = articleFromText('first', 'Iranian President Ebrahim Raisi died in a helicopter crash on Sunday.', { date: '2024-05-20' });
    const second = articleFromText('second', 'President Ebrahim Raisi was killed when his helicopter crashed on Sunday, officials said.', { date: '2024-05-21' });
    const candidates = [...extractEvents(first), ...extractEvents(second)];
    const found = candidates.flatMap((cand) => mentionsOf(cand, 'ebrahim-raisi', 'Ebrahim Raisi'));
    const events = buildTimeline(candidates, found);
    expect(events.map((e) => [e.date, e.articles])).toEqual([['2024-05-19', ['first', 'second']]]);
  });
});

describe('entities of list items', () => {
  it('reads mention offsets in the block’s texts joined with a newline', () => {
    const article = articleFromText('l', 'x', { date: '2024-01-30' });
    article.blocks = [{ type: 'list', anchor: 'l-1', ordered: false, items: [{ text: 'Kerman is a city.', marks: [] }, { text: 'Soleimani was killed on January 3, 2020.', marks: [] }] }];
    const [cand] = extractEvents(article);
    expect(cand).toMatchObject({ part: 1, partOffset: 'Kerman is a city.'.length + 1, anchor: 'l-1' });
    const at = 'Kerman is a city.\n'.length;
    const mentions: Mention[] = [
      { entityId: 'kerman', articleId: 'l', blockAnchor: 'l-1', surface: 'Kerman', start: 0, end: 6 },
      { entityId: 'qasem-soleimani', articleId: 'l', blockAnchor: 'l-1', surface: 'Soleimani', start: at, end: at + 9 },
    ];
    expect(buildTimeline([cand!], mentions)[0]!.entities).toEqual(['qasem-soleimani']);
  });
});
