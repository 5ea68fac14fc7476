/**
 * The records that flow between pipeline stages.
 *
 * Every record is a zod schema first and a TypeScript type second (`z.infer`), so the runtime
 * check and the static type cannot drift apart. The same schemas generate the JSON Schemas of the
 * data export. Doc comments sit on the schema fields and carry through to the inferred types.
 */
import { z } from 'zod';

// ───────────────────────────── inline text ─────────────────────────────

/**
 * A span of inline formatting over a run of plain text. Offsets are UTF-16 code-unit indexes into
 * the owning `InlineText.text`, end exclusive. Keeping formatting as ranges over plain text (instead
 * of HTML) lets the extractors read clean text and lets the renderer add entity links and sentence
 * anchors as more ranges, without ever parsing HTML.
 */
export const MarkSchema = z.object({
  /** What the span means: strong/em/code/del as in Markdown, `link` for a hyperlink. */
  kind: z.enum(['strong', 'em', 'code', 'del', 'link']),
  /** First code unit covered. */
  start: z.number().int().nonnegative(),
  /** First code unit after the span. */
  end: z.number().int().nonnegative(),
  /** Target of a `link` mark, already checked to be a safe URL (http, https, mailto or relative). */
  href: z.string().optional(),
});
export type Mark = z.infer<typeof MarkSchema>;

/** Plain text with formatting ranges: the content of a paragraph, list item or heading. */
export const InlineTextSchema = z.object({
  /** The text as a reader sees it, no markup. */
  text: z.string(),
  /** Formatting over `text`, in any order; may nest but never partially overlap a `link`. */
  marks: z.array(MarkSchema),
});
export type InlineText = z.infer<typeof InlineTextSchema>;

// ───────────────────────────── blocks ─────────────────────────────

/** A paragraph of body text. */
export const ParagraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  /** Stable id inside the article (`p-3`), used as the HTML anchor. */
  anchor: z.string(),
  /** The paragraph's text and formatting. */
  content: InlineTextSchema,
});

/** A section heading, recovered from Markdown, a table of contents or a glued run-in heading. */
export const HeadingBlockSchema = z.object({
  type: z.literal('heading'),
  /** Heading level, 2 to 6; level 1 is reserved for the article's headline. */
  level: z.number().int().min(2).max(6),
  /** Slug of the heading text, unique inside the article, used as the HTML anchor. */
  anchor: z.string(),
  /** The heading text and formatting. */
  content: InlineTextSchema,
});

/** A bulleted or numbered list. */
export const ListBlockSchema = z.object({
  type: z.literal('list'),
  /** Stable id inside the article. */
  anchor: z.string(),
  /** True for a numbered list. */
  ordered: z.boolean(),
  /** One entry per item. */
  items: z.array(InlineTextSchema),
});

/** A block quotation (Markdown `>`), not an embedded social post. */
export const QuoteBlockSchema = z.object({
  type: z.literal('quote'),
  /** Stable id inside the article. */
  anchor: z.string(),
  /** The quoted paragraphs. */
  paragraphs: z.array(InlineTextSchema),
});

/** A code or preformatted block, shown verbatim. */
export const CodeBlockSchema = z.object({
  type: z.literal('code'),
  /** Stable id inside the article. */
  anchor: z.string(),
  /** Language tag from a fenced block, if any (display only). */
  lang: z.string().nullable(),
  /** The code, verbatim. */
  text: z.string(),
});

/** An embedded social-media post (a tweet pasted into a scraped article). */
export const EmbedBlockSchema = z.object({
  type: z.literal('embed'),
  /** Stable id inside the article. */
  anchor: z.string(),
  /** Which kind of post; only tweets are recognised so far. */
  kind: z.literal('tweet'),
  /** Display name of the author (`OSINTdefender`). */
  author: z.string(),
  /** Handle without the `@` (`sentdefender`). */
  handle: z.string(),
  /** The post's date as `YYYY-MM-DD`, or null when the attribution line had none or it was invalid. */
  date: z.string().nullable(),
  /** The date exactly as the attribution line wrote it (`May 20, 2024`). */
  dateText: z.string(),
  /** The post's text, lines joined with `\n`, media links removed. */
  text: z.string(),
  /** The post's media link (`https://pic.twitter.com/…`), if it had one. */
  url: z.string().nullable(),
});

/** A thematic break. */
export const RuleBlockSchema = z.object({
  type: z.literal('rule'),
  /** Stable id inside the article. */
  anchor: z.string(),
});

/** A Markdown table. */
export const TableBlockSchema = z.object({
  type: z.literal('table'),
  /** Stable id inside the article. */
  anchor: z.string(),
  /** Header cells. */
  header: z.array(InlineTextSchema),
  /** Body rows, each a list of cells. */
  rows: z.array(z.array(InlineTextSchema)),
});

/** One unit of an article body: the contract between the parsers and the renderer. */
export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphBlockSchema,
  HeadingBlockSchema,
  ListBlockSchema,
  QuoteBlockSchema,
  CodeBlockSchema,
  EmbedBlockSchema,
  RuleBlockSchema,
  TableBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ListBlock = z.infer<typeof ListBlockSchema>;
export type QuoteBlock = z.infer<typeof QuoteBlockSchema>;
export type CodeBlock = z.infer<typeof CodeBlockSchema>;
export type EmbedBlock = z.infer<typeof EmbedBlockSchema>;
export type RuleBlock = z.infer<typeof RuleBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;

// ───────────────────────────── article ─────────────────────────────

/** Text the build took out of an article, kept so nothing disappears without a trace. */
export const RemovedTextSchema = z.object({
  /** Why it was removed: `chrome` (blog/site furniture), `seo-links`, `related-headlines`, `engagement-prompt`, `table-of-contents`, `dateline`, `headline`. */
  reason: z.string(),
  /** The removed text, verbatim (lines joined with `\n`). */
  text: z.string(),
  /** 1-based line in the source file where it started. */
  line: z.number().int().positive(),
});
export type RemovedText = z.infer<typeof RemovedTextSchema>;

/** An entry of the article's contents list. */
export const SectionSchema = z.object({
  /** The heading's text. */
  title: z.string(),
  /** The heading level (2 to 6). */
  level: z.number().int(),
  /** The heading's anchor in the article page. */
  anchor: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

/** How precisely a date is known. */
export const PrecisionSchema = z.enum(['day', 'month', 'year']);
export type Precision = z.infer<typeof PrecisionSchema>;

/** Where the publication date came from. */
export const DateSourceSchema = z.enum(['front-matter', 'dateline', 'inferred', 'unknown']);
export type DateSource = z.infer<typeof DateSourceSchema>;

/** Where the headline came from. */
export const TitleSourceSchema = z.enum(['front-matter', 'first-line', 'first-sentence', 'file-name']);
export type TitleSource = z.infer<typeof TitleSourceSchema>;

/** One article, parsed, cleaned and validated. The central record of the build. */
export const ArticleSchema = z.object({
  /** Stable identifier, equal to the slug; unique in the archive. */
  id: z.string(),
  /** Last segment of the article's URL: lowercase ASCII letters, digits and hyphens. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Page path relative to the site root, always `articles/<slug>/`. */
  url: z.string(),
  /** The input file's path relative to the input folder, with `/` separators. */
  sourcePath: z.string(),
  /** `markdown` for .md/.markdown, `text` for .txt. */
  format: z.enum(['markdown', 'text']),
  /** Hex SHA-256 of the raw file bytes: the cache key of everything derived from this file. */
  contentHash: z.string(),
  /** The headline. */
  title: z.string().min(1),
  /** Where the headline came from. */
  titleSource: TitleSourceSchema,
  /** Publication date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match `datePrecision`; null when unknown. */
  date: z.string().nullable(),
  /** How precise `date` is; null when the date is unknown. */
  datePrecision: PrecisionSchema.nullable(),
  /** Where the date came from; `inferred` means taken from a date the text states. */
  dateSource: DateSourceSchema,
  /** Name of the publication (front matter `outlet`), or null. */
  outlet: z.string().nullable(),
  /** Where the article was originally published (front matter `url`), a checked http(s) URL, or null. */
  originalUrl: z.string().nullable(),
  /** Byline (front matter `author`), or null. */
  author: z.string().nullable(),
  /** One or two sentences for listings: front matter `summary` or the start of the body. */
  summary: z.string(),
  /** The body, in reading order. */
  blocks: z.array(BlockSchema),
  /** The contents list: every heading in the body. */
  sections: z.array(SectionSchema),
  /** Chrome, spam and structure that were taken out of the body, with reasons. */
  removed: z.array(RemovedTextSchema),
  /** Words of body text (paragraphs, lists, quotes, headings, tables; not embeds). */
  wordCount: z.number().int().nonnegative(),
  /** Minutes to read at 230 words a minute, at least 1. */
  readingMinutes: z.number().int().positive(),
  /** Front matter fields Dossier does not know, kept verbatim for templates. */
  extra: z.record(z.string(), z.unknown()),
});
export type Article = z.infer<typeof ArticleSchema>;

// ───────────────────────────── entities and events ─────────────────────────────

/** The kinds of entity Dossier tells apart. */
export const EntityTypeSchema = z.enum(['person', 'organization', 'place', 'other']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** One place in an article where an entity is named. */
export const MentionSchema = z.object({
  /** The entity's id. */
  entityId: z.string(),
  /** The article's id. */
  articleId: z.string(),
  /** Anchor of the block that holds the mention. */
  blockAnchor: z.string(),
  /** The name exactly as written (`Raisi’s` → `Raisi`). */
  surface: z.string(),
  /** Offset of the mention in the block's plain text (for headings/paragraphs: `content.text`). */
  start: z.number().int().nonnegative(),
  /** Offset just after the mention. */
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof MentionSchema>;

/** A link to an external reference about an entity. */
export const ExternalLinkSchema = z.object({
  /** What the link is (`Wikipedia`, `Wikidata`). */
  label: z.string(),
  /** The URL (http or https). */
  url: z.string(),
});

/** A person, organisation, place or other named thing, merged over all its names. */
export const EntitySchema = z.object({
  /** Stable identifier: the slug of the canonical name. */
  id: z.string(),
  /** Page path relative to the site root (`entities/ebrahim-raisi/`). */
  url: z.string(),
  /** Canonical name. */
  name: z.string(),
  /** What kind of thing it is. */
  type: EntityTypeSchema,
  /** Other names seen or declared for it, canonical name excluded. */
  aliases: z.array(z.string()),
  /** A one-line description from the registry, or null. */
  description: z.string().nullable(),
  /** External references from the registry. */
  links: z.array(ExternalLinkSchema),
  /** Ids of the articles that mention it, newest first. */
  articles: z.array(z.string()),
  /** How many times it is mentioned across the archive. */
  mentions: z.number().int().nonnegative(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** A dated happening on the timeline, merged over every article that reports it. */
export const TimelineEventSchema = z.object({
  /** Stable identifier. */
  id: z.string(),
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match `precision`. */
  date: z.string(),
  /** How precisely the date is known. */
  precision: PrecisionSchema,
  /** True when the text gives the date loosely (`about`, `within 50 days`, `earlier this month`). */
  approximate: z.boolean(),
  /** True when the event lies after the reporting article's publication date. */
  future: z.boolean(),
  /** The sentence that states the event, from the first source. */
  text: z.string(),
  /** Ids of the articles that report it. */
  articles: z.array(z.string()),
  /** Ids of the entities the sentence mentions. */
  entities: z.array(z.string()),
  /** Where it is told: article id and the sentence's anchor on that article's page. */
  sources: z.array(z.object({ articleId: z.string(), anchor: z.string() })),
  /** Path of the timeline page that lists it, with the event's anchor (`timeline/2024/#e-…`). */
  url: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

// ───────────────────────────── inputs ─────────────────────────────

/** One input file as read from disk, decoded to text. Produced by the read stage. */
export interface SourceFile {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Path relative to the input folder, `/`-separated: the article's `sourcePath`. */
  relativePath: string;
  /** Path as shown in diagnostics (relative to the working directory). */
  displayPath: string;
  /** How the body is written. */
  format: 'markdown' | 'text';
  /**
   * Decoded text (BOM removed, line endings normalised to `\n`), or null when the read stage kept
   * none (a cold build's: the parse reads the file again, see `sourceText`).
   */
  text: string | null;
  /** Hex SHA-256 of the raw bytes: those the text is decoded from (a parse that reads the file again sets it anew: see `sourceText`). */
  contentHash: string;
}
