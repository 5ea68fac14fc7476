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

  it('gives back small and big values whether still waiting to be written or in the file, asked for between puts', () => {
    const store = new BodyStore();
    const values: unknown[] = [];
    const places: ReturnType<BodyStore['put']>[] = [];
    // Enough small values to fill the write buffer several times, a few bigger than all of it, and some multi-byte text.
    for (let i = 0; i < 3000; i++) {
      const value = i % 700 === 3 ? { big: `é${'x'.repeat(300_000)}${i}` } : [{ blockAnchor: `p${i}`, text: `Sentence ${i} “quoted” ${'w'.repeat(i % 97)}` }];
      values.push(value);
      places.push(store.put(value));
      // Asked for at once (still in the buffer), and an older one (in the file by now).
      expect(store.get(places[i]!)).toEqual(value);
      const older = (i * 7919) % (i + 1);
      expect(store.get(places[older]!)).toEqual(values[older]);
    }
    for (const i of [2999, 0, 1503, 3, 703, 2998, 1]) expect(store.get(places[i]!)).toEqual(values[i]);
  });
});

describe('flatCopy', () => {
  it('returns an equal string', () => {
    const paragraph = 'A long paragraph of text. '.repeat(40);
    for (const piece of [paragraph.slice(5, 80), paragraph.slice(0, 3), '', paragraph]) expect(flatCopy(piece)).toBe(piece);
  });
});
