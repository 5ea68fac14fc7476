/**
 * Co-mentions as a watch session keeps them: how many articles name each pair of entities, counted
 * once and then changed by the articles an edit changed (their old pairs taken out, the new ones
 * added), and each entity's top list made again only when its row of counts changed or a record it
 * lists (or may list) changed. A cold build counts every article (`coMentionsOf` in linkEntities.ts);
 * both read each article's most mentioned entities (`top`) and rank a row the same way.
 */
import type { Entity } from '../types.js';

/** One entity's list of co-mentioned entities, made from its row of counts (other id → articles). */
export type RankRow<T> = (row: ReadonlyMap<string, number>) => T;

export class CoMentionTally<T> {
  /** Each article's entities counted (its `top`), by article id. */
  private readonly tops = new Map<string, readonly string[]>();
  /** Articles naming each pair: entity id → other entity id → count. */
  private readonly rows = new Map<string, Map<string, number>>();
  /** How many articles count each entity (its row is listed while any does). */
  private readonly present = new Map<string, number>();
  /** Each entity's last list, as pairs of other id and count. */
  private readonly lists = new Map<string, T>();
  /** The records the lists were made with, by id. */
  private records = new Map<string, Entity>();

  /**
   * Every counted entity's list (`rank` of its row), given each article's top entity ids (`tops`, by
   * article id: every article of the archive that names any) and the records by id. `rank` must read
   * nothing but the row and the records of the entities in it.
   */
  update(tops: ReadonlyMap<string, readonly string[]>, byId: ReadonlyMap<string, Entity>, rank: RankRow<T>): Map<string, T> {
    const dirty = new Set<string>();
    for (const [articleId, ids] of tops) {
      const last = this.tops.get(articleId);
      if (last && last.length === ids.length && last.every((id, i) => id === ids[i])) continue;
      if (last) this.count(last, -1, dirty);
      this.count(ids, 1, dirty);
      this.tops.set(articleId, ids);
    }
    for (const [articleId, last] of this.tops) {
      if (tops.has(articleId)) continue;
      this.count(last, -1, dirty);
      this.tops.delete(articleId);
    }
    // A changed record may change the order of every row that holds it (names break ties), and the lists that show it.
    const changed = (id: string) => {
      dirty.add(id);
      for (const other of this.rows.get(id)?.keys() ?? []) dirty.add(other);
    };
    for (const [id, entity] of byId) if (this.records.get(id) !== entity) changed(id);
    for (const id of this.records.keys()) if (!byId.has(id)) changed(id);
    this.records = new Map(byId);

    const result = new Map<string, T>();
    for (const id of this.present.keys()) {
      let list = this.lists.get(id);
      if (!list || dirty.has(id)) this.lists.set(id, (list = rank(this.rows.get(id) ?? new Map())));
      result.set(id, list);
    }
    for (const id of this.lists.keys()) if (!this.present.has(id)) this.lists.delete(id);
    return result;
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
