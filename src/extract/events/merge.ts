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
import { jaccardSorted, Vocabulary } from './similarity.js';

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

/** What merging reads of one sentence, worked out once however many dates the sentence states. */
interface Sentence {
  /** Ids of the entities named in it, sorted. */
  entities: string[];
  /** The same entities as numbers, for the index and for comparing. */
  entityKeys: number[];
  /** Its content words as numbers in blocking order (ascending): the first `KEY_WORDS` are its keys. */
  words: Int32Array;
}

/** A candidate with what merging reads of its sentence. */
interface Prepared {
  /** The candidate. */
  candidate: EventCandidate;
  /** Its sentence, shared with the other candidates of the same sentence. */
  sentence: Sentence;
}

/** A timeline event being assembled. */
interface Cluster {
  /** The candidates merged so far, in sorted order. */
  members: Prepared[];
  /** Articles already in it, in order; all of one article's candidates of a date come together, so the last one tells. */
  articles: string[];
  /** Index of the last candidate that looked at this event (to look at it once per candidate). */
  visited: number;
}

/** The index of one date's events: entity number or word number → the events it last led to. */
type KeyIndex = Map<number, Cluster[]>;

/**
 * Merges candidates into timeline events and fills each event's entities from the mentions inside
 * its sentences. The result is sorted by date and does not depend on the order of the inputs.
 */
export function buildTimeline(candidates: readonly EventCandidate[], mentions: readonly Mention[]): TimelineEvent[] {
  const prepared = prepare(candidates, mentions);
  const events: TimelineEvent[] = [];
  const byEntity: KeyIndex = new Map();
  const byWord: KeyIndex = new Map();
  let date: string | null = null;
  let year: string | null = null;
  let ofYear: Cluster[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const item = prepared[i]!;
    const candidate = item.candidate;
    if (candidate.date !== date) {
      // Candidates are sorted by date, and dates of one year sort together (`2024`, `2024-01`, `2024-01-03`).
      date = candidate.date;
      byEntity.clear();
      byWord.clear();
      if (date.slice(0, 4) !== year) {
        finishYear(ofYear, events);
        ofYear = [];
        year = date.slice(0, 4);
      }
    }
    const { entityKeys, words } = item.sentence;
    let cluster = bestCluster(item, i, byEntity, byWord);
    if (!cluster) ofYear.push((cluster = { members: [], articles: [], visited: -1 }));
    cluster.members.push(item);
    if (cluster.articles[cluster.articles.length - 1] !== candidate.articleId) cluster.articles.push(candidate.articleId);
    for (const key of entityKeys) remember(byEntity, key, cluster);
    for (let k = 0; k < words.length && k < KEY_WORDS; k++) remember(byWord, words[k]!, cluster);
  }
  finishYear(ofYear, events);
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
 * The most similar event of the same date that this candidate belongs to, if any. Events are looked
 * at key by key (entities, then words) in the order each key met them; the first best one wins.
 */
function bestCluster(item: Prepared, serial: number, byEntity: KeyIndex, byWord: KeyIndex): Cluster | null {
  const { entityKeys, words } = item.sentence;
  const articleId = item.candidate.articleId;
  let best: Cluster | null = null;
  let bestScore = 0;
  const consider = (list: Cluster[] | undefined) => {
    if (!list) return;
    for (const cluster of list) {
      if (cluster.visited === serial) continue;
      cluster.visited = serial;
      if (cluster.articles[cluster.articles.length - 1] === articleId) continue;
      const score = similarity(cluster, words, entityKeys);
      if (score > bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
  };
  for (const key of entityKeys) consider(byEntity.get(key));
  for (let k = 0; k < words.length && k < KEY_WORDS; k++) consider(byWord.get(words[k]!));
  return best;
}

/** The best wording overlap with any of the event's first sentences, or 0 when below the merge threshold. */
function similarity(cluster: Cluster, words: Int32Array, entityKeys: readonly number[]): number {
  let best = 0;
  const members = cluster.members;
  for (let m = 0; m < members.length && m < COMPARED_MEMBERS; m++) {
    const member = members[m]!.sentence;
    const overlap = jaccardSorted(words, member.words);
    const sharesEntity = entityKeys.some((e) => member.entityKeys.includes(e));
    const threshold = sharesEntity ? SIMILAR_WITH_ENTITY : SIMILAR_WITHOUT_ENTITY;
    if (overlap >= threshold) best = Math.max(best, overlap + (sharesEntity ? 1 : 0));
  }
  return best;
}

/**
 * Turns a finished year's events into records. The year's size decides which page lists them
 * (`pages.ts`), so each event gets its `url` here, once.
 */
function finishYear(clusters: readonly Cluster[], events: TimelineEvent[]): void {
  /** How many events of each group (month, or the year-only events) are placed so far: an event's place decides its page. */
  const placed = new Map<string, number>();
  /** Page URL by group and page number: one string for all the events of a page. */
  const pages = new Map<string, string>();
  for (const cluster of clusters) {
    const members = cluster.members;
    const first = members[0]!.candidate;
    // Joined, not `+`-ed: a join makes one flat string, `+` a tree of pieces, and events are held to the end of the build.
    const id = [first.date, fnv1a(`${first.articleId}#${first.anchor}#${first.date}`)].join('-');
    let approximate = true;
    let future = true;
    for (const { candidate } of members) {
      approximate &&= candidate.approximate;
      future &&= candidate.future;
    }
    // Every member's entities, each once, in order of appearance.
    const entities = members.length === 1 ? members[0]!.sentence.entities.slice() : [...new Set(members.flatMap((m) => m.sentence.entities))];
    // Clusters come in date order, the order the pages list them in (`placeEvents` gives the same URLs).
    const group = groupKey(first);
    const place = placed.get(group) ?? 0;
    placed.set(group, place + 1);
    const pageKey = `${group}/${Math.floor(place / MONTH_PAGE_LIMIT)}`;
    let page = pages.get(pageKey);
    if (page === undefined) pages.set(pageKey, (page = eventPageUrl(first, clusters.length, place)));
    events.push({
      id,
      date: first.date,
      precision: first.precision,
      approximate,
      future,
      text: first.text,
      // Copies the exact size (arrays grown by `push` keep spare room, and the timeline is held to the end of the build).
      articles: cluster.articles.slice(),
      entities,
      sources: members.map(({ candidate }) => ({ articleId: candidate.articleId, anchor: candidate.anchor })),
      url: [page, eventAnchor(id)].join('#'),
    });
  }
}

/** The HTML id of an event on its timeline page. */
export function eventAnchor(eventId: string): string {
  return `e-${eventId}`;
}

/**
 * Each candidate with its sentence's entities and content words, sorted for merging. Candidates of
 * one sentence (one per date it states) arrive together from extraction and share the work.
 */
function prepare(candidates: readonly EventCandidate[], mentions: readonly Mention[]): Prepared[] {
  const mentionIndex = indexMentions(mentions);
  const vocabulary = new Vocabulary();
  const entityNumbers = new Map<string, number>();
  const sentences: Array<{ sentence: Sentence; words: number[] }> = [];
  const prepared: Prepared[] = [];
  let last: Prepared | null = null;
  for (const candidate of candidates) {
    if (last && sameSentence(last.candidate, candidate)) {
      prepared.push((last = { candidate, sentence: last.sentence }));
      continue;
    }
    const entities = sentenceEntities(candidate, mentionIndex);
    const entityKeys = entities.map((e) => {
      let n = entityNumbers.get(e);
      if (n === undefined) entityNumbers.set(e, (n = entityNumbers.size));
      return n;
    });
    const sentence: Sentence = { entities, entityKeys, words: EMPTY };
    sentences.push({ sentence, words: vocabulary.read(candidate.text) });
    prepared.push((last = { candidate, sentence }));
  }
  // Words are numbered in blocking order only once every word is known.
  const rank = vocabulary.ranks();
  for (const { sentence, words } of sentences) {
    const ranked = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) ranked[k] = rank[words[k]!]!;
    sentence.words = ranked.sort();
  }
  return prepared.sort((a, b) => compareCandidates(a.candidate, b.candidate));
}

const EMPTY = new Int32Array(0);

/** True when two candidates come from the same sentence of the same article (entities and words are then the same). */
function sameSentence(a: EventCandidate, b: EventCandidate): boolean {
  return a.articleId === b.articleId && a.blockAnchor === b.blockAnchor && a.partOffset === b.partOffset && a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Mentions by article, then by block. */
type MentionIndex = Map<string, Map<string, Mention[]>>;

function indexMentions(mentions: readonly Mention[]): MentionIndex {
  const index: MentionIndex = new Map();
  for (const m of mentions) {
    let blocks = index.get(m.articleId);
    if (!blocks) index.set(m.articleId, (blocks = new Map()));
    const list = blocks.get(m.blockAnchor);
    if (list) list.push(m);
    else blocks.set(m.blockAnchor, [m]);
  }
  return index;
}

/**
 * Entities named inside the candidate's sentence. Mention offsets count in the block's plain text
 * (its texts joined with `\n`); a mention counts when it lies inside the sentence and the sentence
 * reads its surface there.
 */
function sentenceEntities(candidate: EventCandidate, index: MentionIndex): string[] {
  const out: string[] = [];
  const from = candidate.partOffset + candidate.start;
  const to = candidate.partOffset + candidate.end;
  const text = candidate.text;
  for (const m of index.get(candidate.articleId)?.get(candidate.blockAnchor) ?? []) {
    if (m.start < from || m.end > to || out.includes(m.entityId)) continue;
    // The surface read in place: `text.slice(…) === surface` without the slice.
    const at = m.start - from;
    const length = Math.max(0, Math.min(m.end - from, text.length) - at);
    if (length === m.surface.length && text.startsWith(m.surface, at)) out.push(m.entityId);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function compareCandidates(a: EventCandidate, b: EventCandidate): number {
  return (
    cmp(a.date, b.date) || cmp(a.articleId, b.articleId) || a.blockIndex - b.blockIndex || a.part - b.part || a.start - b.start || cmp(a.dateText, b.dateText)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 32-bit FNV-1a of `text` as 8 hex digits: short, stable event ids. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
