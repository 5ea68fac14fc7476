/**
 * One article's entries in the appearances of the entities it names: for each, the sentences that
 * name it (at most `MAX_SENTENCES` shown, with how many there were), each sentence one view shared
 * by every page that shows it. Split from `linkEntities.ts`, which decides which articles' entries
 * are made again; this makes them.
 */
import { blockParts, PART_SEPARATOR } from '../extract/entities/text-units.js';
import { flatCopy } from '../text/flatCopy.js';
import { splitSentences, type SentenceSpan } from '../text/sentences.js';
import type { Article, Block, Mention } from '../types.js';
import { groupBy, type Store } from './lists.js';
import type { EntityInArticle, MentionSentence, ValueStore } from './linkEntities.js';

/** Sentences shown per entity and article. */
const MAX_SENTENCES = 5;

/** A sentence of a block, with the one view of it pages get. */
export interface BlockSentence extends SentenceSpan {
  /** The view (one per sentence, so unchanged pages see the same object from build to build). */
  view: MentionSentence;
}

/** One article's entry in the appearances of each entity it names (`found`: its mentions, in text order). */
export function articleEntries(article: Article, found: readonly Mention[], sentencesOf: Store<Block, BlockSentence[]>, store?: ValueStore): Map<string, EntityInArticle> {
  const entries = new Map<string, EntityInArticle>();
  const blocks = new Map(article.blocks.map((b) => [b.anchor, b]));
  const copied = new Set<MentionSentence>();
  for (const [entityId, own] of groupBy(found, (m) => m.entityId)) {
    const seen = new Set<BlockSentence>();
    const sentences: MentionSentence[] = [];
    for (const mention of own) {
      const block = blocks.get(mention.blockAnchor);
      if (!block) continue;
      let spans = sentencesOf.get(block);
      if (!spans) sentencesOf.set(block, (spans = splitBlockSentences(block)));
      const sentence = sentenceAt(spans, mention.start);
      // One span per block and start, so the span itself tells sentences apart.
      if (!sentence || seen.has(sentence)) continue;
      seen.add(sentence);
      sentences.push(sentence.view);
    }
    const shown = sentences.slice(0, MAX_SENTENCES);
    if (store) {
      entries.set(entityId, new StoredEntry(article, store, store.put(shown), sentences.length));
      continue;
    }
    // A sentence kept is copied out of its paragraph, which a cold build reads back from disk and lets go (see `flatCopy`).
    for (const view of shown) if (!copied.has(view)) (view.text = flatCopy(view.text)), copied.add(view);
    entries.set(entityId, { article, sentences: shown, total: sentences.length });
  }
  return entries;
}

/** The span holding `offset`, by binary search (spans are in text order and never overlap). */
function sentenceAt<T extends SentenceSpan>(spans: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((spans[middle] as T).start <= offset) low = middle;
    else high = middle - 1;
  }
  const span = spans[low];
  return span && span.start <= offset && offset < span.end ? span : undefined;
}

/** Sentences of a block's plain text, never running across two items of a list or table. */
function splitBlockSentences(block: Block): BlockSentence[] {
  const spans: BlockSentence[] = [];
  let offset = 0;
  for (const part of blockParts(block)) {
    // Field by field, not `{ ...span, view }` (see README, "Development": one hidden class per object).
    for (const span of splitSentences(part)) spans.push({ start: span.start + offset, end: span.end + offset, text: span.text, view: { blockAnchor: block.anchor, text: span.text } });
    offset += part.length + PART_SEPARATOR.length;
  }
  return spans;
}

/** An appearance whose sentences wait in a `ValueStore` until a page asks for them. */
class StoredEntry implements EntityInArticle {
  constructor(
    readonly article: Article,
    private readonly store: ValueStore,
    private readonly place: unknown,
    readonly total: number,
  ) {}

  get sentences(): MentionSentence[] {
    return this.store.get<MentionSentence[]>(this.place);
  }
}
