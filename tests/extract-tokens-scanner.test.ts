import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordSpans } from '../src/extract/entities/tokens.js';

// The pattern the hand scanner stands in for (a copy: the scanner must find exactly its matches).
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}{2,}(?:\/\p{Lu}{2,})+|[\p{L}\p{N}]+(?:['’‑-][\p{L}\p{N}]+)*/gu;

function regexSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
}

function seedTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) texts.push(...seedTexts(file));
    else if (/\.(txt|md)$/.test(entry.name)) texts.push(readFileSync(file, 'utf8'));
  }
  return texts;
}

describe('the token scanner', () => {
  it('finds the same words as the pattern in hand-picked cases', () => {
    const cases = [
      'U.S. officials', 'U.S.A.', 'A.B', 'RFE/RL said', 'RFE/R', 'AB/CD/E', 'AB/CD/EF/', 'ÉU/RL', 'AB/ÉF', 'Iran’s', "Iran's", "rock 'n' roll",
      'Amir-Abdollahian', 'Yemen-based', 'US‑Iran', 'Café au lait', 'naïve', '“Quote” — dash', 'x-', 'x-é', '3.5 per cent', 'İstanbul', 'ǅemal', '٣٤ Σigma', '',
    ];
    for (const text of cases) expect(wordSpans(text), text).toEqual(regexSpans(text));
  });

  it('finds the same words as the pattern in the seeds', () => {
    for (const text of seedTexts('seeds')) expect(wordSpans(text)).toEqual(regexSpans(text));
  });

  it('finds the same words as the pattern in random strings', () => {
    const alphabet = ['A', 'U', 'S', 'a', 'z', '0', '.', '/', '-', '‑', "'", '’', ' ', '\n', 'É', 'é', 'ß', 'Σ', '“', '@', '_', 'İ', '\u00a0', '—', 's', 'R', 'L', '٣', '𝐀'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 20000; t++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(wordSpans(text), text).toEqual(regexSpans(text));
    }
  });
});
