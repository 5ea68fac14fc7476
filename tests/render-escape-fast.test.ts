import { describe, expect, it } from 'vitest';
import { nunjucksEscape, originalNunjucksEscape } from '../src/render/nunjucksEscape.js';
import { createEnvironment } from '../src/render/environment.js';

describe('the fast Nunjucks escape', () => {
  it('gives the same text as Nunjucks’ own', () => {
    const cases = ['', 'plain', '&', '<a href="x">O\'Brien & co</a>', '\\', 'a\\b', '&&&', 'end&', '“quotes” ’ é 𝐀', '<<>>""\'\''];
    for (const text of cases) expect(nunjucksEscape(text), text).toBe(originalNunjucksEscape(text));
    const alphabet = ['a', ' ', '&', '"', "'", '<', '>', '\\', 'é', '𝐀', '\n'];
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 5000; t++) {
      let text = '';
      const length = Math.floor(next() * 20);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(nunjucksEscape(text), text).toBe(originalNunjucksEscape(text));
    }
  });

  it('is what templates escape with', () => {
    const env = createEnvironment({ templates: 'templates', portable: false, baseUrl: '' } as never);
    expect(env.renderString('{{ x }}|{{ x | escape }}', { x: `<b>"O'Brien" & \\</b>` })).toBe('&lt;b&gt;&quot;O&#39;Brien&quot; &amp; &#92;&lt;/b&gt;|&lt;b&gt;&quot;O&#39;Brien&quot; &amp; &#92;&lt;/b&gt;');
  });
});
