import { describe, expect, it } from 'vitest';
import { BodyStore } from '../src/build/bodyStore.js';
import { parseArticle } from '../src/parse/parseArticle.js';
import { flatCopy } from '../src/text/flatCopy.js';
import type { Article, SourceFile } from '../src/types.js';

const source = (name: string, text: string): SourceFile => ({ absolutePath: `/in/${name}`, relativePath: name, displayPath: name, format: 'markdown', text, contentHash: name });
const article = (name: string, body: string): Article =>
  parseArticle(source(name, `---\ntitle: ${name}\ndate: 2024-05-19\n---\n${body}\n`)).article!;

describe('BodyStore', () => {
  const originals = [
    article('one', 'First paragraph with **strong** and [a link](https://example.org/).\n\n- an item\n- another “quoted” item\n\n> a quote'),
    article('two', 'Second: lone surrogate \ud800 and emoji 🎉.\n\n| a | b |\n|---|---|\n| 1 | 2 |'),
    article('three', '```js\ncode();\n```\n\nLast paragraph.'),
  ];

  it('gives back every body as it was, whatever the order asked, and the same record otherwise', () => {
    const store = new BodyStore();
    const kept = originals.map((a) => store.keep(a));
    for (const i of [2, 0, 1, 1, 0, 2, 2]) expect(kept[i]!.blocks).toEqual(originals[i]!.blocks);
    for (const [i, a] of kept.entries()) expect({ ...a, blocks: a.blocks }).toEqual(originals[i]);
  });

  it('writes the same JSON as the record it came from, and keeps a body assigned to it', () => {
    const store = new BodyStore();
    const kept = originals.map((a) => store.keep(a));
    expect(kept.map((a) => JSON.stringify(a))).toEqual(originals.map((a) => JSON.stringify(a)));
    kept[0]!.blocks = [];
    expect(kept[0]!.blocks).toEqual([]);
    expect(kept[1]!.blocks).toEqual(originals[1]!.blocks);
  });
});

describe('flatCopy', () => {
  it('returns an equal string', () => {
    const paragraph = 'A long paragraph of text. '.repeat(40);
    for (const piece of [paragraph.slice(5, 80), paragraph.slice(0, 3), '', paragraph]) expect(flatCopy(piece)).toBe(piece);
  });
});
