/**
 * Candidate names found in one text with no help: runs of capitalised words, cut and typed by the
 * grammar around them. Titles (`President`, `spokesman`) announce a person and are stripped; place
 * cues (`X province`, `city of X`) and head nouns (`… Department`, `… Sea`) give the kind; country and
 * city names come from the gazetteer; `Full Name (ABBR)` defines an abbreviation. Capitals at the
 * start of a sentence prove nothing, so such a word counts only when the archive also capitalises it
 * mid-sentence (word statistics below).
 */
import type { EntityType } from '../../types.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer.js';
import {
  ADJECTIVE_ENDING, CALENDAR_WORDS, DIRECTIONS, NAME_PARTICLES, OF_JOINABLE_HEADS, ORGANIZATION_CUES_AFTER,
  ORGANIZATION_HEADS, PERSON_TITLES, PLACE_CUES_AFTER, PLACE_CUES_BEFORE_OF, PLACE_HEADS, STOPWORDS, TITLE_MODIFIERS,
} from './lexicon.js';
import { INITIAL, LOWER, MASKED, SLOTS, TITLE } from './packedTokens.js';
import type { Token } from './tokens.js';
import { flatCopy } from '../../text/flatCopy.js';

/** A name found in a text, before names are merged into entities. */
export interface Candidate {
  /** The name as written, titles and possessive left out (`Ebrahim Raisi`). */
  surface: string;
  /** Token keys joined with spaces (`ebrahim raisi`). */
  key: string;
  /** Number of words. */
  words: number;
  /** The kind the context points to, or null when nothing does. */
  cue: EntityType | null;
  /** True for a single all-caps word (`IRGC`, `U.S.`). */
  acronym: boolean;
  /** The gazetteer place it names, if any. */
  place: GazetteerPlace | null;
  /** Key of the abbreviation this name defines in `Name (ABBR)`, if any. */
  defines: string | null;
  /** True when the archive capitalises every word of it mid-sentence more often than not (`Matthew Miller`, not `Big Apple`). */
  proper: boolean;
}

/** How often each word is capitalised mid-sentence and written in lower case, over the whole archive. */
export interface WordStats {
  /** Capitalised occurrences not at the start of a sentence, by token key. */
  capitalised: Map<string, number>;
  /** Lower-case occurrences, by token key. */
  lower: Map<string, number>;
}

/** Empty statistics, to fill with `countWords`. */
export function emptyWordStats(): WordStats {
  return { capitalised: new Map(), lower: new Map() };
}

/** Adds one text's words to the statistics. */
export function countWords(stats: WordStats, tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.masked) continue;
    if (token.shape === 'title' && !token.initial) stats.capitalised.set(token.key, (stats.capitalised.get(token.key) ?? 0) + 1);
    else if (token.shape === 'lower') stats.lower.set(token.key, (stats.lower.get(token.key) ?? 0) + 1);
  }
}

/**
 * `countWords` over the packed tokens `from..to` (exclusive) of `data` (see `packedTokens.ts`); `keys` are the key strings by number.
 * `sign` -1 takes a text's words back out (a watch session's statistics, kept as counts between builds).
 */
export function countPackedWords(stats: WordStats, data: Int32Array, from: number, to: number, keys: readonly string[], sign: 1 | -1 = 1): void {
  const { capitalised, lower } = stats;
  for (let at = from * SLOTS, stop = to * SLOTS; at < stop; at += SLOTS) {
    const flags = data[at + 3] as number;
    if ((flags & MASKED) !== 0) continue;
    const shape = flags & 3;
    if (shape === TITLE && (flags & INITIAL) === 0) {
      const key = keys[data[at + 2] as number] as string;
      capitalised.set(key, (capitalised.get(key) ?? 0) + sign);
    } else if (shape === LOWER) {
      const key = keys[data[at + 2] as number] as string;
      lower.set(key, (lower.get(key) ?? 0) + sign);
    }
  }
}

/**
 * All the candidate finder asks of the archive's word statistics. Its answers are yes or no, so a
 * text's candidates stay the same while the answers to its questions do (see `extract.ts`).
 */
export interface WordJudge {
  /** The archive capitalises this word mid-sentence more often than it writes it in lower case. */
  nameLike(key: string): boolean;
  /** A function word, or a word the archive writes in lower case at least as often as capitalised. */
  common(key: string): boolean;
}

/** The judge that answers from `stats`. */
export function judgeWords(stats: WordStats): WordJudge {
  return {
    nameLike: (key) => (stats.capitalised.get(key) ?? 0) > (stats.lower.get(key) ?? 0),
    common: (key) => {
      const lower = stats.lower.get(key) ?? 0;
      return STOPWORDS.has(key) || (lower > 0 && lower >= (stats.capitalised.get(key) ?? 0));
    },
  };
}

/** Finds the candidate names of one body text. */
export function findCandidates(text: string, tokens: readonly Token[], stats: WordStats | WordJudge, gazetteer: Gazetteer): Candidate[] {
  const finder = new CandidateFinder(text, tokens, 'nameLike' in stats ? stats : judgeWords(stats), gazetteer);
  const headline = headlineTokens(text, tokens);
  for (let i = 0; i < tokens.length; ) {
    const end = headline[i] ? i - 1 : finder.runEnd(i);
    if (end < i) i++;
    else {
      finder.process(i, end, false);
      i = end + 1;
    }
  }
  return finder.found;
}

/**
 * Marks the tokens of headline-like stretches: a stretch between sentence ends (or a line) with no
 * final period where at least three quarters of the content words are capitalised. Headings glued to
 * a paragraph (`…rivalries.US-Iran Relations: A Complex Tapestry`), contents lists, related-headline
 * and SEO lines and post attributions read like this; in them a capital proves nothing. Names in
 * them are still mentioned when found elsewhere.
 */
export function headlineTokens(text: string, tokens: readonly Token[]): boolean[] {
  const marks = new Array<boolean>(tokens.length).fill(false);
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const boundary = token === undefined || (previous !== undefined && /[.!?\n|]/u.test(text.slice(previous.end, token.start)));
    if (!boundary || i === start) continue;
    const last = tokens[i - 1] as Token;
    const ending = text.slice(last.end, token?.start ?? text.length).trim();
    if (!/^[”"’')\]]*\./u.test(ending)) {
      let capitalised = 0;
      let content = 0;
      for (let k = start; k < i; k++) {
        const word = tokens[k] as Token;
        if (word.masked || !/\p{L}/u.test(word.text) || STOPWORDS.has(word.key) || NAME_PARTICLES.has(word.key)) continue;
        content++;
        if (word.shape === 'title' || word.shape === 'upper') capitalised++;
      }
      if (capitalised >= 2 && capitalised * 4 >= content * 3) marks.fill(true, start, i);
    }
    start = i;
  }
  return marks;
}

class CandidateFinder {
  readonly found: Candidate[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly judge: WordJudge,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** Index of the last token of the name run starting at `i`, or `i - 1` when no run starts there. */
  runEnd(i: number): number {
    const tokens = this.tokens;
    if (!this.startsName(tokens[i])) return i - 1;
    let end = i;
    for (;;) {
      const current = tokens[end] as Token;
      if (current.closesName) return end;
      const next = tokens[end + 1];
      if (next?.joined && this.startsName(next)) {
        end++;
        continue;
      }
      // Particles inside a name: `Bank of England`, `Organization of the Petroleum…`, `Osama bin Laden`.
      let k = end + 1;
      while (k < end + 3 && tokens[k]?.joined && tokens[k]?.shape === 'lower' && NAME_PARTICLES.has(tokens[k]?.key ?? '')) k++;
      const after = tokens[k];
      const first = tokens[end + 1];
      if (k === end + 1 || !after?.joined || !this.startsName(after) || !first) return end;
      if ((first.key === 'of' && !OF_JOINABLE_HEADS.has(current.key)) || first.key === 'the') return end;
      end = k;
    }
  }

  private startsName(token: Token | undefined): boolean {
    return token !== undefined && !token.masked && (token.shape === 'title' || token.shape === 'upper') && !CALENDAR_WORDS.has(token.key);
  }

  /** Turns the run `from..to` into candidates; `trusted` when a capital there is known not to be sentence case. */
  process(from: number, to: number, trusted: boolean): void {
    const t = this.tokens;
    let first = t[from] as Token;
    // Sentence openers and function words: `The`, `In`, `However`.
    while (from <= to && first.shape === 'title' && STOPWORDS.has(first.key)) {
      from++;
      trusted = true;
      if (from > to) return;
      first = t[from] as Token;
    }
    const run = t.slice(from, to + 1);
    const key = run.map((token) => token.key).join(' ');
    const isTrusted = trusted || !first.initial;
    const whole = this.gazetteer.byKey.get(key);
    if (whole) {
      if (whole.kind === 'country' || isTrusted || this.nameLike(first.key)) this.emit(from, to, 'place', whole);
      return;
    }
    if (run.length > 1 && run.every((token) => token.shape === 'upper')) return; // shouting, not acronyms
    // `Iranian President Ebrahim Raisi` drops the adjective; `Iranian Embassy` keeps it, being the name of a body.
    if (run.length > 1 && this.gazetteer.demonyms.has(first.key) && !ORGANIZATION_HEADS.has(t[to]?.key ?? '')) return this.process(from + 1, to, true);
    if (run.length > 1 && this.splitLeadingPlace(from, to)) return;
    const titled = this.titleEnd(from, to);
    const lastKey = t[to]?.key ?? '';
    // `General Motors` is a company, not General Motors the person.
    if (titled > from && !ORGANIZATION_HEADS.has(lastKey) && !PLACE_HEADS.has(lastKey)) {
      return titled <= to ? this.processNamed(titled, to, 'person') : undefined;
    }
    if (!isTrusted && !this.personTitleBefore(from)) {
      if (run.length === 1 && first.shape === 'title' && !this.nameLike(first.key)) return;
      if (run.length > 1 && this.common(first.key) && !this.gazetteer.byKey.has(`${first.key} ${t[from + 1]?.key ?? ''}`)) return this.process(from + 1, to, true);
    }
    this.processNamed(from, to, this.personTitleBefore(from) ? 'person' : null);
  }

  /** `US State Department` → `US` + `State Department`; `northwestern Iran` → `Iran`. True when it split. */
  private splitLeadingPlace(from: number, to: number): boolean {
    const t = this.tokens;
    for (let width = Math.min(3, to - from); width >= 1; width--) {
      const prefix = t.slice(from, from + width).map((token) => token.key).join(' ');
      const place = this.gazetteer.byKey.get(prefix);
      const rest = to - (from + width) + 1;
      const restHead = t[to]?.key ?? '';
      // `London Tory`, `Iran Relations`: a place and one more word that is not a head noun (`New York Times` stays whole).
      const singleRest = rest === 1 && !ORGANIZATION_HEADS.has(restHead) && !PLACE_HEADS.has(restHead);
      if (place && (singleRest || (place.kind === 'country' && (rest >= 2 || this.titleEnd(from + width, to) > from + width)))) {
        this.emit(from, from + width - 1, 'place', place);
        if (!singleRest || !this.common(restHead)) this.process(from + width, to, true);
        return true;
      }
    }
    const restKey = t.slice(from + 1, to + 1).map((token) => token.key).join(' ');
    const place = this.gazetteer.byKey.get(restKey);
    if (DIRECTIONS.has(t[from]?.key ?? '') && place && this.placeCueAfter(to) === false) {
      this.emit(from + 1, to, 'place', place);
      return true;
    }
    return false;
  }

  /** Index after the titles that open the run (`Supreme Leader Ayatollah` → index of `Ali`); `from` when none. */
  private titleEnd(from: number, to: number): number {
    const t = this.tokens;
    let end = from;
    for (;;) {
      let k = end;
      while (k <= to && TITLE_MODIFIERS.has(t[k]?.key ?? '') && !PERSON_TITLES.has(t[k]?.key ?? '')) k++;
      if (k <= to && PERSON_TITLES.has(t[k]?.key ?? '') && t[k]?.shape !== 'lower') end = k + 1;
      else return end;
    }
  }

  /** Types and emits a run that is a name (titles already stripped). */
  private processNamed(from: number, to: number, cue: EntityType | null): void {
    const t = this.tokens;
    const run = t.slice(from, to + 1);
    const first = run[0] as Token;
    const last = run[run.length - 1] as Token;
    const next = t[to + 1];
    if (run.length === 1 && this.gazetteer.demonyms.has(first.key)) return;
    if (run.length === 1 && cue === null && first.shape === 'title' && ADJECTIVE_ENDING.test(first.key) && next?.shape === 'lower' && next.joined) return;
    const defines = this.definedAbbreviation(from, to);
    let kind: EntityType | null = cue;
    if (this.placeCueAfter(to) || this.placeCueBefore(from)) kind = 'place';
    else if (kind === null && next?.joined && next.shape === 'lower' && ORGANIZATION_CUES_AFTER.has(next.key) && !last.closesName) kind = 'organization';
    else if (kind === null && run.length > 1 && PLACE_HEADS.has(last.key) && !ORGANIZATION_HEADS.has(last.key)) kind = 'place';
    else if (kind === null && (run.length > 1 || defines) && ORGANIZATION_HEADS.has(last.key)) kind = 'organization';
    else if (kind === null && defines !== null) kind = 'organization';
    if (run.every((token) => STOPWORDS.has(token.key) || NAME_PARTICLES.has(token.key))) return;
    if (kind === null && run.every((token) => this.common(token.key) || NAME_PARTICLES.has(token.key))) return;
    this.emit(from, to, kind, null, defines);
  }

  private emit(from: number, to: number, cue: EntityType | null, place: GazetteerPlace | null, defines: string | null = null): void {
    const run = this.tokens.slice(from, to + 1);
    const first = run[0] as Token;
    const last = run[run.length - 1] as Token;
    this.found.push({
      // A copy: candidates are held until every article is read, and a cold build lets each article's text go (`flatCopy`).
      surface: flatCopy(this.text.slice(first.start, last.end)),
      key: run.map((token) => token.key).join(' '),
      words: run.length,
      cue,
      acronym: run.length === 1 && first.shape === 'upper',
      place,
      defines,
      proper: run.every((token) => token.shape === 'upper' || NAME_PARTICLES.has(token.key) || this.nameLike(token.key)),
    });
  }

  /** `Islamic Revolutionary Guards Corps (IRGC)`: the key of the abbreviation when its letters fit the name. */
  private definedAbbreviation(from: number, to: number): string | null {
    const last = this.tokens[to] as Token;
    const abbreviation = this.tokens[to + 1];
    if (!abbreviation || abbreviation.shape !== 'upper') return null;
    if (this.text.slice(last.end, abbreviation.start) !== ' (' || this.text[abbreviation.end] !== ')') return null;
    const letters = abbreviation.text.replace(/[^\p{Lu}]/gu, '');
    const words = this.tokens.slice(from, to + 1);
    const initials = words.filter((w) => !NAME_PARTICLES.has(w.key)).map((w) => w.text[0] ?? '').join('').toUpperCase();
    const capitals = words.map((w) => w.text.replace(/[^\p{Lu}]/gu, '')).join('');
    return initials === letters || (letters.length >= 2 && capitals.startsWith(letters[0] ?? '') && isSubsequence(letters, capitals)) ? abbreviation.key : null;
  }

  private placeCueAfter(to: number): boolean {
    const next = this.tokens[to + 1];
    return next !== undefined && next.joined && next.shape === 'lower' && PLACE_CUES_AFTER.has(next.key) && !this.tokens[to]?.closesName;
  }

  private placeCueBefore(from: number): boolean {
    const of = this.tokens[from - 1];
    const noun = this.tokens[from - 2];
    return of?.key === 'of' && (this.tokens[from]?.joined ?? false) && noun !== undefined && of.joined && noun.shape === 'lower' && PLACE_CUES_BEFORE_OF.has(noun.key);
  }

  /** `spokesman Matthew Miller`, `foreign minister Hossein Amirabdollahian`: a lower-case title right before. */
  personTitleBefore(from: number): boolean {
    const previous = this.tokens[from - 1];
    return previous !== undefined && (this.tokens[from]?.joined ?? false) && previous.shape === 'lower' && PERSON_TITLES.has(previous.key);
  }

  private nameLike(key: string): boolean {
    return this.judge.nameLike(key);
  }

  private common(key: string): boolean {
    return this.judge.common(key);
  }
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i === needle.length;
}
