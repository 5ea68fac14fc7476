import { describe, expect, it } from 'vitest';
import { buildTimeline, extractEvents } from '../src/extract/events/index.js';
import { YEAR_PAGE_LIMIT } from '../src/extract/events/pages.js';
import { buildArchive } from '../src/link/buildArchive.js';
import { groupTimeline, indexTimeline } from '../src/link/timeline.js';
import { monthAxis, yearAxis } from '../src/render/timeline/axis.js';
import { eventDateLabel } from '../src/render/timeline/eventView.js';
import { pageText } from '../src/render/page.js';
import { timelineJsData } from '../src/render/timeline/timelineData.js';
import type { TimelineEvent } from '../src/types.js';
import { articleFromText } from './helpers/seed-article.js';

function ev(id: string, date: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return {
    id, date, precision, approximate: false, future: false, text: `Event ${id}.`, articles: ['a'], entities: ['x'],
    sources: [{ articleId: 'a', anchor: 's-p-1-1' }], url: `timeline/${date.slice(0, 4)}/#e-${id}`, ...extra,
  };
}

describe('groupTimeline', () => {
  it('groups by year then month, year-only events first', () => {
    const years = groupTimeline([ev('a', '1979'), ev('b', '2024'), ev('c', '2024-01'), ev('d', '2024-01-03'), ev('e', '2024-05-19')]);
    expect(years.map((y) => [y.year, y.url, y.count])).toEqual([[1979, 'timeline/1979/', 1], [2024, 'timeline/2024/', 4]]);
    expect(years[1]!.months.map((m) => [m.anchor, m.events.map((e) => e.id).join()])).toEqual([['y-2024', 'b'], ['m-2024-01', 'c,d'], ['m-2024-05', 'e']]);
  });

  it('splits a year too big for one page into month pages, and gives events those URLs', () => {
    const cands = [];
    for (let i = 0; i < YEAR_PAGE_LIMIT + 20; i++) {
      const date = i % 10 === 0 ? '2004' : `2004-${String((i % 12) + 1).padStart(2, '0')}-15`;
      cands.push({ articleId: `a${i}`, blockAnchor: 'p-1', blockIndex: 0, part: 0, partOffset: 0, start: 0, end: 10, anchor: 's-p-1-1', date, precision: date.length === 4 ? 'year' as const : 'day' as const, approximate: false, future: false, dateText: date, text: `Event number ${i}: alpha${i} beta${i} gamma${i}.` });
    }
    const events = buildTimeline([...cands, { ...cands[1]!, articleId: 'other', date: '2003', precision: 'year', text: 'Small year.' }], []);
    const [small, big] = groupTimeline(events);
    expect(small!.split).toBe(false);
    expect(big!.split).toBe(true);
    expect(big!.months.map((m) => m.url)).toEqual(['timeline/2004/year/', ...Array.from({ length: 12 }, (_, i) => `timeline/2004/${String(i + 1).padStart(2, '0')}/`)]);
    for (const e of events) {
      const expected = e.date === '2003' ? 'timeline/2003/' : e.precision === 'year' ? 'timeline/2004/year/' : `timeline/2004/${e.date.slice(5, 7)}/`;
      expect(e.url).toBe(`${expected}#e-${e.id}`);
    }
    expect(monthAxis(big!).bars[4]!.url).toBe('timeline/2004/05/');
  });

  it('gives the very same years for the same list of events (a watch edit that changed no date), and new ones for another list', () => {
    const events = [ev('a', '1979'), ev('b', '2024-01-03')];
    const years = groupTimeline(events);
    expect(groupTimeline(events)).toBe(years);
    const again = groupTimeline([...events]);
    expect(again).not.toBe(years);
    expect(again).toEqual(years);
  });

  it('indexes events by article and entity', () => {
    const index = indexTimeline([ev('a', '2024', { entities: ['x', 'y'] }), ev('b', '2023', { articles: ['a', 'b'] })]);
    expect(index.byEntity.get('y')!.map((e) => e.id)).toEqual(['a']);
    expect(index.byArticle.get('b')!.map((e) => e.id)).toEqual(['b']);
  });
});

describe('the time axis', () => {
  it('spaces years linearly with empty years unlinked, and labels do not collide', () => {
    const axis = yearAxis(groupTimeline([ev('a', '1979'), ev('b', '2020-01-03'), ev('c', '2024-01-03'), ev('d', '2024-05-19')]));
    expect(axis.bars).toHaveLength(2024 - 1979 + 1);
    expect(axis.bars.filter((b) => b.url).map((b) => b.url)).toEqual(['timeline/1979/', 'timeline/2020/', 'timeline/2024/']);
    const last = axis.bars[axis.bars.length - 1]!;
    expect(last.height).toBeGreaterThan(axis.bars.find((b) => b.label === '1979')!.height);
    const labelled = axis.bars.filter((b) => b.label).map((b) => b.centre);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]! - labelled[i - 1]!).toBeGreaterThanOrEqual(34);
  });

  it('shows only years with events when the span is very long', () => {
    const axis = yearAxis(groupTimeline([ev('a', '1066'), ev('b', '2024')]));
    expect(axis.bars.map((b) => b.label)).toEqual(['1066', '2024']);
  });

  it('links a year’s months to their groups', () => {
    const [year] = groupTimeline([ev('a', '2024-05-19')]);
    const axis = monthAxis(year!);
    expect(axis.bars).toHaveLength(12);
    expect(axis.bars.filter((b) => b.fragment).map((b) => [b.label, b.fragment])).toEqual([['May', '#m-2024-05']]);
  });
});

describe('dates and exports', () => {
  it('writes dates at their precision, loosely when approximate', () => {
    expect(eventDateLabel({ date: '2024-05-19', precision: 'day', approximate: false })).toBe('19 May 2024');
    expect(eventDateLabel({ date: '2024-07', precision: 'month', approximate: true })).toBe('about July 2024');
    expect(eventDateLabel({ date: '1979', precision: 'year', approximate: false })).toBe('1979');
  });

  it('escapes article text in the TimelineJS document', () => {
    const article = articleFromText('evil', '<script>alert(1)</script> The <b>raid</b> took place on January 3, 2020.', { date: '2024-01-30' });
    const archive = buildArchive([{ ...article, title: '<img src=x onerror=alert(1)>' }], { entities: [], mentions: [], events: buildTimeline(extractEvents(article), []) });
    const doc = pageText(timelineJsData(archive, { title: 'Archive', baseUrl: 'https://example.org/a/' }));
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&lt;b&gt;raid&lt;/b&gt;');
    expect(doc).toContain('https://example.org/a/articles/evil/#s-p-1-');
    const slide = JSON.parse(doc).events[0];
    expect(slide.start_date).toEqual({ year: '2020', month: '1', day: '3', display_date: '3 January 2020' });
  });
});

describe('combineArticleExtras', () => {
  it('adds up the inputs and ranges and merges the variables of several stages', async () => {
    const { combineArticleExtras } = await import('../src/render/pages/articlePages.js');
    const article = articleFromText('a', 'Text.');
    const range = (open: string) => ({ start: 0, end: 4, open, close: '</x>', layer: 0 });
    const combined = combineArticleExtras(
      () => ({ inputs: ['x'], rangesFor: () => [range('<a>')], vars: () => ({ entities: [1] }) }),
      () => ({ inputs: ['y'], rangesFor: () => [range('<b>')], vars: () => ({ events: [2] }) }),
    )(article);
    expect(combined.rangesFor!('p-1').map((r) => r.open)).toEqual(['<a>', '<b>']);
    expect(combined.vars!()).toEqual({ entities: [1], events: [2] });
    expect(combined.inputs).toEqual([['x'], ['y']]);
  });
});
