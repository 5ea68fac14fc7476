/**
 * An article's entity lists and related articles as a cold build packs them (see
 * `PackedPerArticle`): records become their numbers, and are the very same records when read back.
 */
import type { Article, Entity } from '../types.js';
import type { IntList } from '../text/intList.js';
import { groupsOf, type EntityGroupOfType } from './entityGroups.js';
import type { RelatedArticle } from './linkEntities.js';
import type { PerArticleCodec, RecordNumbers } from './packedPerArticle.js';

/** A list of entities, as their numbers. */
export function entityListCodec(entities: RecordNumbers<Entity>): PerArticleCodec<Entity[]> {
  return {
    pack(list: readonly Entity[], out: IntList): void {
      for (const entity of list) out.push(entities.numberOf(entity));
    },
    unpack(data: Int32Array, from: number, to: number): Entity[] {
      const list: Entity[] = [];
      for (let i = from; i < to; i++) list.push(entities.record(data[i]!));
      return list;
    },
  };
}

/**
 * An article's entities by type, as the numbers of its entities in rank order: groups are that
 * list by type (`groupsOf`), so the order within each group, and of the groups, is kept.
 */
export function entityGroupsCodec(entities: RecordNumbers<Entity>): PerArticleCodec<EntityGroupOfType[]> {
  const list = entityListCodec(entities);
  return {
    pack(groups: readonly EntityGroupOfType[], out: IntList): void {
      for (const group of groups) list.pack(group.entities, out);
    },
    unpack(data: Int32Array, from: number, to: number): EntityGroupOfType[] {
      return groupsOf(list.unpack(data, from, to));
    },
  };
}

/** Scores are doubles: packed as their two 32-bit halves, so they read back exactly. */
const scoreBits = new Float64Array(1);
const scoreHalves = new Int32Array(scoreBits.buffer);

/** Related articles: each as its article's number, its score and its shared entities' numbers. */
export function relatedCodec(articles: RecordNumbers<Article>, entities: RecordNumbers<Entity>): PerArticleCodec<RelatedArticle[]> {
  return {
    pack(list: readonly RelatedArticle[], out: IntList): void {
      for (const related of list) {
        out.push(articles.numberOf(related.article));
        scoreBits[0] = related.score;
        out.push(scoreHalves[0]!);
        out.push(scoreHalves[1]!);
        out.push(related.shared.length);
        for (const entity of related.shared) out.push(entities.numberOf(entity));
      }
    },
    unpack(data: Int32Array, from: number, to: number): RelatedArticle[] {
      const list: RelatedArticle[] = [];
      let i = from;
      while (i < to) {
        const article = articles.record(data[i]!);
        scoreHalves[0] = data[i + 1]!;
        scoreHalves[1] = data[i + 2]!;
        const score = scoreBits[0]!;
        const shared: Entity[] = [];
        const end = i + 4 + data[i + 3]!;
        for (let k = i + 4; k < end; k++) shared.push(entities.record(data[k]!));
        list.push({ article, score, shared });
        i = end;
      }
      return list;
    },
  };
}
