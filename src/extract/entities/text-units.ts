/**
 * The texts of an article the entity finder reads, each tied to its block so a mention can say where
 * it is. What is read, and why:
 * - paragraphs, list items, block quotes and table cells: body text; names are found and mentioned here;
 * - embedded posts: mentions of names found elsewhere count (a post naming Raisi is about Raisi), but
 *   a post never introduces a name of its own: posts are written in headline case and full of
 *   handles, so their capitals prove little;
 * - headings: never read. They are Title Case, so every word looks like a name, and the issue forbids
 *   entity links inside them;
 * - `article.removed` (chrome, spam, related headlines): never read, so it can produce nothing;
 * - code blocks and rules: nothing to read.
 */
import type { Article, Block, InlineText } from '../../types.js';

/** Where a text sits and how far it may be trusted. */
export type TextRole = 'body' | 'embed';

/** One stretch of text of one block. */
export interface TextUnit {
  /** Anchor of the block it belongs to. */
  blockAnchor: string;
  /** The text. */
  text: string;
  /** Offset of `text` inside the block's plain text (see `blockPlainText`). */
  offset: number;
  /** Body text finds new names; embedded posts only mention known ones. */
  role: TextRole;
}

/** Separator between the parts (list items, quoted paragraphs, table cells) of one block's plain text. */
export const PART_SEPARATOR = '\n';

/**
 * The parts of a block that hold text, in order. A block's plain text — the text mention offsets
 * count in — is these parts joined with `PART_SEPARATOR`: for a paragraph or heading it is exactly
 * `content.text`; for a list, its items; for a quote, its paragraphs; for a table, the header cells
 * then each row's cells; for an embed, the post's text.
 */
export function blockParts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.content.text];
    case 'list':
      return block.items.map(textOf);
    case 'quote':
      return block.paragraphs.map(textOf);
    case 'table':
      return [...block.header, ...block.rows.flat()].map(textOf);
    case 'embed':
      return [block.text];
    case 'code':
    case 'rule':
      return [];
  }
}

/** The plain text mention offsets count in (see `blockParts`). */
export function blockPlainText(block: Block): string {
  return blockParts(block).join(PART_SEPARATOR);
}

/** The units of an article the entity finder reads (see the module comment for what is skipped). */
export function textUnits(article: Article): TextUnit[] {
  const units: TextUnit[] = [];
  for (const block of article.blocks) {
    if (block.type === 'heading' || block.type === 'code' || block.type === 'rule') continue;
    const role: TextRole = block.type === 'embed' ? 'embed' : 'body';
    let offset = 0;
    for (const text of blockParts(block)) {
      if (text.trim() !== '') units.push({ blockAnchor: block.anchor, text, offset, role });
      offset += text.length + PART_SEPARATOR.length;
    }
  }
  return units;
}

function textOf(inline: InlineText): string {
  return inline.text;
}
