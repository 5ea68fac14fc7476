import { describe, expect, it } from 'vitest';
import { articleCountOf, compactPlainEvents, CompactEvent, eventId, firstSourcesOf, sourceAnchorsIn, sourceCountOf, YearEvents, type EventFields } from '../src/extract/events/compactEvents.js';
import { TimelineEventSchema, type TimelineEvent } from '../src/types.js';

/** Plain records as a year's merge makes them, with text that is not all ASCII. */
function plainEvents(): Array<{ fields: EventFields; page: string; hash: number }> {
  const texts = ['On 3 May 2024 the council voted — 7 to 2 — to close the depot.', 'Le 4 mai 2024, « la réforme » fut adoptée à Besançon.', '2024年5月5日、東京で会議が開かれた。', 'Fans 🎉 celebrated on May 6, 2024.', ''];
  // Hashes with the high bit set too (kept as signed 32-bit numbers, written as unsigned hex).
  const hashes = [0x0000_0001, 0xdead_beef | 0, 0x7fff_ffff, 0x8000_0000 | 0, 0x0123_4567];
  const precisions = ['day', 'month', 'year', 'day', 'month'] as const;
  return texts.map((text, i) => ({
    hash: hashes[i]!,
    fields: {
      id: eventId(`2024-05-0${i + 3}`, hashes[i]!),
      date: `2024-05-0${i + 3}`,
      precision: precisions[i]!,
      approximate: i % 2 === 0,
      future: i === 3,
      text,
      articles: i === 4 ? [] : [`article-${i}`, ...(i === 1 ? ['article-0'] : [])],
      entities: i === 2 ? [] : ['council', `place-${i}`],
      sources: i === 4 ? [] : [{ articleId: `article-${i}`, anchor: `s-${i}` }, ...(i === 1 ? [{ articleId: 'article-0', anchor: 's-9' }] : [])],
    },
    page: i < 3 ? 'timeline/2024/05/' : 'timeline/2024/05/page/2/',
  }));
}

describe('compact timeline events', () => {
  it('read back every field as the plain record had it, and give it back whole as JSON', () => {
    const plain = plainEvents();
    const year = new YearEvents();
    expect(plain.map(({ fields }) => fields.id.slice(11))).toEqual(['00000001', 'deadbeef', '7fffffff', '80000000', '01234567']);
    const compact = plain.map(({ fields, page, hash }) => new CompactEvent(year, year.add(fields, page, hash)));
    year.finish();
    compact.forEach((event, i) => {
      const { fields, page } = plain[i]!;
      const expected: TimelineEvent = { ...fields, url: `${page}#e-${fields.id}` };
      expect(event.id).toBe(fields.id);
      expect(event.date).toBe(fields.date);
      expect(event.precision).toBe(fields.precision);
      expect(event.approximate).toBe(fields.approximate);
      expect(event.future).toBe(fields.future);
      expect(event.text).toBe(fields.text);
      expect(event.url).toBe(expected.url);
      expect(event.articles).toEqual(fields.articles);
      expect(event.entities).toEqual(fields.entities);
      expect(event.sources).toEqual(fields.sources);
      // The same JSON, key for key and in the schema's order, as the plain record.
      expect(JSON.stringify(event)).toBe(JSON.stringify(expected));
      expect(TimelineEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(expected);
    });
  });

  it('are made again from their plain records (as the record cache keeps them), across years and batches', () => {
    const records: TimelineEvent[] = plainEvents().map(({ fields, page }) => ({ ...fields, url: `${page}#e-${fields.id}` }));
    const nextYear = { ...records[0]!, date: '2025-01-02', id: eventId('2025-01-02', 42), url: `timeline/2025/01/#e-${eventId('2025-01-02', 42)}` };
    // An id not of merge.ts's making stays a plain record.
    const foreign = { ...records[1]!, date: '2025-02-01', id: 'custom-id', url: 'timeline/2025/02/#e-custom-id' };
    const all = [...records, nextYear, foreign];
    const again = compactPlainEvents([all.slice(0, 2), all.slice(2, 6), all.slice(6)]);
    expect(again.map((event) => event instanceof CompactEvent)).toEqual([true, true, true, true, true, true, false]);
    expect(JSON.parse(JSON.stringify(again))).toEqual(all);
    expect(again[0]!.url).toBe(all[0]!.url);
  });

  it('hand out new lists on every read, so a caller changing one changes nothing kept', () => {
    const [{ fields, page, hash }] = plainEvents();
    const year = new YearEvents();
    const event = new CompactEvent(year, year.add(fields!, page!, hash!));
    year.finish();
    event.entities.push('intruder');
    event.sources[0]!.anchor = 'changed';
    expect(event.entities).toEqual(fields!.entities);
    expect(event.sources).toEqual(fields!.sources);
  });

  it('answer how many articles report them and where one article states them, as the plain record does', () => {
    const plain = plainEvents();
    const year = new YearEvents();
    const compact = plain.map(({ fields, page, hash }) => new CompactEvent(year, year.add(fields, page, hash)));
    year.finish();
    const articleIds = ['article-0', 'article-1', 'article-4', 'nowhere'];
    compact.forEach((event, i) => {
      const { fields } = plain[i]!;
      expect(articleCountOf(event)).toBe(fields.articles.length);
      expect(articleCountOf({ ...fields, url: '' })).toBe(fields.articles.length);
      for (const id of articleIds) {
        const expected = fields.sources.filter((source) => source.articleId === id).map((source) => source.anchor);
        expect(sourceAnchorsIn(event, id)).toEqual(expected);
        expect(sourceAnchorsIn({ ...fields, url: '' }, id)).toEqual(expected);
      }
    });
    // Article 0 states the second event too (its second source).
    expect(sourceAnchorsIn(compact[1]!, 'article-0')).toEqual(['s-9']);
  });

  it('answer how many sources they have and give the first few, as the plain record does', () => {
    const plain = plainEvents();
    const year = new YearEvents();
    const compact = plain.map(({ fields, page, hash }) => new CompactEvent(year, year.add(fields, page, hash)));
    year.finish();
    compact.forEach((event, i) => {
      const record = { ...plain[i]!.fields, url: '' };
      expect(sourceCountOf(event)).toBe(record.sources.length);
      expect(sourceCountOf(record)).toBe(record.sources.length);
      for (const most of [0, 1, 2, 5]) {
        expect(firstSourcesOf(event, most)).toEqual(record.sources.slice(0, most));
        expect(firstSourcesOf(record, most)).toEqual(record.sources.slice(0, most));
      }
    });
    // The second event has two sources: one of them, then both.
    expect(firstSourcesOf(compact[1]!, 1)).toEqual([{ articleId: 'article-1', anchor: 's-1' }]);
    expect(sourceCountOf(compact[1]!)).toBe(2);
  });
});
