/**
 * The data export's records (`data/articles.json`, `data/entities.json`, `data/timeline.json`), a
 * public contract. Each is a zod schema built from the pipeline's own record schemas (`types.ts`),
 * so the TypeScript types, the runtime check and the published JSON Schemas come from one source.
 * Every field carries a description: `describeFields` will not compile if one is missing, so the
 * published schemas always document every field.
 */
import { z } from 'zod';
import { ArticleSchema, EmbedBlockSchema, EntitySchema, RemovedTextSchema, SectionSchema, TimelineEventSchema } from '../types.js';

/** Gives every field of an object schema a description; the record of descriptions must name them all. */
function describeFields<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, descriptions: { [K in keyof Shape]: string }): z.ZodObject<Shape> {
  const described = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).describe(descriptions[key as keyof Shape])]));
  return schema.extend(described) as unknown as z.ZodObject<Shape>;
}

const DATE = 'YYYY-MM-DD, YYYY-MM or YYYY to match its precision';

/** A heading of an exported article. */
export const SectionExportSchema = describeFields(SectionSchema, {
  title: 'The heading text.',
  level: 'Heading level, 2 to 6.',
  anchor: 'The heading’s id on the article page (append as #anchor to the article URL).',
});

/** An embedded social post of an exported article. */
export const EmbedExportSchema = describeFields(
  EmbedBlockSchema.pick({ kind: true, author: true, handle: true, date: true, text: true }).extend({ url: z.string().optional() }),
  {
    kind: 'Which kind of post; only "tweet" so far.',
    author: 'Display name of the post’s author.',
    handle: 'The author’s handle, without the @.',
    date: 'The post’s date as YYYY-MM-DD, or null when unknown.',
    text: 'The post’s text, lines joined with \\n.',
    url: 'The post’s media link, when it had one.',
  },
);

/** Text the build removed from an exported article. */
export const RemovedExportSchema = describeFields(RemovedTextSchema.pick({ reason: true, text: true }), {
  reason: 'Why it was removed (chrome, seo-links, related-headlines, engagement-prompt, table-of-contents, dateline, headline).',
  text: 'The removed text, verbatim.',
});

/** One record of `data/articles.json`. */
export const ArticleExportSchema = describeFields(
  ArticleSchema.pick({
    id: true,
    url: true,
    sourcePath: true,
    title: true,
    date: true,
    datePrecision: true,
    dateSource: true,
    outlet: true,
    originalUrl: true,
    author: true,
    summary: true,
    wordCount: true,
  }).extend({
    sections: z.array(SectionExportSchema),
    embeds: z.array(EmbedExportSchema),
    removed: z.array(RemovedExportSchema),
    entities: z.array(z.string()),
    events: z.array(z.string()),
  }),
  {
    id: 'Stable identifier of the article (its slug).',
    url: 'The article page’s path relative to the site root (articles/some-slug/).',
    sourcePath: 'The input file’s path relative to the input folder.',
    title: 'The headline.',
    date: `Publication date, ${DATE}; null when unknown.`,
    datePrecision: 'How precise date is (day, month or year); null when the date is unknown.',
    dateSource: 'Where the date came from: front-matter, dateline, inferred (from a date the text states) or unknown.',
    outlet: 'Name of the publication, or null.',
    originalUrl: 'Where the article was first published, or null.',
    author: 'Byline, or null.',
    summary: 'One or two sentences for listings.',
    wordCount: 'Words of body text.',
    sections: 'The article’s headings, in order.',
    embeds: 'Social posts embedded in the article.',
    removed: 'Text the build took out of the article, with the reason.',
    entities: 'Ids of the entities the article mentions (see entities.json), sorted.',
    events: 'Ids of the timeline events the article reports (see timeline.json).',
  },
);
export type ArticleExport = z.infer<typeof ArticleExportSchema>;

/** One record of `data/entities.json`. */
export const EntityExportSchema = describeFields(EntitySchema, {
  id: 'Stable identifier: the slug of the canonical name.',
  url: 'The entity page’s path relative to the site root (entities/some-name/).',
  name: 'Canonical name.',
  type: 'What kind of thing it is: person, organization, place or other.',
  aliases: 'Other names seen or declared for it.',
  description: 'A one-line description, or null.',
  links: 'External references ({ label, url }).',
  articles: 'Ids of the articles that mention it (see articles.json), newest first.',
  mentions: 'How many times it is mentioned across the archive.',
});
export type EntityExport = z.infer<typeof EntityExportSchema>;

/** One record of `data/timeline.json`. */
export const TimelineExportSchema = describeFields(TimelineEventSchema, {
  id: 'Stable identifier of the event.',
  date: DATE,
  precision: 'How precisely the date is known: day, month or year.',
  approximate: 'True when the text gives the date loosely ("about", "earlier this month").',
  future: 'True when the event lies after the reporting article’s publication date.',
  text: 'The sentence that states the event.',
  articles: 'Ids of the articles that report it (see articles.json).',
  entities: 'Ids of the entities the sentence mentions (see entities.json).',
  sources: 'Where it is told: { articleId, anchor } of the sentence on that article’s page.',
  url: 'Path of the timeline page that lists it, with the event’s anchor.',
});
export type TimelineExport = z.infer<typeof TimelineExportSchema>;

/** One published export: the data file, its schema file, and the record schema. */
export interface DataExport {
  /** Path of the data file in the site (`data/articles.json`). */
  data: string;
  /** Path of its JSON Schema (`data/articles.schema.json`). */
  schema: string;
  /** What the file holds, one sentence. */
  description: string;
  /** The zod schema of one record. */
  record: z.ZodType;
}

export const DATA_EXPORTS: readonly DataExport[] = [
  { data: 'data/articles.json', schema: 'data/articles.schema.json', description: 'Every article of the archive, newest first.', record: ArticleExportSchema },
  { data: 'data/entities.json', schema: 'data/entities.schema.json', description: 'Every person, organisation, place and other named thing.', record: EntityExportSchema },
  { data: 'data/timeline.json', schema: 'data/timeline.schema.json', description: 'Every dated event, oldest first.', record: TimelineExportSchema },
];
