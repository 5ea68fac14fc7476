/**
 * Inline text of a plain-text article. Scraped text shows any markup as text, with one exception:
 * Markdown strong emphasis (`**…**` or `__…__`), which generators leave behind often enough that
 * showing the asterisks would be wrong. It becomes a `strong` mark over the text, delimiters removed.
 */
import type { InlineText, Mark } from '../../types.js';

const DELIMITERS = ['**', '__'] as const;

/**
 * Turns `**…**` / `__…__` pairs into strong marks. A pair counts when its content is non-empty
 * and neither starts nor ends with white space; `__` must not sit inside a word (`snake__case`).
 * Unpaired delimiters stay as text. One pass, linear in the text's length.
 */
export function parseInlineText(text: string): InlineText {
  const marks: Mark[] = [];
  let out = '';
  let cursor = 0;
  // Next position of each delimiter at or after `from`, cached so the scan stays linear.
  const next = new Map<string, number>();
  const find = (delim: string, from: number): number => {
    const known = next.get(delim);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(delim, from);
    next.set(delim, found);
    return found;
  };
  for (let at = 0; at < text.length; ) {
    const candidates = DELIMITERS.map((d) => ({ d, i: find(d, at) })).filter((c) => c.i >= 0);
    if (candidates.length === 0) break;
    const { d, i: open } = candidates.reduce((a, b) => (b.i < a.i ? b : a));
    const close = find(d, open + 2);
    const inner = close < 0 ? '' : text.slice(open + 2, close);
    if (close < 0 || !isEmphasisContent(inner) || (d === '__' && isWordChar(text[open - 1]))) {
      at = open + 1;
      continue;
    }
    out += text.slice(cursor, open);
    const start = out.length;
    out += inner;
    marks.push({ kind: 'strong', start, end: out.length });
    cursor = close + 2;
    at = cursor;
  }
  out += text.slice(cursor);
  return { text: out, marks };
}

function isEmphasisContent(inner: string): boolean {
  return inner.length > 0 && !/\s/.test(inner[0] ?? '') && !/\s/.test(inner[inner.length - 1] ?? '');
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
