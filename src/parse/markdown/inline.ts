/**
 * Markdown inline tokens (from marked's lexer) to Dossier's InlineText: plain text plus ranges.
 * Raw inline HTML is kept as visible text, never as markup; links keep only safe URLs.
 */
import type { Token, Tokens } from 'marked';
import type { InlineText, Mark } from '../../types.js';
import { safeUrl } from '../safeUrl.js';

/** Flattens inline tokens into text and marks. */
export function inlineFromTokens(tokens: readonly Token[] | undefined, fallback = ''): InlineText {
  const out: InlineText = { text: '', marks: [] };
  if (!tokens) return { text: fallback, marks: [] };
  appendTokens(out, tokens);
  return out;
}

function appendTokens(out: InlineText, tokens: readonly Token[]): void {
  for (const token of tokens) appendToken(out, token);
}

function appendToken(out: InlineText, token: Token): void {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'del':
      wrap(out, token.type, (token as Tokens.Strong).tokens);
      return;
    case 'codespan':
      mark(out, 'code', () => (out.text += decodeEntities((token as Tokens.Codespan).text)));
      return;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeUrl(link.href);
      if (href === null) appendTokens(out, link.tokens);
      else mark(out, 'link', () => appendTokens(out, link.tokens), href);
      return;
    }
    case 'image': {
      // Images from scraped sources are not fetched; the alt text stands in, linked to the source when safe.
      const image = token as Tokens.Image;
      const href = safeUrl(image.href);
      const alt = image.text || 'image';
      if (href === null) out.text += alt;
      else mark(out, 'link', () => (out.text += alt), href);
      return;
    }
    case 'br':
      out.text += '\n';
      return;
    case 'text':
    case 'escape':
    case 'html': {
      const withChildren = token as Tokens.Text;
      if (token.type === 'text' && withChildren.tokens?.length) appendTokens(out, withChildren.tokens);
      else out.text += token.type === 'html' ? token.raw : decodeEntities(withChildren.text);
      return;
    }
    default:
      out.text += 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : token.raw;
  }
}

function wrap(out: InlineText, kind: Mark['kind'], children: readonly Token[] | undefined): void {
  mark(out, kind, () => appendTokens(out, children ?? []));
}

function mark(out: InlineText, kind: Mark['kind'], write: () => void, href?: string): void {
  const start = out.text.length;
  write();
  if (out.text.length > start) out.marks.push(href === undefined ? { kind, start, end: out.text.length } : { kind, start, end: out.text.length, href });
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };

/** marked escapes `&<>"'` in text tokens; we want the characters back, since escaping happens at render time. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8}|#39);/gi, (entity, name: string) => {
    if (NAMED[name.toLowerCase()] !== undefined) return NAMED[name.toLowerCase()]!;
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), entity);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), entity);
    return entity;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
