/**
 * The timeline exports' records written straight to text, in the bytes `indentedJson` gives
 * (`JSON.stringify(value, null, 2)`, indented to where the record sits). A build writes two of them
 * per event (`data/timeline.json` and `data/timelinejs.json`), and the synthetic corpus has about
 * twenty events an article: made as objects, stringified and re-indented, both exports took 1.3 s
 * of the main thread at 4,000 articles (0.9 s written here). Strings still go through `JSON.stringify`, so escaping
 * is exactly the standard one; only the layout is written here. `tests/export-event-json.test.ts`
 * compares both with `indentedJson` on every event of a build.
 */
import type { TimelineEvent } from '../types.js';

/** Indentation of `depth` levels, for the depths these records use. */
const INDENT: readonly string[] = Array.from({ length: 6 }, (_, depth) => '  '.repeat(depth));

const json = JSON.stringify as (value: string) => string;

/** `JSON.stringify(values, null, 2)` for a list of strings that sits `depth` levels deep. */
function stringList(values: readonly string[], depth: number): string {
  if (values.length === 0) return '[]';
  const inner = `,\n${INDENT[depth + 1]}`;
  let text = `[\n${INDENT[depth + 1]}${json(values[0]!)}`;
  for (let i = 1; i < values.length; i++) text += inner + json(values[i]!);
  return `${text}\n${INDENT[depth]}]`;
}

/** `JSON.stringify(sources, null, 2)` for an event's sources, sitting `depth` levels deep. */
function sourceList(sources: TimelineEvent['sources'], depth: number): string {
  if (sources.length === 0) return '[]';
  const [item, field] = [INDENT[depth + 1], INDENT[depth + 2]];
  let text = '[';
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    text += `${i === 0 ? '' : ','}\n${item}{\n${field}"articleId": ${json(source.articleId)},\n${field}"anchor": ${json(source.anchor)}\n${item}}`;
  }
  return `${text}\n${INDENT[depth]}]`;
}

/**
 * One record of `data/timeline.json`, as `indentedJson` writes it one level deep: the DESIGN fields,
 * plus `future` and `sources` (fields may be added), in the schema's order.
 */
export function timelineEventJson(event: TimelineEvent): string {
  const f = INDENT[2];
  return (
    `{\n${f}"id": ${json(event.id)},\n${f}"date": ${json(event.date)},\n${f}"precision": ${json(event.precision)},` +
    `\n${f}"approximate": ${event.approximate},\n${f}"future": ${event.future},\n${f}"text": ${json(event.text)},` +
    `\n${f}"articles": ${stringList(event.articles, 2)},\n${f}"entities": ${stringList(event.entities, 2)},` +
    `\n${f}"sources": ${sourceList(event.sources, 2)},\n${f}"url": ${json(event.url)}\n${INDENT[1]}}`
  );
}

/** A TimelineJS slide's fields (see `timelineJsData`): `month` and `day` only when the date has them. */
export interface SlideFields {
  /** The event's id. */
  id: string;
  /** The year of its date, as written in it (`2024`). */
  year: string;
  /** The month of its date as written in it (`05`), when it has one. */
  month: string | undefined;
  /** The day of its date as written in it (`09`), when it has one. */
  day: string | undefined;
  /** The date as a reader reads it. */
  displayDate: string;
  /** The slide's headline, HTML. */
  headline: string;
  /** The slide's text, HTML. */
  text: string;
}

/** `indentedJson(slide, 2)` for the TimelineJS slide of `fields`. */
export function timelineJsSlideJson(fields: SlideFields): string {
  const [f, g, close] = [INDENT[3], INDENT[4], INDENT[2]];
  const month = fields.month ? `\n${g}"month": ${json(String(Number(fields.month)))},` : '';
  const day = fields.day ? `\n${g}"day": ${json(String(Number(fields.day)))},` : '';
  return (
    `{\n${f}"unique_id": ${json(fields.id)},\n${f}"start_date": {\n${g}"year": ${json(fields.year)},${month}${day}\n${g}"display_date": ${json(fields.displayDate)}\n${f}},` +
    `\n${f}"text": {\n${g}"headline": ${json(fields.headline)},\n${g}"text": ${json(fields.text)}\n${f}}\n${close}}`
  );
}
