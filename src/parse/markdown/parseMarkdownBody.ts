/**
 * Markdown bodies to blocks, through marked's lexer (its token union is the contract we read).
 * A leading `# Heading` is the headline when front matter has none; other level-1 headings become
 * level 2, since level 1 belongs to the page's headline. Raw HTML blocks are shown as text.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, InlineText } from '../../types.js';
import { decodeEntities, inlineFromTokens } from './inline.js';

/** What a Markdown body yields. */
export interface MarkdownBodyResult {
  /** Body blocks in reading order, anchors left '' for parseArticle to assign. */
  blocks: Block[];
  /** The text of a level-1 heading that opens the body, removed from `blocks`; null if none. */
  headline: string | null;
}

export function parseMarkdownBody(body: string): MarkdownBodyResult {
  const tokens = new Lexer({ gfm: true }).lex(body);
  const blocks: Block[] = [];
  let headline: string | null = null;
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1 && headline === null && blocks.length === 0) {
      headline = inlineFromTokens((token as Tokens.Heading).tokens).text.trim();
      continue;
    }
    blocks.push(...blocksFromToken(token));
  }
  return { blocks, headline };
}

function blocksFromToken(token: Token): Block[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return [{ type: 'heading', level: Math.min(6, Math.max(2, heading.depth)), anchor: '', content: inline(heading.tokens, heading.text) }];
    }
    case 'paragraph':
      return nonEmpty({ type: 'paragraph', anchor: '', content: inline((token as Tokens.Paragraph).tokens, (token as Tokens.Paragraph).text) });
    case 'text':
      return nonEmpty({ type: 'paragraph', anchor: '', content: inline((token as Tokens.Text).tokens, (token as Tokens.Text).text) });
    case 'html':
      // Raw HTML from an article is never markup: it is shown as the text it is.
      return nonEmpty({ type: 'paragraph', anchor: '', content: { text: (token as Tokens.HTML).text.trim(), marks: [] } });
    case 'list': {
      const list = token as Tokens.List;
      return [{ type: 'list', anchor: '', ordered: list.ordered, items: list.items.map((item) => listItemText(item)) }];
    }
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      const paragraphs = quote.tokens.flatMap(blocksFromToken).flatMap(blockTexts);
      return paragraphs.length ? [{ type: 'quote', anchor: '', paragraphs }] : [];
    }
    case 'code': {
      const code = token as Tokens.Code;
      return [{ type: 'code', anchor: '', lang: code.lang ? code.lang.trim().split(/\s/)[0]! : null, text: code.text }];
    }
    case 'hr':
      return [{ type: 'rule', anchor: '' }];
    case 'table': {
      const table = token as Tokens.Table;
      return [{
        type: 'table',
        anchor: '',
        header: table.header.map((cell) => inline(cell.tokens, cell.text)),
        rows: table.rows.map((row) => row.map((cell) => inline(cell.tokens, cell.text))),
      }];
    }
    default:
      return [];
  }
}

function listItemText(item: Tokens.ListItem): InlineText {
  // A loose item holds paragraphs; join their texts so each item stays one line of text.
  const parts = item.tokens.flatMap(blocksFromToken).flatMap(blockTexts);
  if (parts.length === 0) return { text: decodeEntities(item.text), marks: [] };
  const out: InlineText = { text: '', marks: [] };
  for (const part of parts) {
    const offset = out.text.length === 0 ? 0 : out.text.length + 1;
    out.text = out.text.length === 0 ? part.text : `${out.text} ${part.text}`;
    out.marks.push(...part.marks.map((mark) => ({ ...mark, start: mark.start + offset, end: mark.end + offset })));
  }
  return out;
}

/** The inline texts a block holds, for flattening nested Markdown into quotes and list items. */
function blockTexts(block: Block): InlineText[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.content];
    case 'list':
      return block.items;
    case 'quote':
      return block.paragraphs;
    case 'code':
      return [{ text: block.text, marks: [{ kind: 'code', start: 0, end: block.text.length }] }];
    default:
      return [];
  }
}

function inline(tokens: Token[] | undefined, fallback: string): InlineText {
  const content = inlineFromTokens(tokens, decodeEntities(fallback));
  return trimInline(content);
}

function nonEmpty(block: Extract<Block, { type: 'paragraph' }>): Block[] {
  return block.content.text.trim() ? [block] : [];
}

/** Trims white space at both ends, moving the marks with the text. */
export function trimInline(content: InlineText): InlineText {
  const lead = content.text.length - content.text.trimStart().length;
  const text = content.text.trim();
  if (lead === 0 && text.length === content.text.length) return content;
  const marks = content.marks
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start - lead), end: Math.min(text.length, mark.end - lead) }))
    .filter((mark) => mark.end > mark.start);
  return { text, marks };
}
