/**
 * The parse stage for one file: front matter, body, headline, date, anchors, summary. Returns an
 * article draft (its final URL is assigned once all articles are known) or diagnostics.
 */
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { sourceText } from '../read/readSources.js';
import { ArticleSchema, type Article, type Block, type DateSource, type InlineText, type Precision, type RemovedText, type SourceFile, type TitleSource } from '../types.js';
import { assignAnchors } from './anchors.js';
import { latestStatedDate } from './dates.js';
import { splitFrontMatter } from './frontMatter.js';
import { headlineFromBody } from './headline.js';
import { parseMarkdownBody } from './markdown/parseMarkdownBody.js';
import { isWebUrl } from './safeUrl.js';
import { isSlug, slugify } from './slug.js';
import { parseTextBody } from './text/parseTextBody.js';
import { countWordsIn } from '../text/wordCount.js';

/** An article before URLs are assigned: `slug`, `id` and `url` hold the wanted slug. */
export type ArticleDraft = Article;

/** Reading speed used for `readingMinutes`. */
const WORDS_PER_MINUTE = 230;
/** Longest summary drawn from the body, in characters. */
const SUMMARY_LENGTH = 280;

/** What parsing one file gives: a draft, or null with the reasons in `diagnostics`. */
export interface ParseResult {
  /** The article, or null when the file has errors or is a draft. */
  article: ArticleDraft | null;
  /** Errors, warnings and notes about this file. */
  diagnostics: Diagnostic[];
}

export function parseArticle(source: SourceFile): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const file = source.displayPath;
  // First: a file read again here may have changed since the read stage, and the record takes the hash it has now (see `sourceText`).
  const text = sourceText(source);
  if (text.trim() === '') {
    diagnostics.push({ severity: 'error', file, line: 1, message: 'is empty: there is no article in it.', hint: 'Write the article in the file, or delete it.' });
    return { article: null, diagnostics };
  }
  const front = splitFrontMatter(text, file, diagnostics);
  if (!front) return { article: null, diagnostics };
  if (front.data.draft === true) {
    diagnostics.push({ severity: 'note', file, message: 'is a draft (draft: true) and was left out.' });
    return { article: null, diagnostics };
  }
  const body = readBody(source, front.body, front.bodyLine, front.data.title ?? null);
  const { blocks, sections } = assignAnchors(body.blocks);
  if (blocks.length === 0) {
    diagnostics.push({ severity: 'error', file, line: front.bodyLine, message: 'has no article text after the front matter.', hint: 'Write the article below the closing "---", or delete the file.' });
    return { article: null, diagnostics };
  }

  const title = chooseTitle(front.data.title, body.headline, blocks, source.relativePath);
  const date = chooseDate(front.date, body.dateline, blocks);
  const slug = chooseSlug(front.data.slug, title.text, source.relativePath, file, diagnostics);
  const wordCount = countWords(blocks);
  // Normalised through the URL parser, so quotes and brackets arrive percent-encoded.
  const originalUrl = front.data.url && isWebUrl(front.data.url) ? new URL(front.data.url).href : null;

  const article: Article = {
    id: slug,
    slug,
    url: `articles/${slug}/`,
    sourcePath: source.relativePath,
    format: source.format,
    contentHash: source.contentHash,
    title: title.text,
    titleSource: title.source,
    date: date.value,
    datePrecision: date.precision,
    dateSource: date.source,
    outlet: front.data.outlet ?? front.data.source ?? null,
    originalUrl,
    author: front.data.author ?? null,
    summary: front.data.summary ?? summarise(blocks),
    blocks,
    sections,
    removed: body.removed,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    extra: front.extra,
  };
  const checked = ArticleSchema.safeParse(article);
  if (!checked.success) {
    // A record that fails its own schema is a bug in Dossier, not in the article: say so plainly.
    diagnostics.push({ severity: 'error', file, message: `Dossier produced an invalid record (${checked.error.issues[0]?.message ?? 'unknown'} at ${checked.error.issues[0]?.path.join('.')}).`, hint: 'Please report this with the file attached.' });
    return { article: null, diagnostics };
  }
  return { article, diagnostics };
}

interface Body {
  blocks: Block[];
  removed: RemovedText[];
  headline: string | null;
  dateline: { date: string; precision: Precision } | null;
}

function readBody(source: SourceFile, text: string, firstLine: number, knownTitle: string | null): Body {
  if (source.format === 'markdown') {
    const parsed = parseMarkdownBody(text);
    return { blocks: parsed.blocks, removed: [], headline: parsed.headline, dateline: null };
  }
  const parsed = parseTextBody(text, firstLine, knownTitle);
  return { blocks: parsed.blocks, removed: parsed.removed, headline: parsed.headline?.text ?? null, dateline: parsed.dateline };
}

function chooseTitle(fromFrontMatter: string | undefined, headline: string | null, blocks: Block[], relativePath: string): { text: string; source: TitleSource } {
  if (fromFrontMatter) return { text: fromFrontMatter, source: 'front-matter' };
  if (headline) return { text: headline, source: 'first-line' };
  const derived = headlineFromBody(blocks);
  if (derived) return { text: derived, source: 'first-sentence' };
  return { text: path.posix.basename(relativePath).replace(/\.[^.]+$/, ''), source: 'file-name' };
}

function chooseDate(
  fromFrontMatter: { value: string; precision: Precision } | null,
  dateline: { date: string; precision: Precision } | null,
  blocks: Block[],
): { value: string | null; precision: Precision | null; source: DateSource } {
  if (fromFrontMatter) return { value: fromFrontMatter.value, precision: fromFrontMatter.precision, source: 'front-matter' };
  if (dateline) return { value: dateline.date, precision: dateline.precision, source: 'dateline' };
  const stated = latestStatedDate(blocks);
  if (stated) return { value: stated, precision: 'day', source: 'inferred' };
  return { value: null, precision: null, source: 'unknown' };
}

function chooseSlug(fromFrontMatter: string | undefined, title: string, relativePath: string, file: string, diagnostics: Diagnostic[]): string {
  const fallback = slugify(path.posix.basename(relativePath).replace(/\.[^.]+$/, '')) || 'article';
  if (fromFrontMatter !== undefined) {
    const cleaned = slugify(fromFrontMatter);
    if (cleaned && cleaned === fromFrontMatter && isSlug(cleaned)) return cleaned;
    const used = cleaned || slugify(title) || fallback;
    diagnostics.push({ severity: 'warning', file, field: 'slug', message: `"${fromFrontMatter}" is not a plain slug; the article's URL uses "${used}" instead.`, hint: 'Use only lowercase letters, digits and hyphens, such as "my-article".' });
    return used;
  }
  return slugify(title) || fallback;
}

/** The words a reader reads: body text, not embedded posts. */
function countWords(blocks: Block[]): number {
  let words = 0;
  const add = (content: InlineText) => (words += countWordsIn(content.text));
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') add(block.content);
    else if (block.type === 'list') block.items.forEach(add);
    else if (block.type === 'quote') block.paragraphs.forEach(add);
    else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach(add);
  }
  return words;
}

/** The first paragraph, cut at a sentence or word boundary. */
function summarise(blocks: Block[]): string {
  const first = blocks.find((block) => block.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return '';
  const text = first.content.text.replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentenceEnd > SUMMARY_LENGTH / 2) return cut.slice(0, sentenceEnd + 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
