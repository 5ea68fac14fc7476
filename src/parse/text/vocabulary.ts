/**
 * Content words, for telling whether a trailing list is about the article at all. Function words
 * are ignored and a light normalisation (lower case, possessive and plural `s` dropped) lets
 * `Iran's` match `Iran` and `sanctions` match `sanction`.
 */
import type { Block } from '../../types.js';

/** Common English words that say nothing about a subject. */
const STOP_WORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has him his how its may new now ' +
    'old see two way who did get got let say she too use with this that from they will would there their ' +
    'what about which when your said each more most other some such than then them these those only ' +
    'also into over just like very well even back after before here where while being been have were ' +
    'does doing could should might must shall much many made make first last best top free full net ' +
    'why yes off own same both few again once why'
  ).split(' '),
);

/** Longest text read when collecting words: plenty for any article, bounded for hostile input. */
const MAX_CHARS = 200_000;

/** The content words of a text, normalised, in order (duplicates kept). */
export function contentWords(text: string): string[] {
  const words = text.slice(0, MAX_CHARS).toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words.map(normaliseWord).filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !/^\p{N}+$/u.test(w));
}

/** True when the text has a content word that is in `vocabulary`. */
export function sharesVocabulary(text: string, vocabulary: ReadonlySet<string>): boolean {
  return contentWords(text).some((w) => vocabulary.has(w));
}

/** The plain texts a block holds, whatever its kind (embeds: the post's text and date text). */
export function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.content.text];
    case 'list':
      return block.items.map((item) => item.text);
    case 'quote':
      return block.paragraphs.map((p) => p.text);
    case 'table':
      return [...block.header, ...block.rows.flat()].map((cell) => cell.text);
    case 'embed':
      return [block.text, block.dateText];
    case 'code':
      return [block.text];
    case 'rule':
      return [];
  }
}

function normaliseWord(word: string): string {
  const w = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}
