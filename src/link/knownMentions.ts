/**
 * The link stage's mentions of known entities and articles, by article id, from the entity stage's
 * list of every mention. A cold build's list is packed (see `PackedMentions`), and is read an article
 * at a time here too: each read makes that article's records afresh, so the link stage never holds
 * every mention of the archive as records at once (6.5 million at 100,000 synthetic articles).
 */
import { mentionsByArticle, PackedMentions, type MentionList } from '../extract/entities/packedMentions.js';
import type { Article, Entity, Mention } from '../types.js';
import { ReadonlyMapView } from '../text/readonlyMapView.js';

/** The mentions of known entities and articles by article (an article's may come in several runs of a plain list: they are joined in order). */
export function knownOfList(mentions: MentionList, byId: ReadonlyMap<string, Entity>, articleById: ReadonlyMap<string, Article>): ReadonlyMap<string, Mention[]> {
  if (mentions instanceof PackedMentions) return new KnownPackedMentions(mentions, byId, articleById);
  const known = new Map<string, Mention[]>();
  for (const [articleId, list] of mentionsByArticle(mentions)) {
    if (!articleById.has(articleId)) continue;
    const own = list.filter((mention) => byId.has(mention.entityId));
    if (own.length === 0) continue;
    const earlier = known.get(articleId);
    if (earlier) for (const mention of own) earlier.push(mention);
    else known.set(articleId, own);
  }
  return known;
}

/** A packed list's mentions of known entities and articles, by article id, made afresh on every read. */
class KnownPackedMentions extends ReadonlyMapView<string, Mention[]> {
  /** How many articles have known mentions, counted when first asked. */
  private count: number | null = null;

  constructor(
    private readonly packed: PackedMentions,
    private readonly byId: ReadonlyMap<string, Entity>,
    private readonly articleById: ReadonlyMap<string, Article>,
  ) {
    super();
  }

  override get size(): number {
    if (this.count === null) {
      this.count = 0;
      for (const _ of this.entries()) this.count++;
    }
    return this.count;
  }

  override get(articleId: string): Mention[] | undefined {
    return this.articleById.has(articleId) ? this.known(this.packed.ofArticle(articleId)) : undefined;
  }

  override has(articleId: string): boolean {
    return this.get(articleId) !== undefined;
  }

  override *entries(): MapIterator<[string, Mention[]]> {
    for (const [articleId, list] of this.packed.byArticle()) {
      if (!this.articleById.has(articleId)) continue;
      const own = this.known(list);
      if (own) yield [articleId, own];
    }
  }

  /** The mentions of `list` naming a known entity; undefined when none does. */
  private known(list: Mention[]): Mention[] | undefined {
    const own = list.filter((mention) => this.byId.has(mention.entityId));
    return own.length > 0 ? own : undefined;
  }
}
