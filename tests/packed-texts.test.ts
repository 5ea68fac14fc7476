// The packed stores the timeline keeps its candidates in (`src/text/utf8Texts.ts`, `stringTable.ts`):
// every text comes back exactly as added, across chunks, and ranks order strings as `<` does.
import { describe, expect, it } from 'vitest';
import { StringTable } from '../src/text/stringTable.js';
import { Utf8Texts } from '../src/text/utf8Texts.js';

describe('Utf8Texts', () => {
  it('gives back every text as added, across many chunks and with characters of every width', () => {
    const texts = new Utf8Texts();
    const added: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `Sentence ${i} — “quoted” café 東京 ${'😀'.repeat(i % 3)} ${'x'.repeat(i % 200)}`;
      added.push(text);
      expect(texts.add(text)).toBe(i);
    }
    // Longer than any chunk: gets one of its own.
    const long = 'é'.repeat(5 << 20);
    expect(texts.add(long)).toBe(added.length);
    texts.add('');
    expect(texts.length).toBe(added.length + 2);
    added.forEach((text, i) => expect(texts.get(i)).toBe(text));
    expect(texts.get(added.length)).toBe(long);
    expect(texts.get(added.length + 1)).toBe('');
  });
});

describe('StringTable', () => {
  it('numbers each distinct string once and ranks them in string order', () => {
    const table = new StringTable(true);
    const values = ['2024-05', '2024', '2023-12-31', '2024', 'b', 'B', '2024-05-01', '2024-05'];
    const numbers = values.map((value) => table.numberOf(value));
    expect(numbers).toEqual([0, 1, 2, 1, 3, 4, 5, 0]);
    const ranks = table.ranks();
    const sorted = [...new Set(values)].sort();
    table.strings.forEach((value, n) => expect(ranks[n]).toBe(sorted.indexOf(value)));
  });
});
