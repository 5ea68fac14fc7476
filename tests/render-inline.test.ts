import { describe, expect, it } from 'vitest';
import { renderInline } from '../src/render/inline.js';
import { renderBlocks } from '../src/render/renderBlocks.js';

describe('inline rendering', () => {
  it('escapes every character that could become markup', () => {
    expect(renderInline({ text: `<script>alert("x")</script> & 'y'`, marks: [] })).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('nests marks and reopens a range that crosses another', () => {
    const html = renderInline({ text: 'one two three', marks: [{ kind: 'strong', start: 0, end: 7 }, { kind: 'em', start: 4, end: 13 }] });
    expect(html).toBe('<strong>one <em>two</em></strong><em> three</em>');
  });

  it('puts extra ranges outside formatting by layer, with the id on the first fragment only', () => {
    const html = renderInline(
      { text: 'Raisi died. Miller spoke.', marks: [{ kind: 'strong', start: 6, end: 18 }] },
      [{ start: 0, end: 11, open: '<span id="s-1">', reopen: '<span>', close: '</span>', layer: 0 }],
    );
    expect(html).toBe('<span id="s-1">Raisi <strong>died.</strong></span><strong> Miller</strong> spoke.');
  });

  it('renders safe link marks with escaped hrefs', () => {
    expect(renderInline({ text: 'site', marks: [{ kind: 'link', start: 0, end: 4, href: 'https://e.org/?a=1&b="2"' }] })).toBe(
      '<a href="https://e.org/?a=1&amp;b=&quot;2&quot;" rel="nofollow noopener">site</a>',
    );
  });
});

describe('block rendering', () => {
  it('renders an embedded post as a quotation with its attribution, not as body text', () => {
    const html = renderBlocks([
      { type: 'embed', anchor: 'post-1', kind: 'tweet', author: 'Some <One>', handle: 'some_one', date: '2024-05-20', dateText: 'May 20, 2024', text: 'Line one\nLine <two>', url: 'https://pic.twitter.com/abc' },
    ]);
    expect(html).toContain('<figure class="embed embed-tweet" id="post-1"><blockquote><p>Line one<br>\nLine &lt;two&gt;</p></blockquote>');
    expect(html).toContain('<span class="embed-author">Some &lt;One&gt;</span>');
    expect(html).toContain('href="https://x.com/some_one"');
    expect(html).toContain('<time datetime="2024-05-20">20 May 2024</time>');
  });

  it('gives every block its anchor as id', () => {
    const html = renderBlocks([
      { type: 'heading', level: 2, anchor: 'background', content: { text: 'Background', marks: [] } },
      { type: 'paragraph', anchor: 'p-1', content: { text: 'Text.', marks: [] } },
      { type: 'list', anchor: 'list-1', ordered: false, items: [{ text: 'a', marks: [] }] },
    ]);
    expect(html).toBe('<h2 id="background">Background</h2>\n<p id="p-1">Text.</p>\n<ul id="list-1"><li>a</li></ul>');
  });
});
