/**
 * What a watch session keeps from one entity extraction to the next (`extract.ts` does the work):
 * - each article's tokens, for as long as its record lives (an unchanged article is the same record
 *   from build to build, see `BuildSteps.keep`);
 * - the archive's word statistics as counts: a build takes out the words of the articles gone and
 *   adds those of the new ones, instead of counting every article again, and notes which words'
 *   answers (`WordJudge`) that changed;
 * - each text's last candidates, given back while the answers to the questions it asked still hold
 *   (after one build, only the words whose answers changed need asking again), and which articles
 *   asked about which words (`WordAskers`), so only those are looked at again;
 * - the archive's names summed over every text's candidates (`NameTally`), changed by the texts
 *   whose candidates changed; the last resolution of names is given back when no name's sums changed
 *   and the registry is the same (the resolution is a pure function of them and the fixed gazetteer);
 * - each article's mentions, given back while the matcher is the very same (and kept as the same
 *   list when a new matcher finds the same ones);
 * - each entity's record (`EntityRecords`), made again only for the entities whose mentions or group changed.
 * A cold build passes no memo and keeps nothing once the stage is done.
 */
import type { Article, EntityType, Mention } from '../../types.js';
import { countPackedWords, emptyWordStats, findCandidates, judgeWords, type Candidate, type WordJudge, type WordStats } from './candidates.js';
import type { Gazetteer } from './gazetteer.js';
import type { NameMatcher } from './matcher.js';
import { EntityRecords } from './entityRecords.js';
import { NameTally } from './nameTally.js';
import type { Registry } from './registry.js';
import type { NameInfo, Resolution } from './resolve.js';
import type { TextUnit } from './text-units.js';
import { newWordTable, type Token } from './tokens.js';
import { WordAskers } from './wordAskers.js';
import { lowerBound } from '../../text/lowerBound.js';

export interface ReadUnit extends TextUnit {
  /** Index of its first token in its article's packed tokens. */
  first: number;
  /** Index after its last token. */
  end: number;
}

/** One article's texts and their tokens, packed (see `packedTokens.ts`). */
export interface ArticleTokens {
  /** The texts read, in order. */
  units: ReadUnit[];
  /** Every text's tokens, one after the other (packed: `SLOTS` numbers a token). */
  data: Int32Array;
}

/** One article's texts and their tokens as kept between passes and builds. */
export interface KeptTokens {
  /** The texts read, in order. */
  units: ReadUnit[];
  /** Their tokens in the compact form, or null when they did not fit it (then they are made again when needed). */
  compact: Int32Array | null;
}

/** The names merged, and what the mention pass makes of them. */
export interface ResolvedNames {
  /** The entities and which names refer to them. */
  resolution: Resolution;
  /** The trie over every name of `resolution`. */
  matcher: NameMatcher;
  /** Each entity's kind, by id. */
  types: ReadonlyMap<string, EntityType>;
}

/** True when `keys` (sorted; absent: unknown) holds any of `wanted`. */
export function holdsAny(keys: Int32Array | undefined, wanted: Int32Array): boolean {
  if (!keys) return true;
  for (const n of wanted) {
    const low = lowerBound(0, keys.length, (i) => (keys[i] as number) < n);
    if (low < keys.length && keys[low] === n) return true;
  }
  return false;
}

/** Index of the article with id `id` in `sorted` (in id order), or where it would go. */
function indexOfId(sorted: readonly Article[], id: string): number {
  return lowerBound(0, sorted.length, (i) => sorted[i]!.id < id);
}

/** A text's candidates and the answers about word statistics they were found with. */
interface FoundCandidates {
  /** `nameLike` answers, by word key. */
  nameLike: Map<string, boolean>;
  /** `common` answers, by word key. */
  common: Map<string, boolean>;
  /** What `findCandidates` returned. */
  candidates: Candidate[];
  /** The count (`EntityMemo.generation`) whose answers these were last checked against. */
  checked: number;
}

/** Which count the answers are checked against, and the words whose answers that count changed. */
export interface CheckedCount {
  /** The count's number. */
  generation: number;
  /** Keys whose `nameLike` or `common` answer differs from the count before. */
  flipped: readonly string[];
  /**
   * The last count before this one that changed some answer (0: none did). A text or article
   * checked at that count or later was checked against every answer that changed before this
   * count: only `flipped` can have changed its result (see `keptCandidates`, `unitCandidates`).
   */
  quietFrom: number;
}

export class EntityMemo {
  /** Word keys and shapes, and the key numbers the kept tokens hold. */
  readonly words = newWordTable();
  /** Each article's tokens. Never changed once made: tokens are a pure function of the text (the gazetteer is fixed). */
  readonly tokens = new WeakMap<Article, KeptTokens>();
  /** The last candidates of each text (see `unitCandidates`). */
  readonly found = new WeakMap<ReadUnit, FoundCandidates>();
  /**
   * Each article's last lists of candidates (one per body text), the count they were all checked
   * against, and the numbers of every word key their finding asked about, sorted (null when one has
   * no number): see `keptCandidates`.
   */
  private readonly articleFound = new WeakMap<Article, { lists: Candidate[][]; checked: number; asked: Int32Array | null }>();
  /** The distinct key numbers of each article's tokens, sorted (to tell which articles a changed name may concern). */
  readonly keysOf = new WeakMap<Article, Int32Array>();
  /** Each article's mentions, with the matcher they were found with. */
  readonly mentions = new WeakMap<Article, { matcher: NameMatcher; mentions: Mention[] }>();
  /**
   * Ids of the articles whose list of mentions is another list than the one the link stage last
   * read (see `EntityExtraction.mentionsChanged`): added to by each extraction, emptied by the link
   * stage once it has read them, so a build that failed in between leaves them for the next.
   */
  readonly mentionsChanged = new Set<string>();
  /** The last build's mentions by article id (see `EntityExtraction.mentionsByArticle`), changed in place by an edit's build. */
  byArticle: Map<string, Mention[]> | null = null;
  /** Each entity's record, made again only when its mentions or group changed. */
  readonly records = new EntityRecords();
  /** The last resolution, and the registry it was made with (from the names in `tally` as last settled). */
  lastNames: (ResolvedNames & { registry: Registry }) | null = null;
  /** The names of every article's candidates, summed (see `NameTally`). */
  private readonly tally = new NameTally();
  /** The candidates each article's body texts added to `tally`, one list a text, by article id (an edited article's new record finds its old one's here). */
  private readonly tallied = new Map<string, readonly Candidate[][]>();
  /** How many articles' candidates this build has given (`tallyCandidates`), to tell whether any article is gone. */
  private seen = 0;
  /** Word statistics of the articles in `counted`. */
  private readonly stats = emptyWordStats();
  /** The articles of the last count. */
  private readonly counted = new Map<string, Article>();
  /** Which records asked about which words as their candidates were last found (each id's current record is in `counted`): see `askedAbout`. */
  private readonly askers = new WordAskers(this.counted);
  /** Number of counts made. */
  private generation = 0;
  /** Words whose answers changed at the last count. */
  private flipped: string[] = [];
  /** The last count before the latest that changed some answer (see `CheckedCount.quietFrom`). */
  private lastFlipped = 0;
  /**
   * The records the last `sortedById` found new in place of others of the same ids (an edit's), or
   * null when articles came, went or the list was sorted anew: then every article is looked at.
   */
  replaced: readonly Article[] | null = null;

  /** The articles as last given to `sortedById`, and in id order. */
  private lastArticles: { given: readonly Article[]; sorted: Article[] } = { given: [], sorted: [] };

  /**
   * `articles` in id order (never change the list: it may be the last one). Sorting every record on
   * each edit was a pass over the archive: when each article is the last build's one in the same
   * place or a new record with the same id (an edit), the last order holds, with the new records
   * put in the places of the ones they replace (found by binary search). Else a sort.
   */
  sortedById(articles: readonly Article[]): readonly Article[] {
    const last = this.lastArticles;
    let sorted: Article[] | null = articles.length === last.given.length && articles.length > 0 ? last.sorted : null;
    const replaced: Article[] = [];
    for (let i = 0; sorted && i < articles.length; i++) {
      const now = articles[i]!;
      const was = last.given[i]!;
      if (now === was) continue;
      const at = indexOfId(last.sorted, was.id);
      if (now.id !== was.id || last.sorted[at] !== was) sorted = null;
      else (sorted = sorted === last.sorted ? sorted.slice() : sorted)[at] = now, replaced.push(now);
    }
    this.replaced = sorted ? replaced : null;
    sorted ??= [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.lastArticles = { given: articles, sorted };
    return sorted;
  }

  /**
   * The word statistics of `sorted`, from the last count's: the words of articles no longer there
   * taken out, those of new articles added. `tokensOf` gives an article's tokens (valid until the next call).
   */
  countWords(sorted: readonly Article[], tokensOf: (article: Article) => ArticleTokens, only?: readonly Article[]): WordStats {
    const delta = emptyWordStats();
    const count = (article: Article, sign: 1 | -1) => {
      const { units, data } = tokensOf(article);
      for (const unit of units) if (unit.role === 'body') countPackedWords(delta, data, unit.first, unit.end, this.words.keys, sign);
    };
    // By id: an edited article's new record takes its old one's place, so the set of every id is made only when some are gone.
    // `only`: the records an edit put in place of others of the same ids (see `replaced`), the only ones to count again.
    for (const article of only ?? sorted) {
      const was = this.counted.get(article.id);
      if (was === article) continue;
      if (was) count(was, -1);
      count(article, 1);
      this.counted.set(article.id, article);
    }
    if (!only && this.counted.size > sorted.length) {
      const current = new Set(sorted.map((article) => article.id));
      for (const [id, article] of this.counted) if (!current.has(id)) count(article, -1), this.counted.delete(id);
    }
    // A new build's candidates are tallied after this (see `settleNames`).
    this.seen = 0;
    const judge = judgeWords(this.stats);
    const flipped: string[] = [];
    const touched = new Set([...delta.capitalised.keys(), ...delta.lower.keys()]);
    for (const key of touched) {
      const before = judge.nameLike(key) + ',' + judge.common(key);
      for (const [counts, change] of [[this.stats.capitalised, delta.capitalised], [this.stats.lower, delta.lower]] as const) {
        const next = (counts.get(key) ?? 0) + (change.get(key) ?? 0);
        if (next === 0) counts.delete(key);
        else counts.set(key, next);
      }
      if (judge.nameLike(key) + ',' + judge.common(key) !== before) flipped.push(key);
    }
    if (this.flipped.length > 0) this.lastFlipped = this.generation;
    this.generation++;
    this.flipped = flipped;
    return this.stats;
  }

  /**
   * An article's lists of candidates as last found, when every one of its texts was checked against
   * the count just before this one and this count changed no word's answers: each text's check
   * (`unitCandidates`) would then pass, so the walk over its texts is skipped. Else null.
   */
  keptCandidates(article: Article, count: CheckedCount): Candidate[][] | null {
    const last = this.articleFound.get(article);
    if (!last || last.checked < count.quietFrom) return null;
    if (count.flipped.length > 0 && (last.asked === null || holdsAny(last.asked, this.flippedNumbers(count)))) return null;
    last.checked = count.generation;
    return last.lists;
  }

  /** Notes an article's lists of candidates, each checked against `count`, found in `units` (see `keptCandidates`). */
  noteCandidates(article: Article, lists: Candidate[][], count: CheckedCount, units: readonly ReadUnit[]): void {
    const asked = new Set<number>();
    let known = true;
    for (const unit of units) {
      const found = this.found.get(unit);
      if (!found) continue;
      for (const answers of [found.nameLike, found.common]) {
        for (const key of answers.keys()) {
          const n = this.words.numberOf(key);
          if (n === undefined) known = false;
          else asked.add(n);
        }
      }
    }
    this.articleFound.set(article, { lists, checked: count.generation, asked: known ? Int32Array.from(asked).sort() : null });
    this.askers.note(article, known ? asked : null);
  }

  /** The current records whose last candidates asked about a word whose answer `count` changed (see `WordAskers.askedAbout`). */
  askedAbout(count: CheckedCount): Article[] {
    return this.askers.askedAbout(this.flippedNumbers(count));
  }

  /** The key numbers of a count's flipped words, sorted (made once per count). */
  private flippedNumbers(count: CheckedCount): Int32Array {
    if (this.flippedOf?.count !== count) {
      const numbers = count.flipped.map((key) => this.words.numberOf(key)).filter((n): n is number => n !== undefined);
      this.flippedOf = { count, numbers: Int32Array.from(numbers).sort() };
    }
    return this.flippedOf.numbers;
  }

  /** The last `flippedNumbers` made. */
  private flippedOf: { count: CheckedCount; numbers: Int32Array } | null = null;

  /** The count the candidates of this build are checked against (after `countWords`). */
  checkedCount(): CheckedCount {
    return { generation: this.generation, flipped: this.flipped, quietFrom: this.lastFlipped };
  }

  /**
   * Notes an article's candidates for this build (one list a body text, in order): a list that is
   * not the very one tallied last for that article (`unitCandidates` gives back unchanged ones) is
   * taken out and the new one added.
   */
  tallyCandidates(article: Article, found: readonly Candidate[][]): void {
    this.seen++;
    const last = this.tallied.get(article.id);
    if (last && last.length === found.length && last.every((list, i) => list === found[i])) return;
    for (const list of last ?? []) this.tally.add(list, -1);
    for (const list of found) this.tally.add(list, 1);
    this.tallied.set(article.id, found);
  }

  /** After every article's (`sorted`) `tallyCandidates`: takes out the candidates of the articles gone; true when some name's sums changed. */
  settleNames(sorted: readonly Article[], sameIds = false): boolean {
    // Every article tallied this build is in `tallied` (by id): more there means some are gone (only then is the set of every id made).
    // `sameIds`: the build's articles have the ids of the last's (an edit's build, which tallies only the records replaced).
    if (!sameIds && this.tallied.size > this.seen) {
      const current = new Set(sorted.map((article) => article.id));
      for (const [id, lists] of this.tallied) {
        if (current.has(id)) continue;
        for (const list of lists) this.tally.add(list, -1);
        this.tallied.delete(id);
      }
    }
    this.seen = 0;
    return this.tally.settle();
  }

  /** Every name found, summed over the archive (as last settled). */
  names(): ReadonlyMap<string, NameInfo> {
    return this.tally.names();
  }

  /**
   * `resolved`, with the last build's matcher and types when they would find the very same
   * mentions: the same names pointing to the same ids, written with the same capitals, and the same
   * kinds (a count changed, the entities did not). Then each unchanged article's mentions are reused.
   */
  sameMatching(resolved: ResolvedNames): ResolvedNames {
    const last = this.lastNames;
    if (!last || !sameMap(last.resolution.lookup, resolved.resolution.lookup, sameItems) || !sameMap(last.resolution.shapes, resolved.resolution.shapes, sameSet) || !sameMap(last.types, resolved.types, Object.is)) return resolved;
    return { resolution: resolved.resolution, matcher: last.matcher, types: last.types };
  }
}

function sameMap<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !same(value, other)) return false;
  }
  return true;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/**
 * `findCandidates` for one text, given again without the work when every question it asked of the
 * archive's word statistics has the same answer as last time: the finder reads nothing else that
 * can change (text, tokens and gazetteer are fixed), so the result is the one it would return.
 * When its answers were checked at the count just before, only the words that count changed are asked again.
 */
export function unitCandidates(memo: EntityMemo, count: CheckedCount, unit: ReadUnit, tokens: () => Token[], judge: WordJudge, gazetteer: Gazetteer): Candidate[] {
  const last = memo.found.get(unit);
  if (last) {
    const still = last.checked === count.generation || (last.checked >= count.quietFrom ? sameFlipped(last, count.flipped, judge) : sameAnswers(last.nameLike, judge.nameLike) && sameAnswers(last.common, judge.common));
    if (still) {
      last.checked = count.generation;
      return last.candidates;
    }
  }
  const found: FoundCandidates = { nameLike: new Map(), common: new Map(), candidates: [], checked: count.generation };
  const ask = (answers: Map<string, boolean>, question: (key: string) => boolean) => (key: string) => {
    const answer = question(key);
    answers.set(key, answer);
    return answer;
  };
  found.candidates = findCandidates(unit.text, tokens(), { nameLike: ask(found.nameLike, judge.nameLike), common: ask(found.common, judge.common) }, gazetteer);
  memo.found.set(unit, found);
  return found.candidates;
}

function sameFlipped(last: FoundCandidates, flipped: readonly string[], judge: WordJudge): boolean {
  for (const key of flipped) {
    const nameLike = last.nameLike.get(key);
    if (nameLike !== undefined && nameLike !== judge.nameLike(key)) return false;
    const common = last.common.get(key);
    if (common !== undefined && common !== judge.common(key)) return false;
  }
  return true;
}

function sameAnswers(answers: ReadonlyMap<string, boolean>, question: (key: string) => boolean): boolean {
  for (const [key, answer] of answers) if (question(key) !== answer) return false;
  return true;
}
