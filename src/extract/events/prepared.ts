/**
 * What the timeline merge reads of each candidate, kept compact: every sentence's entities and
 * content words as numbers in two shared pools of 32-bit integers, not as arrays and objects per
 * sentence. At 16,000 articles the merge holds about 400,000 candidates until every date is known;
 * as objects and small arrays its working data was about 690 bytes a candidate (260 MiB), as pools
 * it is about 100.
 *
 * Candidates are added one article at a time as they are extracted (`add`), so nothing is gathered
 * twice; `finish` then renumbers the words in blocking order once the whole vocabulary is known.
 */
import type { Mention } from '../../types.js';
import type { EventCandidate } from './candidate.js';
import { Vocabulary } from './similarity.js';

/** A growable list of 32-bit integers. */
export class IntList {
  /** The values; only the first `length` are in use. */
  data = new Int32Array(1024);
  /** How many values are in use. */
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values in use, in a buffer of their own at their exact size; the list lets go of its own and starts empty. */
  takeExact(): Int32Array {
    const exact = this.data.slice(0, this.length);
    this.data = new Int32Array(0);
    this.length = 0;
    return exact;
  }
}

/** Every candidate of the archive with its sentence's entities and words, as numbers. */
export class PreparedCandidates {
  /** The candidates, in the order they were added. */
  readonly candidates: EventCandidate[] = [];
  /** Sentence number of each candidate (candidates of one sentence, one per date it states, share it). */
  readonly sentenceOf = new IntList();
  /** End of each sentence's words in `words` (a sentence's words start where the previous one's end). */
  readonly wordEnds = new IntList();
  /** Every sentence's content words; ascending within a sentence after `finish` (the blocking order). */
  readonly words = new IntList();
  /** End of each sentence's entities in `entities`. */
  readonly entityEnds = new IntList();
  /** Every sentence's entities as numbers, in the order of their ids (so the ids come back sorted). */
  readonly entities = new IntList();
  /** Entity ids by number. */
  private readonly entityIds: string[] = [];
  private readonly entityNumbers = new Map<string, number>();
  private readonly vocabulary = new Vocabulary();
  /** Mentions by article (from the entity stage). */
  private readonly mentionsOf = new Map<string, Mention[]>();
  /** The mentions of the article last looked at, by block. */
  private blocksOf: { articleId: string; blocks: Map<string, Mention[]> } | null = null;

  constructor(mentions: readonly Mention[]) {
    for (const m of mentions) {
      const list = this.mentionsOf.get(m.articleId);
      if (list) list.push(m);
      else this.mentionsOf.set(m.articleId, [m]);
    }
  }

  /** Adds candidates; those of one sentence arriving one after the other share its entities and words. */
  add(candidates: readonly EventCandidate[]): void {
    let last = this.candidates.length > 0 ? this.candidates[this.candidates.length - 1]! : null;
    for (const candidate of candidates) {
      if (!last || !sameSentence(last, candidate)) this.addSentence(candidate);
      this.candidates.push(candidate);
      this.sentenceOf.push(this.wordEnds.length - 1);
      last = candidate;
    }
  }

  /** Renumbers the words in blocking order (only possible once every word is known), each sentence's ascending. */
  finish(): void {
    const rank = this.vocabulary.ranks();
    const words = this.words.data;
    const ends = this.wordEnds.data;
    let from = 0;
    for (let s = 0; s < this.wordEnds.length; s++) {
      const to = ends[s]!;
      for (let k = from; k < to; k++) words[k] = rank[words[k]!]!;
      words.subarray(from, to).sort();
      from = to;
    }
  }

  /** First word of sentence `s` in `words`. */
  wordsFrom(s: number): number {
    return s === 0 ? 0 : this.wordEnds.data[s - 1]!;
  }

  /** First entity of sentence `s` in `entities`. */
  entitiesFrom(s: number): number {
    return s === 0 ? 0 : this.entityEnds.data[s - 1]!;
  }

  /** The ids of the entities named in sentence `s`, sorted. */
  entityIdsOf(s: number): string[] {
    const from = this.entitiesFrom(s);
    // Exactly as long as needed (an array grown by `push` keeps spare room, and events are held to the end of the build).
    const out = new Array<string>(this.entityEnds.data[s]! - from);
    for (let k = 0; k < out.length; k++) out[k] = this.entityIds[this.entities.data[from + k]!]!;
    return out;
  }

  private addSentence(candidate: EventCandidate): void {
    for (const id of this.sentenceEntities(candidate)) {
      let n = this.entityNumbers.get(id);
      if (n === undefined) {
        this.entityNumbers.set(id, (n = this.entityIds.length));
        this.entityIds.push(id);
      }
      this.entities.push(n);
    }
    this.entityEnds.push(this.entities.length);
    for (const word of this.vocabulary.read(candidate.text)) this.words.push(word);
    this.wordEnds.push(this.words.length);
  }

  /**
   * Entities named inside the candidate's sentence. Mention offsets count in the block's plain text
   * (its texts joined with `\n`); a mention counts when it lies inside the sentence and the sentence
   * reads its surface there.
   */
  private sentenceEntities(candidate: EventCandidate): string[] {
    const out: string[] = [];
    const from = candidate.partOffset + candidate.start;
    const to = candidate.partOffset + candidate.end;
    const text = candidate.text;
    for (const m of this.blockMentions(candidate.articleId, candidate.blockAnchor)) {
      if (m.start < from || m.end > to || out.includes(m.entityId)) continue;
      // The surface read in place: `text.slice(…) === surface` without the slice.
      const at = m.start - from;
      const length = Math.max(0, Math.min(m.end - from, text.length) - at);
      if (length === m.surface.length && text.startsWith(m.surface, at)) out.push(m.entityId);
    }
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The mentions inside one block of one article; the article's are grouped by block once, while its candidates come. */
  private blockMentions(articleId: string, blockAnchor: string): readonly Mention[] {
    if (this.blocksOf?.articleId !== articleId) {
      const blocks = new Map<string, Mention[]>();
      for (const m of this.mentionsOf.get(articleId) ?? []) {
        const list = blocks.get(m.blockAnchor);
        if (list) list.push(m);
        else blocks.set(m.blockAnchor, [m]);
      }
      this.blocksOf = { articleId, blocks };
    }
    return this.blocksOf.blocks.get(blockAnchor) ?? [];
  }
}

/** True when two candidates come from the same sentence of the same article (entities and words are then the same). */
function sameSentence(a: EventCandidate, b: EventCandidate): boolean {
  return a.articleId === b.articleId && a.blockAnchor === b.blockAnchor && a.partOffset === b.partOffset && a.start === b.start && a.end === b.end && a.text === b.text;
}
