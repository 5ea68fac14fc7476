/**
 * The last step: the text segments left after every rule become paragraphs, and runs of list item
 * lines become list blocks (numbered when the first item is numbered). Recognised blocks pass through.
 */
import type { Block, ListBlock } from '../../types.js';
import { parseInlineText } from './inline.js';
import { isListItem, isOrderedItem, stripListMarker } from './lineShape.js';
import type { Segment } from './segments.js';

/** Turns the segments into blocks, in order, with empty anchors. */
export function assembleBlocks(segments: readonly Segment[]): Block[] {
  const blocks: Block[] = [];
  let list: ListBlock | null = null;
  for (const s of segments) {
    if (s.kind === 'block') {
      list = null;
      blocks.push(s.block);
      continue;
    }
    const text = s.text.trim();
    if (text.length === 0) continue;
    if (!isListItem(text)) {
      list = null;
      blocks.push({ type: 'paragraph', anchor: '', content: parseInlineText(text) });
      continue;
    }
    if (list === null) {
      list = { type: 'list', anchor: '', ordered: isOrderedItem(text), items: [] };
      blocks.push(list);
    }
    list.items.push(parseInlineText(stripListMarker(text).trim()));
  }
  return blocks;
}
