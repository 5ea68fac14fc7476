/**
 * The JSON Schemas of the data export, generated from the runtime zod schemas (never written by
 * hand). They are generated for *input* (`io: 'input'`), which leaves objects open to extra
 * properties: the contract allows fields to be added, so a consumer validating with an older schema
 * must keep accepting newer data.
 */
import { z } from 'zod';
import type { Page } from '../render/page.js';
import { DATA_EXPORTS, type DataExport } from './schemas.js';

/** The JSON Schema (as an object) of one export file: an array of its records. */
export function exportJsonSchema(entry: DataExport, baseUrl: string | null): Record<string, unknown> {
  const file = entry.data.slice(entry.data.lastIndexOf('/') + 1);
  const schema = z.toJSONSchema(z.array(entry.record), { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    ...(baseUrl ? { $id: `${baseUrl}${entry.schema}` } : {}),
    title: `Dossier ${file}`,
    description: entry.description,
    ...rest,
  };
}

/** One page per export: `data/articles.schema.json`, `data/entities.schema.json`, `data/timeline.schema.json`. */
export function jsonSchemaPages(baseUrl: string | null): Page[] {
  return DATA_EXPORTS.map((entry) => ({ path: entry.schema, content: `${JSON.stringify(exportJsonSchema(entry, baseUrl), null, 2)}\n` }));
}
