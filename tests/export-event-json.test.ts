/**
 * The timeline exports' records, written straight to text (`src/export/eventJson.ts`), are byte for
 * byte what `JSON.stringify(record, null, 2)` gives, indented to where each sits: for every event
 * of a built archive (compact records, as a cold build holds them, and plain ones, as a watch
 * session does) and for strings JSON must escape.
 */
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { resolveConfig } from '../src/config.js';
import { timelineEventJson, timelineJsSlideJson, type SlideFields } from '../src/export/eventJson.js';
import { indentedJson } from '../src/export/jsonChunks.js';
import type { TimelineEvent } from '../src/types.js';
import { REPO } from './helpers/publish-build.js';

/** The record `data/timeline.json` holds for `event`, as an object (the reference). */
function exported(event: TimelineEvent) {
  const { id, date, precision, approximate, future, text, articles, entities, sources, url } = event;
  return { id, date, precision, approximate, future, text, articles, entities, sources, url };
}

/** The TimelineJS slide of `fields`, as an object (the reference). */
function slide(fields: SlideFields) {
  const { id, year, month, day, displayDate, headline, text } = fields;
  return {
    unique_id: id,
    start_date: { year, ...(month ? { month: String(Number(month)) } : {}), ...(day ? { day: String(Number(day)) } : {}), display_date: displayDate },
    text: { headline, text },
  };
}

const AWKWARD = ['"quoted" \\ back', 'tab\tnew\nline\r', 'control \u0001\u001f', 'lone \ud800 surrogate', 'emoji 😀 and é', '</script><!--', ''];

describe('timeline export records', () => {
  it('are the bytes JSON.stringify gives, for every event of the seeds', async () => {
    const config = resolveConfig(REPO, { input: 'seeds', output: 'dist-unused' });
    const result = await build(config, { cwd: REPO, write: false, search: false });
    const events = result.archive!.events;
    expect(events.length).toBeGreaterThan(5);
    for (const event of events) {
      expect(timelineEventJson(event)).toBe(indentedJson(exported(event), 1));
      // A plain copy, as a watch session holds events.
      const plain = JSON.parse(JSON.stringify(event)) as TimelineEvent;
      expect(timelineEventJson(plain)).toBe(indentedJson(exported(plain), 1));
    }
  });

  it('escape what JSON escapes, and write empty lists as []', () => {
    for (const awkward of AWKWARD) {
      const event: TimelineEvent = {
        id: `2024-${awkward}`,
        date: '2024-05',
        precision: 'month',
        approximate: true,
        future: false,
        text: awkward,
        articles: awkward ? [awkward, 'b'] : [],
        entities: [],
        sources: awkward ? [{ articleId: awkward, anchor: 's-p-1-1' }] : [],
        url: `timeline/2024/05/#e-${awkward}`,
      };
      expect(timelineEventJson(event)).toBe(indentedJson(exported(event), 1));
      for (const [month, day] of [[undefined, undefined], ['05', undefined], ['05', '09']] as const) {
        const fields: SlideFields = { id: awkward, year: '2024', month, day, displayDate: awkward, headline: awkward, text: `<p>${awkward}</p>` };
        expect(timelineJsSlideJson(fields)).toBe(indentedJson(slide(fields), 2));
      }
    }
  });
});
