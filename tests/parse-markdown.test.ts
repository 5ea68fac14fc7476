import { slugify as transliterationSlugify } from 'transliteration';
import { describe, expect, it } from 'vitest';
import { assignAnchors } from '../src/parse/anchors.js';
import { parseMarkdownBody } from '../src/parse/markdown/parseMarkdownBody.js';
import { safeUrl } from '../src/parse/safeUrl.js';
import { slugify } from '../src/parse/slug.js';

describe('Markdown bodies', () => {
  it('turns a leading level-1 heading into the headline and keeps the rest as blocks', () => {
    const { headline, blocks } = parseMarkdownBody('# The Headline\n\nFirst **bold** and *em* and `code`.\n\n# Another\n\n- one\n- two\n\n> quoted\n\n---\n');
    expect(headline).toBe('The Headline');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'rule']);
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      anchor: '',
      content: { text: 'First bold and em and code.', marks: [{ kind: 'strong', start: 6, end: 10 }, { kind: 'em', start: 15, end: 17 }, { kind: 'code', start: 22, end: 26 }] },
    });
    expect(blocks[1]).toMatchObject({ type: 'heading', level: 2, content: { text: 'Another' } });
  });

  it('shows raw HTML as text and drops unsafe link targets', () => {
    const { blocks } = parseMarkdownBody('<script>alert(1)</script>\n\nA [bad](javascript:alert(1)) and [good](https://e.org/x?a=1&b=2) and <b onclick="x()">b</b> &amp; more.');
    expect(blocks[0]).toMatchObject({ type: 'paragraph', content: { text: '<script>alert(1)</script>', marks: [] } });
    expect(blocks[1]).toMatchObject({
      content: { text: 'A bad and good and <b onclick="x()">b</b> & more.', marks: [{ kind: 'link', href: 'https://e.org/x?a=1&b=2' }] },
    });
  });

  it('reads tables and fenced code', () => {
    const { blocks } = parseMarkdownBody('| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1 < 2;\n```\n');
    expect(blocks[0]).toMatchObject({ type: 'table', header: [{ text: 'a' }, { text: 'b' }], rows: [[{ text: '1' }, { text: '2' }]] });
    expect(blocks[1]).toEqual({ type: 'code', anchor: '', lang: 'js', text: 'let x = 1 < 2;' });
  });
});

describe('safe URLs', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['../other/', '../other/'],
    ['#section', '#section'],
    ['javascript:alert(1)', null],
    [' JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\u0000script:alert(1)', null],
    ['data:text/html;base64,PHNjcmlwdD4=', null],
    ['vbscript:msgbox', null],
    ['&#106;avascript:alert(1)', null],
  ])('%j → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('slugs and anchors', () => {
  it('transliterates any script to lowercase ASCII words', () => {
    expect(slugify('Iran’s “Big” Day: Привет, 北京!')).toBe('irans-big-day-privet-bei-jing');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('!!!')).toBe('');
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
  });

  it('slugs ASCII text without the transliteration tables exactly as with them', () => {
    const samples = ['Ad sales boost Time Warner profit', 'U.S. & EU: 50% "deal" (draft) #1 -- ok?', '  Leading/trailing  ', 'C++ vs. C#: a_b~c', 'Tab\there\nnewline'];
    for (const sample of samples) {
      const viaTables = transliterationSlugify(sample.replace(/['’‘`´]/g, ''), { lowercase: true, separator: '-', trim: true })
        .replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
      expect(slugify(sample)).toBe(viaTables);
    }
  });

  it('gives headings readable unique anchors and other blocks positional ones', () => {
    const heading = (text: string) => ({ type: 'heading' as const, level: 2, anchor: '', content: { text, marks: [] } });
    const paragraph = { type: 'paragraph' as const, anchor: '', content: { text: 'x', marks: [] } };
    const { blocks, sections } = assignAnchors([heading('Contents'), paragraph, heading('Background'), paragraph, heading('Background')]);
    expect(blocks.map((b) => b.anchor)).toEqual(['contents-2', 'p-1', 'background', 'p-2', 'background-2']);
    expect(sections.map((s) => s.anchor)).toEqual(['contents-2', 'background', 'background-2']);
  });
});
