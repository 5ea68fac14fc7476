/**
 * The timeline merge as it was before it was made linear in memory and time (main at 69371cb),
 * kept verbatim as the reference the tests compare `buildTimeline` with: the output must not change.
 *
 * Builds the timeline: candidates from all articles that report the same happening (same date,
 * shared entities, similar wording) become one event listing every source. Candidates are first
 * bucketed by date, and inside a bucket only compared with events that share an entity or a
 * content word, each key remembering a bounded number of events: linear in the archive's size.
 */
import type { Mention, TimelineEvent } from '../../src/types.js';
import type { EventCandidate } from '../../src/extract/events/candidate.js';
import { placeEvents } from '../../src/extract/events/pages.js';
import { contentWords, jaccard } from '../../src/extract/events/similarity.js';

/** Same date and a shared entity: this much wording overlap makes it the same happening. */
const SIMILAR_WITH_ENTITY = 0.2;
/** Same date and no shared entity: only near-identical wording merges. */
const SIMILAR_WITHOUT_ENTITY = 0.5;
/** How many content words of a sentence serve as blocking keys (its longest: long words are rarer). */
const KEY_WORDS = 6;
/** How many events each blocking key remembers; bounds the comparisons per candidate. */
const KEY_MEMORY = 16;

/** A timeline event being assembled. */
interface Cluster {
  /** The candidates merged so far, in sorted order. */
  members: Array<{ candidate: EventCandidate; words: Set<string>; entities: string[] }>;
  /** Articles already in it: an article never reports one happening twice here. */
  articles: Set<string>;
}

/**
 * Merges candidates into timeline events and fills each event's entities from the mentions inside
 * its sentences. The result is sorted by date and does not depend on the order of the inputs.
 */
export function referenceTimeline(candidates: readonly EventCandidate[], mentions: readonly Mention[]): TimelineEvent[] {
  const mentionIndex = indexMentions(mentions);
  const buckets = new Map<string, Cluster[]>();
  const keyIndex = new Map<string, Cluster[]>();
  for (const candidate of [...candidates].sort(compareCandidates)) {
    const entities = sentenceEntities(candidate, mentionIndex);
    const words = contentWords(candidate.text);
    const keys = [...entities.map((e) => `e:${e}`), ...keyWords(words).map((w) => `w:${w}`)].map((k) => `${candidate.date} ${k}`);
    const cluster = bestCluster(candidate, words, entities, keys, keyIndex) ?? newCluster(buckets, candidate.date);
    cluster.members.push({ candidate, words, entities });
    cluster.articles.add(candidate.articleId);
    for (const key of keys) remember(keyIndex, key, cluster);
  }
  const events: TimelineEvent[] = [];
  const taken = new Set<string>();
  for (const clusters of buckets.values()) for (const cluster of clusters) events.push(toEvent(cluster, taken));
  // Buckets were opened in date order and events inside one in the order of their first source;
  // the stable sort only keeps `2024` before `2024-01` before `2024-01-03`.
  return placeEvents(events.sort((a, b) => cmp(a.date, b.date)), eventAnchor);
}

/** The sentence's longest content words, ties in alphabetical order. */
function keyWords(words: Set<string>): string[] {
  return [...words].sort((a, b) => b.length - a.length || cmp(a, b)).slice(0, KEY_WORDS);
}

function newCluster(buckets: Map<string, Cluster[]>, date: string): Cluster {
  const cluster: Cluster = { members: [], articles: new Set() };
  const list = buckets.get(date);
  if (list) list.push(cluster);
  else buckets.set(date, [cluster]);
  return cluster;
}

function remember(keyIndex: Map<string, Cluster[]>, key: string, cluster: Cluster): void {
  const list = keyIndex.get(key) ?? [];
  if (list[list.length - 1] === cluster) return;
  list.push(cluster);
  if (list.length > KEY_MEMORY) list.shift();
  keyIndex.set(key, list);
}

/** The most similar event of the same date that this candidate belongs to, if any. */
function bestCluster(
  candidate: EventCandidate,
  words: Set<string>,
  entities: string[],
  keys: string[],
  keyIndex: Map<string, Cluster[]>,
): Cluster | null {
  let best: Cluster | null = null;
  let bestScore = 0;
  const seen = new Set<Cluster>();
  for (const key of keys) {
    for (const cluster of keyIndex.get(key) ?? []) {
      if (seen.has(cluster) || cluster.articles.has(candidate.articleId)) continue;
      seen.add(cluster);
      const score = similarity(cluster, words, entities);
      if (score > bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
  }
  return best;
}

/** The best wording overlap with any member, or 0 when below the merge threshold. */
function similarity(cluster: Cluster, words: Set<string>, entities: string[]): number {
  let best = 0;
  for (const member of cluster.members.slice(0, 8)) {
    const overlap = jaccard(words, member.words);
    const sharesEntity = entities.some((e) => member.entities.includes(e));
    const threshold = sharesEntity ? SIMILAR_WITH_ENTITY : SIMILAR_WITHOUT_ENTITY;
    if (overlap >= threshold) best = Math.max(best, overlap + (sharesEntity ? 1 : 0));
  }
  return best;
}

/** `taken`: the ids given so far; an event whose id is taken gets the next free hash of its date. */
function toEvent(cluster: Cluster, taken: Set<string>): TimelineEvent {
  const members = cluster.members;
  const first = members[0]!.candidate;
  let hash = fnv1a(`${first.articleId}#${first.anchor}#${first.date}`);
  while (taken.has(`${first.date}-${hex(hash)}`)) hash = (hash + 1) >>> 0;
  const id = `${first.date}-${hex(hash)}`;
  taken.add(id);
  const entities: string[] = [];
  for (const m of members) for (const e of m.entities) if (!entities.includes(e)) entities.push(e);
  return {
    id,
    date: first.date,
    precision: first.precision,
    approximate: members.every((m) => m.candidate.approximate),
    future: members.every((m) => m.candidate.future),
    text: first.text,
    articles: [...cluster.articles],
    entities,
    sources: members.map((m) => ({ articleId: m.candidate.articleId, anchor: m.candidate.anchor })),
    url: '', // set by placeEvents once every year's size is known
  };
}

/** The HTML id of an event on its timeline page. */
function eventAnchor(eventId: string): string {
  return `e-${eventId}`;
}

type MentionIndex = Map<string, Mention[]>;

function indexMentions(mentions: readonly Mention[]): MentionIndex {
  const index: MentionIndex = new Map();
  for (const m of mentions) {
    const key = `${m.articleId}\u0000${m.blockAnchor}`;
    const list = index.get(key);
    if (list) list.push(m);
    else index.set(key, [m]);
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
  for (const m of index.get(`${candidate.articleId}\u0000${candidate.blockAnchor}`) ?? []) {
    const inside = m.start >= from && m.end <= to && candidate.text.slice(m.start - from, m.end - from) === m.surface;
    if (inside && !out.includes(m.entityId)) out.push(m.entityId);
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

/** 32-bit FNV-1a of `text`: short, stable event ids. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A hash as an id writes it: 8 hex digits. */
function hex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}
