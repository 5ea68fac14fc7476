/**
 * URL slugs: lowercase ASCII letters, digits and hyphens, transliterated from any script
 * (`Привет` → `privet`, `北京` → `bei-jing`), so every URL is safe on every host and file system.
 */
import { createRequire } from 'node:module';

/**
 * The transliteration tables take about 70 ms to load, a tenth of a small build, and most archives
 * are ASCII: they are loaded on the first text that needs them. (On ASCII text both paths give the
 * same slug; a test checks it.)
 */
let transliterateOnce: ((text: string) => string) | null = null;
function transliterate(text: string): string {
  if (!transliterateOnce) {
    const { slugify: fromAnyScript } = createRequire(import.meta.url)('transliteration') as typeof import('transliteration');
    transliterateOnce = (input) => fromAnyScript(input, { lowercase: true, separator: '-', trim: true });
  }
  return transliterateOnce(text);
}

/** Longest slug kept, cut at a hyphen so words stay whole. */
const MAX_SLUG_LENGTH = 80;

/** The slug of any text; '' when nothing sluggable is left (punctuation only). */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  // Apostrophes join words ("Iran’s" → "irans"), rather than splitting them.
  const joined = text.replace(/['’‘`´]/g, '');
  // ASCII needs no tables: lowercased, the clean-up below turns everything else into hyphens.
  // eslint-disable-next-line no-control-regex
  const slug = (/^[\x00-\x7f]*$/.test(joined) ? joined.toLowerCase() : transliterate(joined))
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-$/, '');
}

/** True for a string that is already a valid slug. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
