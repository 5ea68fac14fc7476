import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportJsonSchema, jsonSchemaPages } from '../src/export/jsonSchemaPages.js';
import { ArticleExportSchema, DATA_EXPORTS } from '../src/export/schemas.js';
import { pageText } from '../src/render/page.js';
import { articlesData } from '../src/render/pages/dataPages.js';
import { handBuiltArchive } from './helpers/hand-built.js';

type JsonSchema = { type?: unknown; properties?: Record<string, JsonSchema & { description?: string }>; items?: JsonSchema; additionalProperties?: unknown };

describe('data export schemas', () => {
  it('writes one JSON Schema per export, generated from the zod schemas', () => {
    const pages = jsonSchemaPages('https://example.org/');
    expect(pages.map((page) => page.path)).toEqual(['data/articles.schema.json', 'data/entities.schema.json', 'data/timeline.schema.json']);
    for (const [index, entry] of DATA_EXPORTS.entries()) {
      const written = JSON.parse(pages[index]!.content as string);
      expect(written.$id).toBe(`https://example.org/${entry.schema}`);
      expect(written.items).toEqual((z.toJSONSchema(z.array(entry.record), { io: 'input' }) as JsonSchema).items);
    }
  });

  it('describes every field and leaves records open to added fields', () => {
    for (const entry of DATA_EXPORTS) {
      const schema = exportJsonSchema(entry, null) as JsonSchema;
      expect(schema.type).toBe('array');
      const record = schema.items!;
      expect(record.additionalProperties).toBeUndefined();
      for (const [name, field] of Object.entries(record.properties!)) expect(field.description, `${entry.data} ${name}`).toBeTruthy();
    }
  });

  it('matches what the build exports', () => {
    const page = articlesData(handBuiltArchive());
    const records = JSON.parse(pageText(page));
    expect(() => z.array(ArticleExportSchema).parse(records)).not.toThrow();
    expect(records.find((record: { id: string }) => record.id === 'crash').entities).toEqual(['ebrahim-raisi', 'tabriz']);
  });
});
