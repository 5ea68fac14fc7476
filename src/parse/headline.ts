// TEMPORARY stub: replaced by the scraped-text parser (branch text-parser).
import type { Block } from '../types.js';

export function readsAsHeadline(line: string): boolean {
  return line.length < 150 && !/[.,:;]$/.test(line);
}

export function headlineFromBody(blocks: Block[]): string | null {
  const first = blocks.find((block) => block.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return null;
  const words = first.content.text.split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 10).join(' ')}…` : first.content.text;
}
