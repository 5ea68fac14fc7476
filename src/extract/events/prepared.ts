/**
 * Every candidate of the archive as the timeline merge reads it, kept compact: the merge holds all
 * of them until every date is known (2.3 million at 100,000 synthetic articles), so none is kept as
 * an object. Each candidate's fields are numbers in typed lists (dates, article ids, anchors and
 * dates as written as numbers into tables of distinct strings), each sentence's text is UTF-8
 * outside the heap, and its entities and content words are numbers in two shared pools. As objects
 * with their strings, the candidates were the timeline stage's peak: over 300 bytes each on the
 * heap, plus the paragraph each sentence was cut from.
 *
 * Candidates are added one article at a time as they are extracted (`add`), so nothing is gathered
 * twice; `finish` then renumbers the words in blocking order once the whole vocabulary is known.
 */
import type { Mention, Precision } from '../../types.js';
import { PackedMentions, type MentionList } from '../entities/packedMentions.js';
import { IntList } from '../../text/intList.js';
import { StringTable } from '../../text/stringTable.js';
import { Utf8Texts } from '../../text/utf8Texts.js';
import type { EventCandidate } from './candidate.js';
import { flagApproximate, flagFuture, flagPrecision, packFlags } from './compactEvents.js';
import type { MergeOrderKeys } from './mergeOrder.js';
import { Vocabulary } from './similarity.js';

/** Every candidate of the archive with its sentence's entities and words, as numbers. */
export class PreparedCandidates {
  /** Each candidate's article, as a number in `articleIds`. */
  private readonly articleOf = new IntList();
  /** Each candidate's date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), as a number in `dates`. */
  private readonly dateOf = new IntList();
  /** Each candidate's block position, text part and offset in that part: its reading order. */
  private readonly blockIndexOf = new IntList();
  private readonly partOf = new IntList();
  private readonly startOf = new IntList();
  /** Each candidate's date as written, as a number in `datesAsWritten` (only the merge order reads it). */
  private readonly dateTextOf = new IntList();
  /** Each candidate's sentence anchor, as a number in `anchors`. */
  private readonly anchorOf = new IntList();
  /** Each candidate's precision and flags (`packFlags`). */
  private readonly flagsOf = new IntList();
  private readonly articleIds = new StringTable();
  private readonly dates = new StringTable(true);
  private readonly datesAsWritten = new StringTable(true);
  private readonly anchors = new StringTable(true);
  /** Each sentence's text, by sentence number. */
  private readonly texts = new Utf8Texts();
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
  /** The mentions of an article (from the entity stage). */
  private readonly mentionsOf: (articleId: string) => readonly Mention[];
  /** The mentions of the article last looked at, by block. */
  private blocksOf: { articleId: string; blocks: Map<string, Mention[]> } | null = null;
  /** The candidate added last: the next one of the same sentence shares its sentence's number. */
  private last: EventCandidate | null = null;

  /** `mentions`: packed ones are read an article at a time; a plain list (in any order) is grouped by article at once. */
  constructor(mentions: MentionList) {
    if (mentions instanceof PackedMentions) {
      this.mentionsOf = (articleId) => mentions.ofArticle(articleId);
      return;
    }
    const byArticle = new Map<string, Mention[]>();
    for (const m of mentions) {
      const list = byArticle.get(m.articleId);
      if (list) list.push(m);
      else byArticle.set(m.articleId, [m]);
    }
    this.mentionsOf = (articleId) => byArticle.get(articleId) ?? [];
  }

  /** How many candidates were added. */
  get count(): number {
    return this.articleOf.length;
  }

  /** Adds candidates; those of one sentence arriving one after the other share its entities and words. */
  add(candidates: readonly EventCandidate[]): void {
    for (const candidate of candidates) {
      if (!this.last || !sameSentence(this.last, candidate)) this.addSentence(candidate);
      this.articleOf.push(this.articleIds.numberOf(candidate.articleId));
      this.dateOf.push(this.dates.numberOf(candidate.date));
      this.blockIndexOf.push(candidate.blockIndex);
      this.partOf.push(candidate.part);
      this.startOf.push(candidate.start);
      this.dateTextOf.push(this.datesAsWritten.numberOf(candidate.dateText));
      this.anchorOf.push(this.anchors.numberOf(candidate.anchor));
      this.flagsOf.push(packFlags(candidate.precision, candidate.approximate, candidate.future));
      this.sentenceOf.push(this.wordEnds.length - 1);
      this.last = candidate;
    }
  }

  /** Renumbers the words in blocking order (only possible once every word is known), each sentence's ascending. */
  finish(): void {
    this.last = null;
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

  /** What the merge sorts the candidates by (see `sortedOrder`): strings as their ranks, compared as numbers. */
  orderKeys(): MergeOrderKeys {
    const ranked = (list: IntList, table: StringTable) => {
      const ranks = table.ranks();
      const out = new Int32Array(list.length);
      for (let c = 0; c < out.length; c++) out[c] = ranks[list.data[c]!]!;
      return out;
    };
    return {
      dates: ranked(this.dateOf, this.dates),
      articles: ranked(this.articleOf, this.articleIds),
      blockIndexes: this.blockIndexOf.data,
      parts: this.partOf.data,
      starts: this.startOf.data,
      datesAsWritten: ranked(this.dateTextOf, this.datesAsWritten),
    };
  }

  /** Candidate `c`'s article, as a number (equal numbers, equal articles). */
  articleNumber(c: number): number {
    return this.articleOf.data[c]!;
  }

  /** The id of the article numbered `n` (see `articleNumber`). */
  articleIdOfNumber(n: number): string {
    return this.articleIds.strings[n]!;
  }

  /** Id of the article candidate `c` comes from. */
  articleId(c: number): string {
    return this.articleIdOfNumber(this.articleOf.data[c]!);
  }

  /** Candidate `c`'s date; equal dates are the very same string. */
  date(c: number): string {
    return this.dates.strings[this.dateOf.data[c]!]!;
  }

  /** Where candidate `c`'s sentence is on its article's page. */
  anchor(c: number): string {
    return this.anchors.strings[this.anchorOf.data[c]!]!;
  }

  precision(c: number): Precision {
    return flagPrecision(this.flagsOf.data[c]!);
  }

  approximate(c: number): boolean {
    return flagApproximate(this.flagsOf.data[c]!);
  }

  future(c: number): boolean {
    return flagFuture(this.flagsOf.data[c]!);
  }

  /** Candidate `c`'s sentence, trimmed. */
  text(c: number): string {
    return this.texts.get(this.sentenceOf.data[c]!);
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
    this.texts.add(candidate.text);
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
      for (const m of this.mentionsOf(articleId)) {
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
