// TEMPORARY stub: replaced by the scraped-text parser (branch text-parser).
import type { Block } from '../types.js';

export function parseFullDate(_text: string): string | null {
  return null;
}

export function latestStatedDate(blocks: Block[]): string | null {
  let latest: string | null = null;
  for (const block of blocks) if (block.type === 'embed' && block.date && (latest === null || block.date > latest)) latest = block.date;
  return latest;
}
