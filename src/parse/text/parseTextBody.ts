// TEMPORARY stub: replaced by the scraped-text parser (branch text-parser).
import type { Block, Precision, RemovedText } from '../../types.js';
import { readsAsHeadline } from '../headline.js';

export interface TextBodyResult {
  blocks: Block[];
  removed: RemovedText[];
  headline: { text: string; line: number } | null;
  dateline: { date: string; precision: Precision; line: number } | null;
}

export function parseTextBody(body: string, firstLine: number, knownTitle: string | null): TextBodyResult {
  const lines = body.split('\n');
  const blocks: Block[] = [];
  let headline: TextBodyResult['headline'] = null;
  lines.forEach((line, index) => {
    const text = line.trim();
    if (!text) return;
    if (blocks.length === 0 && headline === null && (readsAsHeadline(text) || text === knownTitle)) {
      headline = { text, line: firstLine + index };
      return;
    }
    blocks.push({ type: 'paragraph', anchor: '', content: { text, marks: [] } });
  });
  return { blocks, removed: [], headline, dateline: null };
}
