/**
 * Which articles asked about which words as their candidates were last found: the index an edit's
 * build uses, when its count changed some words' answers (`WordJudge`), to look again at the
 * candidates of the articles that asked about those words alone, not at every article
 * (`askedAbout`). `EntityMemo` notes each article's questions here as it notes its candidates.
 * A record an edit replaced stays listed until the next sweep: it is told apart by the memo's
 * current record of its id, so the index never needs a pass over every article to stay right.
 */
import type { Article } from '../../types.js';

/** Candidates noted between two sweeps of the askers (see `WordAskers.sweep`). */
const ASKERS_SWEEP = 4096;

export class WordAskers {
  /**
   * The records that asked about each word key (by number) as their candidates were last found.
   * Records replaced since stay listed until the next sweep (they are told by `currentById`).
   */
  private readonly askers = new Map<number, Article[]>();
  /** Records that asked about a key with no number (its answers cannot be looked up): looked at after every change of answers. */
  private readonly askedUnknown = new Set<Article>();
  /** Candidates noted since the askers were last swept of replaced records. */
  private notedSinceSweep = 0;

  constructor(
    /** Each id's current record, as the memo last counted them: a listed record that is not its id's is a replaced one. */
    private readonly currentById: ReadonlyMap<string, Article>,
  ) {}

  /** Notes that `article`'s candidates asked about the word keys numbered `asked`, or (null) about some key with no number. */
  note(article: Article, asked: ReadonlySet<number> | null): void {
    if (asked) for (const n of asked) this.askersOf(n).push(article);
    else this.askedUnknown.add(article);
    if (++this.notedSinceSweep >= ASKERS_SWEEP) this.sweep();
  }

  /**
   * The current records whose last candidates asked about a word numbered in `flipped` (the words
   * whose answers a count changed), or about a word with no number: with the records an edit
   * replaced, the only articles whose candidates can differ from their last ones.
   */
  askedAbout(flipped: Int32Array): Article[] {
    const found = new Set<Article>();
    for (const n of flipped) for (const article of this.askers.get(n) ?? []) if (this.currentById.get(article.id) === article) found.add(article);
    for (const article of this.askedUnknown) if (this.currentById.get(article.id) === article) found.add(article);
    return [...found];
  }

  private askersOf(n: number): Article[] {
    let list = this.askers.get(n);
    if (!list) this.askers.set(n, (list = []));
    return list;
  }

  /** Drops the records no longer current from the askers, so they hold no old record for long. */
  private sweep(): void {
    this.notedSinceSweep = 0;
    const current = (article: Article) => this.currentById.get(article.id) === article;
    for (const [n, list] of this.askers) {
      const kept = list.filter(current);
      if (kept.length === 0) this.askers.delete(n);
      else if (kept.length < list.length) this.askers.set(n, kept);
    }
    for (const article of this.askedUnknown) if (!current(article)) this.askedUnknown.delete(article);
  }
}
