/**
 * Article bodies to HTML. Each block type has one small renderer; all text goes through
 * `renderInline` (escaping) and every URL was checked when the block was parsed.
 */
import type { Block, EmbedBlock, InlineText } from '../types.js';
import { escapeHtml } from './escape.js';
import { formatDate } from './formatDate.js';
import { renderInline, type HtmlRange } from './inline.js';

/** Extra ranges for one block's text (entity links, sentence anchors), by block anchor. */
export type RangesFor = (blockAnchor: string) => readonly HtmlRange[];

const NO_RANGES: readonly HtmlRange[] = [];
const NONE: RangesFor = () => NO_RANGES;

/**
 * Renders an article body. `rangesFor` adds links and anchors inside paragraphs. Bodies are not
 * kept from build to build: a watch session reuses whole pages from their inputs (see
 * `renderPageFrom`), so a body is rendered again only for the few pages an edit touches, and
 * keeping every body cost ~20 KiB of memory an article.
 */
export function renderBlocks(blocks: readonly Block[], rangesFor: RangesFor = NONE): string {
  return blocks.map((block) => renderBlock(block, block.type === 'paragraph' ? rangesFor(block.anchor) : NO_RANGES)).join('\n');
}

function renderBlock(block: Block, ranges: readonly HtmlRange[]): string {
  const id = `id="${escapeHtml(block.anchor)}"`;
  switch (block.type) {
    case 'paragraph':
      return `<p ${id}>${renderInline(block.content, ranges)}</p>`;
    case 'heading':
      // Headings never get entity links: a heading is a signpost, not a mention.
      return `<h${block.level} ${id}>${renderInline(block.content)}</h${block.level}>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag} ${id}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote ${id}>${block.paragraphs.map((p) => `<p>${renderInline(p)}</p>`).join('')}</blockquote>`;
    case 'code':
      return `<pre ${id}><code>${escapeHtml(block.text)}</code></pre>`;
    case 'rule':
      return `<hr ${id}>`;
    case 'table':
      return renderTable(block.anchor, block.header, block.rows);
    case 'embed':
      return renderEmbed(block);
  }
}

function renderTable(anchor: string, header: InlineText[], rows: InlineText[][]): string {
  const head = header.length ? `<thead><tr>${header.map((cell) => `<th scope="col">${renderInline(cell)}</th>`).join('')}</tr></thead>` : '';
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${renderInline(cell)}</td>`).join('')}</tr>`).join('');
  return `<div class="table-scroll"><table id="${escapeHtml(anchor)}">${head}<tbody>${body}</tbody></table></div>`;
}

/** An embedded post as a styled quotation with its attribution; never as body text. */
function renderEmbed(block: EmbedBlock): string {
  const lines = block.text.split('\n').map((line) => escapeHtml(line)).join('<br>\n');
  const profile = `https://x.com/${encodeURIComponent(block.handle)}`;
  const date = block.date
    ? `<time datetime="${block.date}">${formatDate(block.date, 'day')}</time>`
    : block.dateText ? `<span>${escapeHtml(block.dateText)}</span>` : '';
  const media = block.url ? ` · <a href="${escapeHtml(block.url)}" rel="nofollow noopener">media</a>` : '';
  return [
    `<figure class="embed embed-${block.kind}" id="${escapeHtml(block.anchor)}">`,
    `<blockquote><p>${lines}</p></blockquote>`,
    `<figcaption>— <span class="embed-author">${escapeHtml(block.author)}</span> `,
    `<a class="embed-handle" href="${profile}" rel="nofollow noopener">@${escapeHtml(block.handle)}</a>`,
    `${date ? ` · ${date}` : ''}${media}</figcaption>`,
    `</figure>`,
  ].join('');
}
