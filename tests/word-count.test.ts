import { describe, expect, it } from 'vitest';
import { countWordsIn, isJsSpace } from '../src/text/wordCount.js';

describe('countWordsIn', () => {
  it('counts what split(/\\s+/) counts, for every kind of white space', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isJsSpace(code), `U+${code.toString(16)}`).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it('gives the same count as splitting, on texts with leading, trailing and mixed white space', () => {
    const texts = ['', ' ', 'one', ' one ', 'one two', 'one\u00a0two\u2003three', '\n\tTabs\tand\r\nlines\n', 'a  b   c', 'naïve café — déjà vu', '\ufeffBOM first', 'x\u3000y\u202fz'];
    for (const text of texts) expect(countWordsIn(text), JSON.stringify(text)).toBe(text.split(/\s+/).filter(Boolean).length);
  });
});
