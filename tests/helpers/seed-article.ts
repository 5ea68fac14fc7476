/**
 * Hand-built Articles from seed text, for testing extractors before (and independently of) the
 * parser: one paragraph block per non-empty line, a tweet's text and attribution lines as one
 * embed block, and the lines a test names as removed left out.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article, Block, Precision } from '../../src/types.js';

/** Path of a seed file in this worktree. */
export function seedPath(name: string): string {
  return fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url));
}

const ATTRIBUTION = /^— (.+) \(@(\w+)\) (.+)$/;

/** An Article built from text lines; `skip` drops lines the parser would remove (dateline, chrome). */
export function articleFromText(
  id: string,
  text: string,
  options: { date?: string | null; precision?: Precision | null; skip?: (line: string, index: number) => boolean } = {},
): Article {
  const blocks: Block[] = [];
  let pending: string[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, index) => {
    if (line === '' || options.skip?.(line, index)) return;
    const attribution = ATTRIBUTION.exec(line);
    if (attribution) {
      // The tweet is the lines since the last one that did not run into a pic.twitter link.
      const postText = pending.splice(-1).join('\n');
      blocks.push({
        type: 'embed', anchor: `embed-${blocks.length + 1}`, kind: 'tweet', author: attribution[1]!, handle: attribution[2]!,
        date: null, dateText: attribution[3]!, text: postText, url: null,
      });
      return;
    }
    flush(pending, blocks);
    pending = [line];
  });
  flush(pending, blocks);
  return {
    id, slug: id, url: `articles/${id}/`, sourcePath: `${id}.txt`, format: 'text', contentHash: '0', title: id, titleSource: 'file-name',
    date: options.date ?? null, datePrecision: options.date ? (options.precision ?? 'day') : null,
    dateSource: options.date ? 'front-matter' : 'unknown', outlet: null, originalUrl: null, author: null, summary: '',
    blocks, sections: [], removed: [], wordCount: 0, readingMinutes: 1, extra: {},
  };
}

function flush(pending: string[], blocks: Block[]): void {
  for (const line of pending.splice(0)) {
    blocks.push({ type: 'paragraph', anchor: `p-${blocks.length + 1}`, content: { text: line, marks: [] } });
  }
}

/** A seed file as an Article (see `articleFromText`). */
export function seedArticle(name: string, options: Parameters<typeof articleFromText>[2] = {}): Article {
  return articleFromText(name.replace(/\.\w+$/, '').replace(/_/g, '-'), readFileSync(seedPath(name), 'utf8'), options);
}
