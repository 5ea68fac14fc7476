/**
 * Hand-built Articles for tests that must not depend on the parser: one paragraph block per non-empty
 * line, an embedded post for each `— Name (@handle) date` attribution (with the line before it), and
 * a heading for a line that reads as a heading (short, no final period). Spam and chrome are left
 * out by the caller.
 */
import type { Article, Block } from '../../src/types.js';

export interface FixtureOptions {
  id: string;
  date?: string | null;
  /** Lines to drop (chrome, spam), matched exactly after trimming. */
  drop?: (line: string) => boolean;
}

export function articleFromText(text: string, options: FixtureOptions): Article {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !(options.drop?.(line) ?? false));
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\*\*/g, '');
    const attribution = /^— (.+?) \(@(\w+)\) (.+)$/.exec(lines[i + 1] ?? '');
    if (attribution) {
      blocks.push({ type: 'embed', anchor: `e-${blocks.length + 1}`, kind: 'tweet', author: attribution[1] ?? '', handle: attribution[2] ?? '', date: null, dateText: attribution[3] ?? '', text: line.replace(/\s*pic\.twitter\.com\/\S+/, ''), url: null });
      i++;
      continue;
    }
    // A heading glued to the end of a paragraph (`…stage.Washington's Initial Stance: …`).
    const glued = /^(.*[a-z][.?!])([A-Z][^.!]*[?]?)$/.exec(line);
    const paragraph = glued ? (glued[1] as string) : line;
    const heading = glued ? glued[2] : undefined;
    if (paragraph.length < 70 && !/[.!”"]$/.test(paragraph)) {
      blocks.push({ type: 'heading', level: 2, anchor: `h-${blocks.length + 1}`, content: { text: paragraph, marks: [] } });
    } else {
      blocks.push({ type: 'paragraph', anchor: `p-${blocks.length + 1}`, content: { text: paragraph, marks: [] } });
    }
    if (heading) blocks.push({ type: 'heading', level: 2, anchor: `h-${blocks.length + 1}`, content: { text: heading, marks: [] } });
  }
  return {
    id: options.id,
    slug: options.id,
    url: `articles/${options.id}/`,
    sourcePath: `${options.id}.txt`,
    format: 'text',
    contentHash: '0',
    title: options.id,
    titleSource: 'file-name',
    date: options.date ?? null,
    datePrecision: options.date ? 'day' : null,
    dateSource: options.date ? 'front-matter' : 'unknown',
    outlet: null,
    originalUrl: null,
    author: null,
    summary: '',
    blocks,
    sections: [],
    removed: [],
    wordCount: 0,
    readingMinutes: 1,
    extra: {},
  };
}
