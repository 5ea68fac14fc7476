/**
 * Co-mentions as a watch session keeps them: how many articles name each pair of entities, counted
 * once and then changed by the articles an edit changed (their old pairs taken out, the new ones
 * added), and each entity's top list made again only when its row of counts changed or a record it
 * lists (or may list) changed. A cold build counts every article (`coMentionsOf` in linkEntities.ts);
 * both read each article's most mentioned entities (`top`) and rank a row the same way.
 */

/** One entity's list of co-mentioned entities, made from its row of counts (other id → articles). */
export type RankRow<T> = (row: ReadonlyMap<string, number>) => T;

export class CoMentionTally<T> {
  /** Each article's entities counted (its `top`), by article id. */
  private readonly tops = new Map<string, readonly string[]>();
  /** Articles naming each pair: entity id → other entity id → count. */
  private readonly rows = new Map<string, Map<string, number>>();
  /** How many articles count each entity (its row is listed while any does). */
  private readonly present = new Map<string, number>();
  /** The lists last given, by entity id (never changed once given: a build that changes any gives a copy). */
  private lists: Map<string, T> | null = null;

  /**
   * Every counted entity's list (`rank` of its row), given each article's top entity ids (the `top`
   * of each value of `tops`, by article id: every article of the archive that names any) and the ids of the entities whose
   * record changed, came or went since the last call (`changed`: every entity on the first). `rank`
   * must read nothing but the row and the records of the entities in it. With nothing changed, the
   * very map of the last call comes back. `only`: the ids of the only articles whose top may have
   * changed since the last call (with it, an article not in `tops` is gone only if listed there).
   */
  update(tops: ReadonlyMap<string, { readonly top: readonly string[] }>, changed: Iterable<string>, rank: RankRow<T>, only?: Iterable<string>): Map<string, T> {
    const dirty = new Set<string>();
    // Told the only articles that may have changed (a watch edit's), only they are looked at; else every one.
    for (const articleId of only ?? tops.keys()) {
      const ids = tops.get(articleId)?.top;
      const last = this.tops.get(articleId);
      if (!ids) {
        if (last) this.count(last, -1, dirty), this.tops.delete(articleId);
        continue;
      }
      if (last === ids || (last && last.length === ids.length && last.every((id, i) => id === ids[i]))) continue;
      if (last) this.count(last, -1, dirty);
      this.count(ids, 1, dirty);
      this.tops.set(articleId, ids);
    }
    if (!only && this.tops.size > tops.size) {
      for (const [articleId, last] of this.tops) {
        if (tops.has(articleId)) continue;
        this.count(last, -1, dirty);
        this.tops.delete(articleId);
      }
    }
    // A changed record may change the order of every row that holds it (names break ties), and the lists that show it.
    for (const id of changed) {
      dirty.add(id);
      for (const other of this.rows.get(id)?.keys() ?? []) dirty.add(other);
    }
    if (this.lists && dirty.size === 0) return this.lists;
    // Only the dirty entities' lists are made again, in a copy of the last map (the render compares the two).
    const lists = this.lists ? new Map(this.lists) : new Map<string, T>();
    for (const id of dirty) {
      if (this.present.has(id)) lists.set(id, rank(this.rows.get(id) ?? new Map()));
      else lists.delete(id);
    }
    this.lists = lists;
    return lists;
  }

  private count(ids: readonly string[], sign: 1 | -1, dirty: Set<string>): void {
    for (const a of ids) {
      dirty.add(a);
      const present = (this.present.get(a) ?? 0) + sign;
      if (present === 0) this.present.delete(a);
      else this.present.set(a, present);
      let row = this.rows.get(a);
      if (!row) this.rows.set(a, (row = new Map()));
      for (const b of ids) {
        if (a === b) continue;
        const n = (row.get(b) ?? 0) + sign;
        if (n === 0) row.delete(b);
        else row.set(b, n);
      }
      if (row.size === 0) this.rows.delete(a);
    }
  }
}
