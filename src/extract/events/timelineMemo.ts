/**
 * The timeline of a watch session, made again only where an edit changed it. Merging never looks
 * across dates (the index of candidates is cleared at each date, and blocking order is a fixed
 * order of words, not one learnt from the archive), so one date's events are `buildTimeline` of that
 * date's candidates alone. Only their `url` reads more: how many events their year has and their
 * place in their month, given again for each year that changed (`placeEvents`, the rule the merge
 * itself follows).
 *
 * An article changes a date when its candidates or its mentions (which fill the events' entities)
 * differ, field by field, from what they were: then every date it states, before or after, is merged
 * again. A cold build merges everything at once (`extractTimeline`), and gives the same events.
 */
import type { Article, Mention, TimelineEvent } from '../../types.js';
import type { EventCandidate } from './candidate.js';
import { buildTimeline, eventAnchor } from './merge.js';
import { placeEvents } from './pages.js';
import { replacedRecords } from '../../text/replaced.js';

/** What the timeline last read of one article. */
interface Read {
  /** Its candidates. */
  candidates: readonly EventCandidate[];
  /** Its mentions. */
  mentions: readonly Mention[];
  /** The record and the very list of mentions last seen: given again, the article is not even asked for its candidates (a function of the record). */
  seen: { article: Article; mentions: readonly Mention[] };
}

export class TimelineMemo {
  /** Each article's candidates and mentions as last merged, by article id. */
  private readonly read = new Map<string, Read>();
  /** The ids of the articles with candidates of each date. */
  private readonly articlesOf = new Map<string, Set<string>>();
  /** Each date's events, merged alone (their `url` is not yet the one the year gives them). */
  private readonly ofDate = new Map<string, TimelineEvent[]>();
  /** Each year's events with their URLs, in order. */
  private readonly ofYear = new Map<string, TimelineEvent[]>();
  /** The merged event each placed one was made from (a date merged again makes new ones). */
  private readonly mergedOf = new WeakMap<TimelineEvent, TimelineEvent>();
  /** The timeline last given. */
  private last: TimelineEvent[] = [];
  /** The articles as last given (to tell the records an edit replaced). */
  private given: readonly Article[] = [];

  /**
   * The archive's timeline: as `extractTimeline(articles, mentions, extract)` gives it, given the
   * same mentions by article id (`mentionsOf`, in text order). A watch session passes the lists the
   * entity extraction kept (the very list of last build while an article's mentions are unchanged),
   * so an unchanged article is told at a glance, without regrouping every mention of the archive.
   */
  timeline(articles: readonly Article[], mentionsOf: ReadonlyMap<string, readonly Mention[]>, extract: (article: Article) => EventCandidate[], mentionsChanged?: ReadonlySet<string>): TimelineEvent[] {
    const dirty = new Set<string>();
    // Articles ids are unique: when every id read before is read again, none is gone (no set of every id needed).
    let readAgain = 0;
    let added = 0;
    const look = mentionsChanged ? this.lookAt(articles, mentionsChanged) : null;
    this.given = articles;
    for (const article of look ?? articles) {
      const mentions = mentionsOf.get(article.id) ?? NO_MENTIONS;
      const last = this.read.get(article.id);
      if (last) readAgain++;
      else added++;
      if (last && last.seen.article === article && last.seen.mentions === mentions) continue;
      const candidates = extract(article);
      if (last && sameRecords(last.candidates, candidates) && sameRecords(last.mentions, mentions)) {
        last.seen = { article, mentions };
        continue;
      }
      if (last) this.forget(article.id, last, dirty);
      for (const candidate of candidates) {
        dirty.add(candidate.date);
        let ids = this.articlesOf.get(candidate.date);
        if (!ids) this.articlesOf.set(candidate.date, (ids = new Set()));
        ids.add(article.id);
      }
      this.read.set(article.id, { candidates, mentions, seen: { article, mentions } });
    }
    if (!look && this.read.size > readAgain + added) {
      const present = new Set(articles.map((article) => article.id));
      for (const [id, last] of this.read) {
        if (present.has(id)) continue;
        this.forget(id, last, dirty);
        this.read.delete(id);
      }
    }
    if (dirty.size === 0) return this.last;

    const years = new Set<string>();
    for (const date of dirty) {
      years.add(date.slice(0, 4));
      const ids = this.articlesOf.get(date);
      if (!ids) {
        this.ofDate.delete(date);
        continue;
      }
      // In the archive's order, as a cold build gathers them (the merge sorts them by a total order anyway).
      const candidates: EventCandidate[] = [];
      const own: Mention[] = [];
      for (const id of [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const read = this.read.get(id)!;
        for (const candidate of read.candidates) if (candidate.date === date) candidates.push(candidate);
        for (const mention of read.mentions) own.push(mention);
      }
      this.ofDate.set(date, buildTimeline(candidates, own));
    }
    for (const year of years) this.placeYear(year);
    const events: TimelineEvent[] = [];
    for (const year of [...this.ofYear.keys()].sort()) for (const event of this.ofYear.get(year)!) events.push(event);
    this.last = events;
    return events;
  }

  /**
   * In an edit's build (every id where it was last time), the only articles whose record or
   * mentions may differ from what was last read: the records replaced, and those whose mentions
   * the entity stage made again (`mentionsChanged`: every id whose list changed since the link
   * stage last read them, so since this memo last did too). Null when every article must be read.
   */
  private lookAt(articles: readonly Article[], mentionsChanged: ReadonlySet<string>): Article[] | null {
    const replaced = this.given.length > 0 ? replacedRecords(this.given, articles) : null;
    if (!replaced) return null;
    const look = new Set(replaced);
    const ids = new Set(replaced.map((article) => article.id));
    for (const id of mentionsChanged) {
      if (ids.has(id)) continue;
      // Not replaced: the record last read is the current one.
      const article = this.read.get(id)?.seen.article;
      if (!article) return null;
      look.add(article);
    }
    return [...look];
  }

  /** Takes out what `last` (article `id`) added, marking its dates changed. */
  private forget(id: string, last: Read, dirty: Set<string>): void {
    for (const candidate of last.candidates) {
      dirty.add(candidate.date);
      const ids = this.articlesOf.get(candidate.date);
      ids?.delete(id);
      if (ids?.size === 0) this.articlesOf.delete(candidate.date);
    }
  }

  /** Gives a year's events their URLs (the same record as before when its URL did not change). */
  private placeYear(year: string): void {
    const dates = [...this.ofDate.keys()].filter((date) => date.slice(0, 4) === year).sort();
    const merged = dates.flatMap((date) => this.ofDate.get(date)!);
    if (merged.length === 0) {
      this.ofYear.delete(year);
      return;
    }
    const before = new Map((this.ofYear.get(year) ?? []).map((event) => [event.id, event]));
    this.ofYear.set(
      year,
      placeEvents(merged, eventAnchor).map((event, i) => {
        const last = before.get(event.id);
        if (last && last.url === event.url && this.mergedOf.get(last) === merged[i]) return last;
        this.mergedOf.set(event, merged[i]!);
        return event;
      }),
    );
  }
}

/** The mentions of an article that has none. */
const NO_MENTIONS: readonly Mention[] = [];

/** Same records, field by field (flat records of strings, numbers and booleans). */
function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    if (x === y) continue;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length || !keys.every((key) => x[key] === y[key])) return false;
  }
  return true;
}
