/**
 * A faster stand-in for Nunjucks' own autoescape (`lib.escape`, a regex replace with a callback per
 * match, called on every `{{ value }}` of every page): it was the largest single item of the render
 * stage's profile. Same replacements, so the same bytes: `& " ' < > \` become `&amp; &quot; &#39;
 * &lt; &gt; &#92;`. Most values have none of them and are returned as they are.
 */
import { createRequire } from 'node:module';

/** Nunjucks' helper module, the one its runtime calls `escape` on (the same instance `import nunjucks` loads). */
const nunjucksLib = createRequire(import.meta.url)('nunjucks/src/lib.js') as { escape: (text: string) => string };

/** Nunjucks' escaping, by char codes. */
export function nunjucksEscape(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && replacement(text.charCodeAt(i)) === null) i++;
  if (i === n) return text;
  let out = '';
  let last = 0;
  for (; i < n; i++) {
    const entity = replacement(text.charCodeAt(i));
    if (entity === null) continue;
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return out + text.slice(last);
}

function replacement(c: number): string | null {
  switch (c) {
    case 0x26: return '&amp;';
    case 0x22: return '&quot;';
    case 0x27: return '&#39;';
    case 0x3c: return '&lt;';
    case 0x3e: return '&gt;';
    case 0x5c: return '&#92;';
    default: return null;
  }
}

/** The escaping Nunjucks shipped with, kept for tests. */
export const originalNunjucksEscape = nunjucksLib.escape;

/** Puts `nunjucksEscape` in place of Nunjucks' own (once per process; its runtime looks `lib.escape` up on every call). */
export function installNunjucksEscape(): void {
  nunjucksLib.escape = nunjucksEscape;
}
