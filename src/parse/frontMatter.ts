/**
 * Front matter: YAML only. gray-matter splits the block off (and tells us its language), but its
 * default engines are replaced: gray-matter would `eval` a `---js` block, so any language other than
 * YAML is refused, and YAML goes through `parseYamlSafely` for line numbers and alias limits.
 */
import matter from 'gray-matter';
import { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { type PartialDate, parseIsoDate, whyNotCalendarDate } from './isoDate.js';
import { parseYamlSafely, zodIssuesToDiagnostics } from './yaml.js';

/** A string field that also accepts a bare YAML number (`title: 1984`) and trims it. */
const text = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().trim().min(1, 'must not be empty'));

/** The front matter fields Dossier understands; anything else is kept in `extra` with a warning. */
export const FrontMatterSchema = z.object({
  /** The headline. */
  title: text.optional(),
  /** Publication date: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or an ISO date-time (the calendar date as written is kept). */
  date: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().trim()).optional(),
  /** Name of the publication. */
  outlet: text.optional(),
  /** Same as `outlet` (the name some scrapers use). */
  source: text.optional(),
  /** Where the article was first published. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  /** Last part of the article's URL; lowercase letters, digits and hyphens. */
  slug: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string()).optional(),
  /** Byline. */
  author: text.optional(),
  /** One or two sentences for listings and metadata. */
  summary: text.optional(),
  /** Free-form labels. */
  tags: z.array(text).optional(),
  /** When true the article is left out of the build. */
  draft: z.boolean().optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
const KNOWN_FIELDS = new Set(Object.keys(FrontMatterSchema.shape));

/** Front matter checked and split from the body. */
export interface SplitFrontMatter {
  /** The validated known fields (empty when the file has no front matter). */
  data: FrontMatter;
  /** The publication date from `date`, parsed, or null. */
  date: PartialDate | null;
  /** Fields Dossier does not know, kept verbatim. */
  extra: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

/** Splits and validates the front matter of `text`. Problems are appended to `diagnostics`; null means the file cannot be used. */
export function splitFrontMatter(text: string, file: string, diagnostics: Diagnostic[]): SplitFrontMatter | null {
  if (!/^---[^\n]*\n/.test(text) && text !== '---') return { data: {}, date: null, extra: {}, body: text, bodyLine: 1 };
  let split: matter.GrayMatterFile<string>;
  try {
    // Identity engines: we only want the split. `js`/`javascript` must never reach eval.
    const raw = (source: string) => ({ source });
    split = matter(text, { language: 'yaml', engines: { yaml: raw, js: raw, javascript: raw, coffee: raw, json: raw, toml: raw } } as never);
  } catch (error) {
    diagnostics.push({ severity: 'error', file, line: 1, message: `front matter could not be read (${(error as Error).message}).`, hint: 'Start the file with a line "---", then YAML, then a line "---".' });
    return null;
  }
  const language = (split.language || 'yaml').trim().toLowerCase();
  if (language !== 'yaml' && language !== 'yml') {
    diagnostics.push({ severity: 'error', file, line: 1, message: `front matter in "${language}" is not supported; only YAML is read, and code in front matter is never run.`, hint: 'Replace the opening "---' + language + '" with "---" and write the fields as YAML.' });
    return null;
  }
  const bodyLine = countLines(text.slice(0, text.length - split.content.length)) + 1;
  // gray-matter's `matter` keeps the newline after the opening fence, so its first line is the file's line 1.
  const parsed = parseYamlSafely(split.matter, file, 1, diagnostics);
  if (!parsed) return null;
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({ severity: 'error', file, line: 2, message: 'front matter must be a list of "field: value" lines.', hint: 'Write one field per line, such as "title: My headline".' });
    return null;
  }
  const fields = value as Record<string, unknown>;
  const checked = FrontMatterSchema.safeParse(fields);
  if (!checked.success) {
    diagnostics.push(...zodIssuesToDiagnostics(checked.error.issues, file, parsed.lineOf));
    return null;
  }
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(fields).sort()) {
    if (KNOWN_FIELDS.has(key)) continue;
    extra[key] = fields[key];
    diagnostics.push({ severity: 'warning', file, line: parsed.lineOf([key]) ?? 2, field: key, message: 'is not a field Dossier knows; it is kept for templates as article.extra.', hint: `Known fields: ${[...KNOWN_FIELDS].join(', ')}.` });
  }
  const date = checked.data.date === undefined ? null : checkDate(checked.data.date, file, parsed.lineOf(['date']), diagnostics);
  if (date === undefined) return null;
  return { data: checked.data, date, extra, body: split.content.replace(/^\n/, ''), bodyLine: bodyLine + (split.content.startsWith('\n') ? 1 : 0) };
}

function checkDate(value: string, file: string, line: number | undefined, diagnostics: Diagnostic[]): PartialDate | undefined {
  const date = parseIsoDate(value);
  if (date) return date;
  const reason = whyNotCalendarDate(value);
  diagnostics.push({ severity: 'error', file, ...(line !== undefined ? { line } : {}), field: 'date', message: `"${value}" is not a calendar date${reason ? ` (${reason})` : ''}.`, hint: 'Write it as YYYY-MM-DD, YYYY-MM or YYYY.' });
  return undefined;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
