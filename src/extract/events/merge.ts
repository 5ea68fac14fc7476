/**
 * Builds the timeline: candidates from all articles that report the same happening (same date,
 * shared entities, similar wording) become one event listing every source.
 *
 * Linear in the number of candidates: they are sorted by date and merged one date at a time, and a
 * candidate is only compared with events of its date found through an index from its entities and
 * its longest content words, each key remembering a bounded number of events, each event offering
 * its first few sentences. The index only lives for one date, and a year's events are finished as
 * soon as the year is done, so the merge holds little beyond what it returns.
 */
import type { Mention, TimelineEvent } from '../../types.js';
import type { EventCandidate } from './candidate.js';
import { eventPageUrl, groupKey, MONTH_PAGE_LIMIT } from './pages.js';
import { PreparedCandidates } from './prepared.js';
import { sortedOrder } from './mergeOrder.js';
import { CompactEvent, eventAnchor, eventId, YearEvents } from './compactEvents.js';

export { eventAnchor } from './compactEvents.js';

/** Same date and a shared entity: this much wording overlap makes it the same happening. */
const SIMILAR_WITH_ENTITY = 0.2;
/** Same date and no shared entity: only near-identical wording merges. */
const SIMILAR_WITHOUT_ENTITY = 0.5;
/** How many content words of a sentence serve as blocking keys (its longest: long words are rarer). */
const KEY_WORDS = 6;
/** How many events each blocking key remembers; bounds the comparisons per candidate. */
const KEY_MEMORY = 16;
/** How many of an event's first sentences a candidate is compared with. */
const COMPARED_MEMBERS = 8;

/** A timeline event being assembled. */
interface Cluster {
  /** Numbers of the candidates merged so far (in `PreparedCandidates`), in sorted order. */
  members: number[];
  /** Articles already in it (as `PreparedCandidates.articleNumber`), in order; all of one article's candidates of a date come together, so the last one tells. */
  articles: number[];
  /** Index of the last candidate that looked at this event (to look at it once per candidate). */
  visited: number;
  /**
   * The words of its first `COMPARED_MEMBERS` sentences (the ones candidates are compared with), one
   * sentence after another, and where each sentence's end; the same for their entities. Copies kept
   * together: a comparison then reads one short list, not sentences scattered over the archive's
   * pool (at 100,000 articles that pool is far bigger than the processor's caches).
   */
  words: number[];
  wordEnds: number[];
  entities: number[];
  entityEnds: number[];
}

/** How often (candidates, minus one: a mask) the merge lets the build collect garbage (`checkpoint`). */
const CHECK_EVERY = 1023;

/** The index of one date's events: entity number or word number → the events it last led to. */
type KeyIndex = Map<number, Cluster[]>;

/**
 * Merges candidates into timeline events and fills each event's entities from the mentions inside
 * its sentences. The result is sorted by date and does not depend on the order of the inputs.
 */
export function buildTimeline(candidates: readonly EventCandidate[], mentions: readonly Mention[], checkpoint: () => void = () => {}): TimelineEvent[] {
  const prepared = new PreparedCandidates(mentions);
  prepared.add(candidates);
  return mergePrepared(prepared, checkpoint);
}

/** How `mergePrepared` makes its records. */
export interface MergeOptions {
  /**
   * Events with their sentence, lists and URL kept compactly (`CompactEvent`): for a cold build,
   * which holds them all to its last page. Plain records otherwise (a watch session's memo copies
   * and compares them field by field).
   */
  compact?: boolean;
}

/** The timeline of candidates already prepared (`PreparedCandidates.add`, for every article); finishes `prepared`. */
export function mergePrepared(prepared: PreparedCandidates, checkpoint: () => void = () => {}, options: MergeOptions = {}): TimelineEvent[] {
  prepared.finish();
  const order = sortedOrder(prepared.orderKeys(), prepared.count);
  const events: TimelineEvent[] = [];
  const byEntity: KeyIndex = new Map();
  const byWord: KeyIndex = new Map();
  const merging = new Merging(prepared, byEntity, byWord);
  let date: string | null = null;
  let year: string | null = null;
  let ofYear: Cluster[] = [];
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    if ((i & CHECK_EVERY) === 0) checkpoint();
    if (prepared.date(c) !== date) {
      // Candidates are sorted by date, and dates of one year sort together (`2024`, `2024-01`, `2024-01-03`).
      date = prepared.date(c);
      byEntity.clear();
      byWord.clear();
      if (date.slice(0, 4) !== year) {
        finishYear(ofYear, prepared, events, options.compact === true);
        ofYear = [];
        year = date.slice(0, 4);
      }
    }
    let cluster = merging.bestCluster(c, i);
    if (!cluster) ofYear.push((cluster = { members: [], articles: [], visited: -1, words: [], wordEnds: [], entities: [], entityEnds: [] }));
    cluster.members.push(c);
    const article = prepared.articleNumber(c);
    if (cluster.articles[cluster.articles.length - 1] !== article) cluster.articles.push(article);
    const s = prepared.sentenceOf.data[c]!;
    const entities = prepared.entities.data;
    const words = prepared.words.data;
    if (cluster.members.length <= COMPARED_MEMBERS) {
      for (let k = prepared.wordsFrom(s), to = prepared.wordEnds.data[s]!; k < to; k++) cluster.words.push(words[k]!);
      cluster.wordEnds.push(cluster.words.length);
      for (let k = prepared.entitiesFrom(s), to = prepared.entityEnds.data[s]!; k < to; k++) cluster.entities.push(entities[k]!);
      cluster.entityEnds.push(cluster.entities.length);
    }
    for (let k = prepared.entitiesFrom(s), to = prepared.entityEnds.data[s]!; k < to; k++) remember(byEntity, entities[k]!, cluster);
    for (let k = prepared.wordsFrom(s), to = Math.min(prepared.wordEnds.data[s]!, k + KEY_WORDS); k < to; k++) remember(byWord, words[k]!, cluster);
  }
  finishYear(ofYear, prepared, events, options.compact === true);
  return events;
}

function remember(index: KeyIndex, key: number, cluster: Cluster): void {
  const list = index.get(key);
  if (!list) {
    index.set(key, [cluster]);
    return;
  }
  if (list[list.length - 1] === cluster) return;
  list.push(cluster);
  if (list.length > KEY_MEMORY) list.shift();
}

/**
 * Finds the event of the same date a candidate belongs to.
 *
 * A candidate is compared with up to `COMPARED_MEMBERS` sentences of every event its keys lead to,
 * and once an archive has many events a day every key's list is full: at 100,000 articles this was
 * half the timeline stage (30 of 65 s: about 13 µs a candidate, against 1.6 µs at 4,000 articles). So
 * the candidate's words and entities are marked once (`markSentence`), and each comparison only
 * counts which of the other sentence's words and entities are marked: one pass over one side, where
 * a merge of two sorted lists walked both, over the copies the event keeps together (`Cluster.words`).
 * The figures are exactly those of `jaccardRanges` and of a search for a shared entity: a
 * sentence's words are distinct numbers.
 */
class Merging {
  /** Per word number: the serial of the last candidate whose sentence has the word. */
  private readonly wordMarks: Int32Array;
  /** Per entity number: the same for entities. */
  private readonly entityMarks: Int32Array;

  constructor(
    private readonly prepared: PreparedCandidates,
    private readonly byEntity: KeyIndex,
    private readonly byWord: KeyIndex,
  ) {
    this.wordMarks = new Int32Array(largest(prepared.words) + 1).fill(-1);
    this.entityMarks = new Int32Array(largest(prepared.entities) + 1).fill(-1);
  }

  /** Marks the words and entities of sentence `s` with `serial` (a candidate's own number in the merge). */
  private markSentence(s: number, serial: number): void {
    const { prepared, wordMarks, entityMarks } = this;
    const words = prepared.words.data;
    for (let k = prepared.wordsFrom(s), to = prepared.wordEnds.data[s]!; k < to; k++) wordMarks[words[k]!] = serial;
    const entities = prepared.entities.data;
    for (let k = prepared.entitiesFrom(s), to = prepared.entityEnds.data[s]!; k < to; k++) entityMarks[entities[k]!] = serial;
  }

  /**
   * The most similar event of the same date that candidate `c` belongs to, if any. Events are looked
   * at key by key (entities, then words) in the order each key met them; the first best one wins.
   */
  bestCluster(c: number, serial: number): Cluster | null {
    const { prepared } = this;
    const s = prepared.sentenceOf.data[c]!;
    const article = prepared.articleNumber(c);
    let best: Cluster | null = null;
    let bestScore = 0;
    this.markSentence(s, serial);
    const consider = (list: Cluster[] | undefined) => {
      if (!list) return;
      for (const cluster of list) {
        if (cluster.visited === serial) continue;
        cluster.visited = serial;
        if (cluster.articles[cluster.articles.length - 1] === article) continue;
        const score = this.similarity(cluster, s, serial);
        if (score > bestScore) {
          best = cluster;
          bestScore = score;
        }
      }
    };
    const entities = prepared.entities.data;
    for (let k = prepared.entitiesFrom(s), to = prepared.entityEnds.data[s]!; k < to; k++) consider(this.byEntity.get(entities[k]!));
    const words = prepared.words.data;
    for (let k = prepared.wordsFrom(s), to = Math.min(prepared.wordEnds.data[s]!, k + KEY_WORDS); k < to; k++) consider(this.byWord.get(words[k]!));
    return best;
  }

  /**
   * The best wording overlap of sentence `s` (marked with `serial`) with any of the event's first
   * sentences, or 0 when below the merge threshold: `jaccardRanges` of the two sentences' words.
   */
  private similarity(cluster: Cluster, s: number, serial: number): number {
    const { prepared, wordMarks, entityMarks } = this;
    const { words, wordEnds, entities, entityEnds } = cluster;
    const ownWords = prepared.wordEnds.data[s]! - prepared.wordsFrom(s);
    let best = 0;
    // Its first `COMPARED_MEMBERS` sentences, as the cluster keeps them.
    for (let m = 0, from = 0, entitiesFrom = 0; m < wordEnds.length; m++) {
      const to = wordEnds[m]!;
      let shared = 0;
      for (let k = from; k < to; k++) if (wordMarks[words[k]!] === serial) shared++;
      const otherWords = to - from;
      from = to;
      const overlap = ownWords === 0 && otherWords === 0 ? 0 : shared / (ownWords + otherWords - shared);
      let sharesEntity = false;
      const entitiesTo = entityEnds[m]!;
      for (let k = entitiesFrom; k < entitiesTo && !sharesEntity; k++) sharesEntity = entityMarks[entities[k]!] === serial;
      entitiesFrom = entitiesTo;
      const threshold = sharesEntity ? SIMILAR_WITH_ENTITY : SIMILAR_WITHOUT_ENTITY;
      if (overlap >= threshold) best = Math.max(best, overlap + (sharesEntity ? 1 : 0));
    }
    return best;
  }
}

/** The largest number in `list` (-1 when empty). */
function largest(list: { data: Int32Array; length: number }): number {
  let max = -1;
  for (let i = 0; i < list.length; i++) if (list.data[i]! > max) max = list.data[i]!;
  return max;
}

/**
 * Turns a finished year's events into records. The year's size decides which page lists them
 * (`pages.ts`), so each event gets its `url` here, once.
 */
function finishYear(clusters: readonly Cluster[], prepared: PreparedCandidates, events: TimelineEvent[], compact: boolean): void {
  /** A compact year's events (see `CompactEvent`). */
  const year = compact ? new YearEvents() : null;
  /** How many events of each group (month, or the year-only events) are placed so far: an event's place decides its page. */
  const placed = new Map<string, number>();
  /** Page URL by group and page number: one string for all the events of a page. */
  const pages = new Map<string, string>();
  /** The ids given so far, so no two events share one (see `uniqueHash`). */
  const taken = new Set<string>();
  for (const cluster of clusters) {
    const members = cluster.members;
    const first = members[0]!;
    // One string per distinct date and anchor, shared by every event (see `PreparedCandidates`).
    const date = prepared.date(first);
    const precision = prepared.precision(first);
    const hash = uniqueHash(eventHash(prepared.articleId(first), prepared.anchor(first), date), date, taken);
    const id = eventId(date, hash);
    let approximate = true;
    let future = true;
    for (const c of members) {
      approximate &&= prepared.approximate(c);
      future &&= prepared.future(c);
    }
    // Every member's entities, each once, in order of appearance.
    const sentences = members.map((c) => prepared.sentenceOf.data[c]!);
    const entities = sentences.length === 1 ? prepared.entityIdsOf(sentences[0]!) : [...new Set(sentences.flatMap((s) => prepared.entityIdsOf(s)))];
    // Clusters come in date order, the order the pages list them in (`placeEvents` gives the same URLs).
    const group = groupKey({ date, precision });
    const place = placed.get(group) ?? 0;
    placed.set(group, place + 1);
    const pageKey = `${group}/${Math.floor(place / MONTH_PAGE_LIMIT)}`;
    let page = pages.get(pageKey);
    if (page === undefined) pages.set(pageKey, (page = eventPageUrl({ date, precision }, clusters.length, place)));
    const articles = cluster.articles.map((n) => prepared.articleIdOfNumber(n));
    const sources = members.map((c) => ({ articleId: prepared.articleId(c), anchor: prepared.anchor(c) }));
    const text = prepared.text(first);
    // A compact record reads its fields from its year's, which packs them once the year is done (below).
    if (year) events.push(new CompactEvent(year, year.add({ id, date, precision, approximate, future, text, articles, entities, sources }, page, hash)));
    // Field by field, not `{ ...fields, url }` (see README, "Development": one hidden class per object).
    else events.push({ id, date, precision, approximate, future, text, articles, entities, sources, url: [page, eventAnchor(id)].join('#') });
  }
  year?.finish();
}

/**
 * `hash`, or the next free one when an event of the same date already has its id: two events can
 * share a first source (two sentences of one quote or list item, whose anchor is the block's, stating
 * the same date never merge, being of one article), and a 100,000-article archive has millions of
 * events, where two 32-bit hashes of one date do meet. Either made two events one id: one anchor for
 * two events on a month page, and at 100,000 articles two event pages of one path, which failed the
 * build. Events come in a fixed order (by date, then as merged), and a watch session merges a whole
 * date at once (see `timelineMemo.ts`), so an event gets the same id from build to build.
 */
function uniqueHash(hash: number, date: string, taken: Set<string>): number {
  let free = hash;
  while (taken.has(eventId(date, free))) free = (free + 1) | 0;
  taken.add(eventId(date, free));
  return free;
}

/** The code of `#`, which separates the parts an event id hashes. */
const HASH_SEPARATOR = 0x23;

/**
 * 32-bit FNV-1a of `articleId#anchor#date`: short, stable event ids (see `eventId`). The parts are
 * hashed one after the other, so the joined text is never made (nor flattened to be read).
 */
function eventHash(articleId: string, anchor: string, date: string): number {
  let hash = fnv1a(0x811c9dc5, articleId);
  hash = fnv1a(Math.imul(hash ^ HASH_SEPARATOR, 0x01000193), anchor);
  hash = fnv1a(Math.imul(hash ^ HASH_SEPARATOR, 0x01000193), date);
  return hash;
}

/** 32-bit FNV-1a of `text`, continuing from `hash`. */
function fnv1a(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}
