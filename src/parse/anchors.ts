/**
 * Anchors for the blocks of one article: headings get the slug of their text (readable links to a
 * section), everything else a short positional id (`p-3`). Unique inside the article, and never one
 * of the ids the page layout itself uses.
 */
import type { Block, Section } from '../types.js';
import { slugify } from './slug.js';

/** Ids the page templates use; article anchors must not collide with them. */
const RESERVED = new Set(['top', 'main', 'content', 'contents', 'header', 'footer', 'nav', 'search', 'entities', 'events', 'related']);

const PREFIX: Record<Block['type'], string> = { paragraph: 'p', heading: 'h', list: 'list', quote: 'quote', code: 'code', embed: 'post', rule: 'hr', table: 'table' };

/** Returns the blocks with anchors filled in, and the contents list of their headings. */
export function assignAnchors(blocks: readonly Block[]): { blocks: Block[]; sections: Section[] } {
  const used = new Set(RESERVED);
  const counters = new Map<string, number>();
  const sections: Section[] = [];
  const unique = (wanted: string): string => {
    let anchor = wanted;
    for (let n = 2; used.has(anchor); n++) anchor = `${wanted}-${n}`;
    used.add(anchor);
    return anchor;
  };
  const out = blocks.map((block) => {
    if (block.type === 'heading') {
      const anchor = unique(slugify(block.content.text, 60) || 'section');
      sections.push({ title: block.content.text, level: block.level, anchor });
      return { ...block, anchor };
    }
    const prefix = PREFIX[block.type];
    const count = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, count);
    return { ...block, anchor: unique(`${prefix}-${count}`) };
  });
  return { blocks: out, sections };
}
