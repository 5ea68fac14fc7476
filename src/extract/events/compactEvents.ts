/**
 * A cold build's timeline events, kept compactly: most of what they hold sits outside the JavaScript
 * heap, in a few buffers per year.
 *
 * A build holds every event from the timeline stage to its last page, and the synthetic news corpus
 * states a date in almost every sentence: 4,000 articles make 77,600 events, 53 of the 112 MiB live
 * after the link stage, and at 100,000 articles the events alone would be over 1.3 GiB. Of an
 * event's ~690 bytes, a third were its sentence (`text`, a slice that keeps its whole paragraph
 * alive) and its URL (a string of its own per event), another third its three lists (articles,
 * entities, sources: six small arrays and an object per source). Every object the heap holds is
 * also walked by each full garbage collection, which is what made the big builds slower per
 * article than the small ones.
 *
 * So a year's sentences go into one UTF-8 buffer (outside the heap, never walked by the collector),
 * its lists into arrays of numbers into tables of distinct strings, and an event's URL is made when
 * asked from its page's (one string per page) and its id. They are read through accessors on
 * `CompactEvent`'s prototype, so the records stay the shape templates, views and exports read;
 * `toJSON` puts them back for JSON, in the schema's order.
 *
 * Only a cold build's merge makes these (`mergePrepared(…, { compact: true })`): a watch session's
 * memo copies and compares its events field by field, and keeps them plain.
 */
import type { Precision, TimelineEvent } from '../../types.js';
import { IntList } from '../../text/intList.js';
import { StringTable } from '../../text/stringTable.js';

/** A list of lists of strings, packed: each list's entries as numbers into one table. */
class PackedLists {
  private readonly table = new StringTable();
  private readonly entries = new IntList();
  private readonly ends = new IntList();
  private packedEntries: Int32Array | null = null;
  private packedEnds: Int32Array | null = null;

  add(list: readonly string[]): void {
    for (const value of list) this.entries.push(this.table.numberOf(value));
    this.ends.push(this.entries.length);
  }

  /** Ends adding: the lists move to buffers of their exact size. */
  finish(): void {
    this.packedEntries = this.entries.takeExact();
    this.packedEnds = this.ends.takeExact();
    this.table.seal();
  }

  /** The i-th list's entries' numbers: `from` to `to` in `entries`. */
  range(i: number): { from: number; to: number } {
    const ends = this.packedEnds!;
    return { from: i === 0 ? 0 : ends[i - 1]!, to: ends[i]! };
  }

  /** The string numbered `entries[k]`. */
  entry(k: number): string {
    return this.table.strings[this.packedEntries![k]!]!;
  }

  /** The i-th list, as a new array. */
  list(i: number): string[] {
    const { from, to } = this.range(i);
    const list = new Array<string>(to - from);
    for (let k = from; k < to; k++) list[k - from] = this.entry(k);
    return list;
  }
}

/** An event as `YearEvents.add` takes it: every field but its URL, which its listing page gives. */
export type EventFields = Omit<TimelineEvent, 'url'>;

/** Precisions by their code in packed flags (bits 0–1). */
const PRECISIONS: readonly Precision[] = ['day', 'month', 'year'];
/** Flag bits above the precision's code. */
const APPROXIMATE = 4;
const FUTURE = 8;

/** A date's precision and whether it is approximate and future, as one number (see `flagPrecision`, `flagApproximate`, `flagFuture`). */
export function packFlags(precision: Precision, approximate: boolean, future: boolean): number {
  return PRECISIONS.indexOf(precision) | (approximate ? APPROXIMATE : 0) | (future ? FUTURE : 0);
}

export const flagPrecision = (flags: number): Precision => PRECISIONS[flags & 3]!;
export const flagApproximate = (flags: number): boolean => (flags & APPROXIMATE) !== 0;
export const flagFuture = (flags: number): boolean => (flags & FUTURE) !== 0;

/**
 * One year's events: their ids as the hash part (the date gives the rest), dates as numbers into a
 * table, precision and flags as bits, sentences in one UTF-8 buffer, page URLs, and the articles,
 * entities and sources as numbers into tables of distinct strings.
 */
export class YearEvents {
  /** Each event's id hash (see `eventId`). */
  private readonly hashes = new IntList();
  private packedHashes: Int32Array | null = null;
  private readonly dates = new StringTable();
  private readonly dateOf = new IntList();
  private packedDateOf: Int32Array | null = null;
  /** Each event's precision and flags (`packFlags`). */
  private readonly flags = new IntList();
  private packedFlags: Int32Array | null = null;
  private texts: Buffer | null = null;
  private readonly pending: string[] = [];
  private textStarts: Int32Array | null = null;
  private readonly pages = new StringTable();
  private readonly pageOf = new IntList();
  private packedPageOf: Int32Array | null = null;
  private readonly articleLists = new PackedLists();
  private readonly entityLists = new PackedLists();
  /** Each source's article id and sentence anchor, one after the other. */
  private readonly sourceParts = new PackedLists();

  /** Adds an event listed on `page`, whose id is `eventId(event.date, hash)`; its number is the count added before it. */
  add(event: EventFields, page: string, hash: number): number {
    this.hashes.push(hash);
    this.dateOf.push(this.dates.numberOf(event.date));
    this.flags.push(packFlags(event.precision, event.approximate, event.future));
    this.pending.push(event.text);
    this.pageOf.push(this.pages.numberOf(page));
    this.articleLists.add(event.articles);
    this.entityLists.add(event.entities);
    const parts: string[] = [];
    for (const source of event.sources) parts.push(source.articleId, source.anchor);
    this.sourceParts.add(parts);
    return this.pending.length - 1;
  }

  /** Ends adding: the sentences go to one buffer (its own memory, not a slice of Node's shared pool), the lists to buffers of their exact size. */
  finish(): void {
    const starts = new Int32Array(this.pending.length + 1);
    let length = 0;
    this.pending.forEach((text, i) => {
      starts[i] = length;
      length += Buffer.byteLength(text, 'utf8');
    });
    starts[this.pending.length] = length;
    const bytes = Buffer.allocUnsafeSlow(length);
    this.pending.forEach((text, i) => bytes.write(text, starts[i]!, 'utf8'));
    this.texts = bytes;
    this.textStarts = starts;
    this.pending.length = 0;
    this.packedPageOf = this.pageOf.takeExact();
    this.pages.seal();
    this.packedHashes = this.hashes.takeExact();
    this.packedDateOf = this.dateOf.takeExact();
    this.dates.seal();
    this.packedFlags = this.flags.takeExact();
    this.articleLists.finish();
    this.entityLists.finish();
    this.sourceParts.finish();
  }

  id(i: number): string {
    return eventId(this.date(i), this.packedHashes![i]!);
  }

  date(i: number): string {
    return this.dates.strings[this.packedDateOf![i]!]!;
  }

  precision(i: number): Precision {
    return flagPrecision(this.packedFlags![i]!);
  }

  approximate(i: number): boolean {
    return flagApproximate(this.packedFlags![i]!);
  }

  future(i: number): boolean {
    return flagFuture(this.packedFlags![i]!);
  }

  text(i: number): string {
    return this.texts!.toString('utf8', this.textStarts![i], this.textStarts![i + 1]);
  }

  page(i: number): string {
    return this.pages.strings[this.packedPageOf![i]!]!;
  }

  articles(i: number): string[] {
    return this.articleLists.list(i);
  }

  entities(i: number): string[] {
    return this.entityLists.list(i);
  }

  /** How many articles report event `i` (without making the list). */
  articleCount(i: number): number {
    const { from, to } = this.articleLists.range(i);
    return to - from;
  }

  /** The anchors of event `i`'s sentences in article `articleId`, in order (without making its list of sources). */
  sourceAnchors(i: number, articleId: string): string[] {
    const { from, to } = this.sourceParts.range(i);
    const anchors: string[] = [];
    for (let k = from; k < to; k += 2) if (this.sourceParts.entry(k) === articleId) anchors.push(this.sourceParts.entry(k + 1));
    return anchors;
  }

  /** Event `i`'s sources, or the first `most` of them. */
  sources(i: number, most = Infinity): TimelineEvent['sources'] {
    const { from, to } = this.sourceParts.range(i);
    const sources: TimelineEvent['sources'] = [];
    for (let k = from; k < to && sources.length < most; k += 2) sources.push({ articleId: this.sourceParts.entry(k), anchor: this.sourceParts.entry(k + 1) });
    return sources;
  }

  /** How many sources event `i` has (without making the list). */
  sourceCount(i: number): number {
    const { from, to } = this.sourceParts.range(i);
    return (to - from) / 2;
  }
}

/**
 * A timeline event whose fields are read from its year's `YearEvents`: the object itself holds
 * only its year and its number there (at 100,000 articles there are 1.7 million events; with its
 * id, date and flags as fields of its own, each was 80 bytes more and a string). A class, so every
 * record has one shape; the accessors are on the prototype, so they are not own properties:
 * spreading a record drops them (nothing in a cold build spreads events), and `toJSON` puts them
 * back for JSON. Each read of the id or a list makes a new value: nothing in a cold build compares
 * an event's fields by identity.
 */
export class CompactEvent {
  readonly #year: YearEvents;
  readonly #index: number;

  /** The `index`-th event of `year` (see `YearEvents.add`). */
  constructor(year: YearEvents, index: number) {
    this.#year = year;
    this.#index = index;
  }

  /** Stable id: the date and a hash of its first source (see `eventId`). */
  get id(): string {
    return this.#year.id(this.#index);
  }

  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  get date(): string {
    return this.#year.date(this.#index);
  }

  /** How precisely the sources give the date. */
  get precision(): Precision {
    return this.#year.precision(this.#index);
  }

  /** True when every source gives the date loosely. */
  get approximate(): boolean {
    return this.#year.approximate(this.#index);
  }

  /** True when every source reports it as still to come. */
  get future(): boolean {
    return this.#year.future(this.#index);
  }

  /** The sentence that states the event, from the first source. */
  get text(): string {
    return this.#year.text(this.#index);
  }

  /** Ids of the articles that report it. */
  get articles(): string[] {
    return this.#year.articles(this.#index);
  }

  /** Ids of the entities the sentence mentions. */
  get entities(): string[] {
    return this.#year.entities(this.#index);
  }

  /** Where it is told: article id and the sentence's anchor on that article's page. */
  get sources(): TimelineEvent['sources'] {
    return this.#year.sources(this.#index);
  }

  /** How many sources it has: `sources.length`, without making the list. */
  get sourceCount(): number {
    return this.#year.sourceCount(this.#index);
  }

  /** The first `most` of its sources, without making the whole list. */
  firstSources(most: number): TimelineEvent['sources'] {
    return this.#year.sources(this.#index, most);
  }

  /** How many articles report it: `articles.length`, without making the list. */
  get articleCount(): number {
    return this.#year.articleCount(this.#index);
  }

  /** The anchors of its sentences in one article, as `sources` has them. */
  sourceAnchors(articleId: string): string[] {
    return this.#year.sourceAnchors(this.#index, articleId);
  }

  /** Path of the timeline page that lists it, with the event's anchor. */
  get url(): string {
    return `${this.#year.page(this.#index)}#${eventAnchor(this.id)}`;
  }

  /** The plain record, in the order of `TimelineEventSchema`. */
  toJSON(): TimelineEvent {
    const { id, date, precision, approximate, future, text, articles, entities, sources, url } = this;
    return { id, date, precision, approximate, future, text, articles, entities, sources, url };
  }
}

/**
 * How many articles report `event`. An event reported by many articles is on each of their pages,
 * and each page asked for the whole list: at 100,000 articles an event has up to thousands of
 * reports, and making its list once per report made the article pages quadratic in them.
 */
export function articleCountOf(event: TimelineEvent): number {
  return event instanceof CompactEvent ? event.articleCount : event.articles.length;
}

/** How many sources `event` has (a sentence each), without making its list (see `articleCountOf`). */
export function sourceCountOf(event: TimelineEvent): number {
  return event instanceof CompactEvent ? event.sourceCount : event.sources.length;
}

/** The first `most` of `event`'s sources, without making the whole list: a view lists only those (see `EVENT_REPORTS_SHOWN`). */
export function firstSourcesOf(event: TimelineEvent, most: number): TimelineEvent['sources'] {
  return event instanceof CompactEvent ? event.firstSources(most) : event.sources.slice(0, most);
}

/** The anchors of `event`'s sentences in article `articleId`, in order, without making its list of sources (see `articleCountOf`). */
export function sourceAnchorsIn(event: TimelineEvent, articleId: string): string[] {
  if (event instanceof CompactEvent) return event.sourceAnchors(articleId);
  const anchors: string[] = [];
  for (const source of event.sources) if (source.articleId === articleId) anchors.push(source.anchor);
  return anchors;
}

/** An event's id: its date and the 32-bit hash of its first source (see `merge.ts`) as 8 hex digits. */
export function eventId(date: string, hash: number): string {
  // Joined, not `+`-ed: a join makes one flat string, `+` a tree of pieces.
  return [date, (hash >>> 0).toString(16).padStart(8, '0')].join('-');
}

/** The HTML id of an event on its timeline page. */
export function eventAnchor(eventId: string): string {
  return `e-${eventId}`;
}

/**
 * Plain events (as the record cache keeps them, in timeline order) made compact again, a batch at a
 * time so each batch's plain records are soon garbage: a rebuild from the cache then holds its
 * timeline as a cold build does (16,000 articles: ~300 MiB of plain records otherwise). An event
 * whose id or URL is not one `merge.ts` makes stays plain.
 */
export function compactPlainEvents(batches: Iterable<readonly TimelineEvent[]>): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let year: YearEvents | null = null;
  let yearOf = '';
  for (const batch of batches) {
    for (const event of batch) {
      const hash = Number.parseInt(event.id.slice(-8), 16) | 0;
      const page = event.url.slice(0, event.url.indexOf('#'));
      if (eventId(event.date, hash) !== event.id || event.url !== `${page}#${eventAnchor(event.id)}`) {
        events.push(event);
        continue;
      }
      if (!year || event.date.slice(0, 4) !== yearOf) {
        year?.finish();
        year = new YearEvents();
        yearOf = event.date.slice(0, 4);
      }
      events.push(new CompactEvent(year, year.add(event, page, hash)));
    }
  }
  year?.finish();
  return events;
}
