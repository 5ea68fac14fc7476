/**
 * The sentences of an article body that can state events. Embedded posts are skipped entirely:
 * their date is the post's attribution, shown on the post, not something the article reports.
 * Headings, code and tables are not prose; the dateline and removed chrome never reach `blocks`.
 */
import type { Article, Block, InlineText } from '../../types.js';
import { splitSentences } from '../../text/sentences.js';
import type { ArticleSentence } from './candidate.js';

/** What joins a block's texts into the plain text mention offsets count in (as the entity finder does). */
export const PART_SEPARATOR = '\n';

/** The anchor of the `number`-th sentence (1-based) of a block. */
export function sentenceAnchor(blockAnchor: string, number: number): string {
  return `s-${blockAnchor}-${number}`;
}

/** The prose texts of a block, in order: the paragraph, each list item, each quoted paragraph. */
export function proseTexts(block: Block): InlineText[] {
  switch (block.type) {
    case 'paragraph':
      return [block.content];
    case 'list':
      return block.items;
    case 'quote':
      return block.paragraphs;
    default:
      return [];
  }
}

/** Every sentence of the article's prose blocks, in reading order. */
export function articleSentences(article: Article): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  article.blocks.forEach((block, blockIndex) => {
    let number = 0;
    let partOffset = 0;
    proseTexts(block).forEach((inline, part) => {
      for (const span of splitSentences(inline.text)) {
        number++;
        const anchor = block.type === 'paragraph' ? sentenceAnchor(block.anchor, number) : block.anchor;
        out.push({ blockAnchor: block.anchor, blockIndex, part, partOffset, number, anchor, start: span.start, end: span.end, text: span.text });
      }
      partOffset += inline.text.length + PART_SEPARATOR.length;
    });
  });
  return out;
}
