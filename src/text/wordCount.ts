/**
 * Counting words without making them: `text.split(/\s+/).filter(Boolean).length`, the count a
 * reader's word count is, made a list of every word of every article only to take its length
 * (4,000 articles: ~0.2 s of the parse). This walks the characters once.
 */

/** True for exactly the characters `\s` matches in a JavaScript pattern (Unicode white space and line ends). */
export function isJsSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** How many runs of characters other than white space `text` has: its words, as `split(/\s+/)` sees them. */
export function countWordsIn(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
