/**
 * The curator's registry (`entities.yml`): corrections on top of what the extractor finds, never a
 * replacement for it. Validated like front matter: YAML only, aliases bounded, every problem reported
 * with its line, bad entries skipped while the good ones still apply.
 *
 * ```yaml
 * entities:
 *   - name: Ebrahim Raisi            # canonical name
 *     type: person                   # person | organization | place | other
 *     aliases: [Raisi, President Raisi]   # more names for it: merges them into one entity
 *     description: President of Iran from 2021 until his death in May 2024.
 *     wikipedia: https://en.wikipedia.org/wiki/Ebrahim_Raisi
 *     wikidata: https://www.wikidata.org/wiki/Q…
 *     links: [{ label: Britannica, url: https://… }]
 * never: [Great Satan]               # names that are never entities
 * separate: [Miller]                 # names never merged into a longer one on a guess (splits them)
 * ```
 */
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../../errors.js';
import { EntityTypeSchema, type EntityType } from '../../types.js';

/** A link to an external reference. */
export interface RegistryLink {
  /** What the link is (`Wikipedia`). */
  label: string;
  /** The http(s) URL. */
  url: string;
}

/** One entity the curator describes. */
export interface RegistryEntity {
  /** Canonical name. */
  name: string;
  /** Kind, or null to keep the extractor's guess. */
  type: EntityType | null;
  /** More names that refer to it. */
  aliases: string[];
  /** One-line description, or null. */
  description: string | null;
  /** External references. */
  links: RegistryLink[];
  /** 1-based line of the entry in the registry file, for diagnostics. */
  line: number;
}

/** The parsed registry. */
export interface Registry {
  /** Path of the registry file as shown to the user, or null for an empty registry. */
  file: string | null;
  /** Described entities, in file order. */
  entities: RegistryEntity[];
  /** Names that are never entities. */
  never: string[];
  /** Names never merged into a longer name by a guess (a surname stays its own entity). */
  separate: string[];
}

/** The registry used when there is no registry file. */
export const EMPTY_REGISTRY: Registry = { file: null, entities: [], never: [], separate: [] };

const httpUrl = z.string().regex(/^https?:\/\/[^\s<>"]+$/, 'Must be an http or https URL');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const EntryShape = {
  name,
  type: EntityTypeSchema.optional(),
  aliases: z.array(name).max(100).optional(),
  description: z.string().trim().max(500, 'must be one line of at most 500 characters').regex(/^[^\n]*$/, 'must be one line').optional(),
  wikipedia: httpUrl.optional(),
  wikidata: httpUrl.optional(),
  links: z.array(z.object({ label: name, url: httpUrl }).strict()).max(20).optional(),
};
const EntrySchema = z.object(EntryShape).strict();
const RegistrySchema = z
  .object({ entities: z.array(z.unknown()).optional(), never: z.array(name).optional(), separate: z.array(name).optional() })
  .strict();

/** Parses and validates a registry. Never throws: problems come back as diagnostics. */
export function parseRegistry(yamlText: string, filePath: string): { registry: Registry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: readonly PropertyKey[]): number => nodeLine(doc, lineCounter, path);
  const registry: Registry = { file: filePath, entities: [], never: [], separate: [] };
  for (const error of doc.errors) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    const reason = (error.message.split('\n')[0] ?? '').replace(/([^.])$/, '$1.');
    diagnostics.push(diagnostic('error', filePath, `The registry is not valid YAML: ${reason}`, { line, hint: 'Fix the YAML syntax; the registry was ignored.' }));
  }
  if (doc.errors.length > 0) return { registry, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    diagnostics.push(diagnostic('error', filePath, `The registry could not be read: ${(error as Error).message}`, { line: 1, hint: 'Remove YAML aliases (*name) from the registry.' }));
    return { registry, diagnostics };
  }
  if (data === null || data === undefined) return { registry, diagnostics };
  const top = RegistrySchema.safeParse(data);
  if (!top.success) {
    for (const issue of top.error.issues) diagnostics.push(issueDiagnostic(filePath, issue, lineOf));
    if (!isMap(doc.contents)) return { registry, diagnostics };
  }
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  registry.never = stringList(raw['never']);
  registry.separate = stringList(raw['separate']);
  const entries = Array.isArray(raw['entities']) ? raw['entities'] : [];
  const owners = new Map<string, string>();
  entries.forEach((entry, index) => {
    const parsed = EntrySchema.safeParse(entry);
    const line = lineOf(['entities', index]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) diagnostics.push(issueDiagnostic(filePath, { ...issue, path: ['entities', index, ...issue.path] }, lineOf));
      return;
    }
    const value = parsed.data;
    for (const alias of [value.name, ...(value.aliases ?? [])]) {
      const owner = owners.get(alias.toLowerCase());
      if (owner !== undefined && owner !== value.name) {
        diagnostics.push(diagnostic('error', filePath, `"${alias}" is listed for both "${owner}" and "${value.name}".`, { line, field: 'aliases', hint: 'Keep each name under one entity; use `separate` to keep two entities apart.' }));
      } else owners.set(alias.toLowerCase(), value.name);
    }
    const links: RegistryLink[] = [];
    if (value.wikipedia) links.push({ label: 'Wikipedia', url: value.wikipedia });
    if (value.wikidata) links.push({ label: 'Wikidata', url: value.wikidata });
    links.push(...(value.links ?? []));
    registry.entities.push({
      name: value.name,
      type: value.type ?? null,
      aliases: [...new Set(value.aliases ?? [])].filter((alias) => alias !== value.name),
      description: value.description ?? null,
      links,
      line,
    });
  });
  for (const never of registry.never) {
    if (owners.has(never.toLowerCase())) {
      diagnostics.push(diagnostic('error', filePath, `"${never}" is both an entity name and in \`never\`.`, { line: lineOf(['never', registry.never.indexOf(never)]), field: 'never', hint: 'Remove it from one of the two lists.' }));
    }
  }
  return { registry, diagnostics };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

function issueDiagnostic(file: string, issue: z.core.$ZodIssue, lineOf: (path: readonly PropertyKey[]) => number): Diagnostic {
  const path = issue.path.map(String);
  const field = path.filter((part) => !/^\d+$/.test(part)).join('.') || undefined;
  // An unknown key is reported on its own line, not on its entry's.
  const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const hint =
    issue.code === 'unrecognized_keys'
      ? 'Known fields: entities (name, type, aliases, description, wikipedia, wikidata, links), never, separate.'
      : path[0] === 'entities'
        ? 'Fix this entry; it was skipped.'
        : 'Write it as a YAML list of names, e.g. [Great Satan].';
  const message = `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}`.replace(/([^.])$/, '$1.');
  return diagnostic('error', file, message, { line: lineOf(where), ...(field ? { field } : {}), hint });
}

/** Line of the deepest node on `path` that exists. */
function nodeLine(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
