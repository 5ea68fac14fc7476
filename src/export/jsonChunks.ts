/**
 * The big data exports as text made piece by piece (see `Chunked`): the same bytes as
 * `JSON.stringify(value, null, 2)`, produced one record at a time, so a 50 MB export never exists
 * as one string.
 */
import { textOf, type Chunked, type Numbered } from '../render/page.js';

/**
 * Records are joined into pieces of about this many characters before the write stage gets them.
 * Small enough that a piece, once the writer flattens it (two bytes a character when any character
 * is outside Latin-1), stays under V8's 128 KiB limit for ordinary heap objects: a bigger one is a
 * "large object" of its own, allocated and freed by the system, and encoding 64 Ki-character pieces
 * ran at ~65 MB/s against ~460 MB/s for 16 Ki (4,000 articles: ~2 s of the main thread for the
 * ~100 MB of data exports).
 */
const PIECE = 16 * 1024;

/** A file whose text is the pieces `parts()` makes, joined into larger pieces (and also offered as they are: see `Chunked.parts`). */
export function chunkedFile(parts: () => Iterable<string | Numbered>): Chunked {
  return { chunks: () => joined(texts(parts()), PIECE), parts };
}

/** The text of each part (a numbered part's text is at hand whenever the whole file is wanted: see `PageReuse.made`). */
function* texts(parts: Iterable<string | Numbered>): Generator<string> {
  for (const part of parts) yield textOf(part);
}

/** Joins small strings into pieces of at least `size` characters (the last may be shorter). */
export function* joined(parts: Iterable<string>, size: number): Generator<string> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** `JSON.stringify(value, null, 2)` as it reads when the value sits `depth` levels deep in a larger document. */
export function indentedJson(value: unknown, depth: number): string {
  // Pretty-printed JSON holds a line break only between tokens (strings escape theirs), so indenting is a replace.
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** The text of `JSON.stringify(items, null, 2)` for an array `depth` levels deep, one item at a time. */
export function* jsonArrayParts(items: Iterable<unknown>, depth = 0): Generator<string> {
  for (const part of jsonArrayTexts(itemTexts(items, depth + 1), depth)) yield part;
}

function* itemTexts(items: Iterable<unknown>, depth: number): Generator<string> {
  for (const item of items) yield indentedJson(item, depth);
}

/**
 * `jsonArrayParts` for items already written as `indentedJson(item, depth + 1)`. Separators and
 * items are separate parts, so a watch session's writer sees each item's text as its own
 * (numbered) part (see `PageReuse.made`).
 */
export function* jsonArrayTexts<Item extends string | Numbered>(texts: Iterable<Item>, depth = 0): Generator<string | Item> {
  const indent = '  '.repeat(depth + 1);
  const [opening, separator] = [`[\n${indent}`, `,\n${indent}`];
  let first = true;
  for (const text of texts) {
    yield first ? opening : separator;
    yield text;
    first = false;
  }
  yield first ? '[]' : `\n${'  '.repeat(depth)}]`;
}
