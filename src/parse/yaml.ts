/**
 * YAML that cannot hurt: the `yaml` package's YAML 1.2 core schema (no custom tags, no code, dates
 * stay strings so we validate them ourselves), with a cap on alias expansion so a "billion laughs"
 * document is refused at once instead of exhausting memory. Every problem gets a line number.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';

/** Aliases a document may expand before it is treated as an attack. Real front matter uses a handful. */
const MAX_ALIAS_COUNT = 50;

/** A parsed YAML document with a way to find where each value was written. */
export interface ParsedYaml {
  /** The document as plain JavaScript values. */
  value: unknown;
  /** 1-based line in the file of the value at `keyPath` (its key, for mapping entries); `undefined` if unknown. */
  lineOf(keyPath: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML text that starts at `firstLine` of `file`. Problems are appended to `diagnostics`
 * (as errors) and null is returned when nothing usable was read.
 */
export function parseYamlSafely(text: string, file: string, firstLine: number, diagnostics: Diagnostic[]): ParsedYaml | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  // An error at the very end of the text (an unclosed quote) is reported on the last written line.
  const lastLine = text.replace(/\s+$/, '').split('\n').length;
  const lineAt = (offset: number): number => Math.min(lineCounter.linePos(offset).line, lastLine) + firstLine - 1;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      diagnostics.push({
        severity: 'error',
        file,
        line: lineAt(error.pos[0]),
        message: `invalid YAML: ${firstSentence(error.message)}.`,
        hint: 'Check the indentation and quoting on that line; quote values that contain a colon.',
      });
    }
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAnchor = text.search(/&[^\s]/);
    diagnostics.push({
      severity: 'error',
      file,
      line: lineAt(Math.max(0, firstAnchor)),
      message: `YAML aliases expand too far (${firstSentence(String((error as Error).message))}).`,
      hint: 'Write the values out instead of repeating anchors; this looks like an alias bomb.',
    });
    return null;
  }
  return { value, lineOf: (keyPath) => findLine(doc, keyPath, lineAt) };
}

function findLine(doc: Document, keyPath: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as { range?: [number] } | null)?.range?.[0];
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      const item = (node as { items: unknown[] }).items[Number(key)];
      if (!item) break;
      offset = (item as { range?: [number] }).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineAt(offset);
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}

/** Turns zod's issues into diagnostics that name the field and its line. */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: ParsedYaml['lineOf'] | null,
): Diagnostic[] {
  return issues.map((issue) => {
    const keyPath = issue.path as PropertyKey[];
    const line = lineOf?.(keyPath);
    const field = keyPath.map(String).join('.') || undefined;
    const base = { severity: 'error' as const, file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}) };
    if (issue.code === 'unrecognized_keys') {
      const keyLine = lineOf?.([...keyPath, issue.keys[0]!]);
      return { ...base, ...(keyLine !== undefined ? { line: keyLine } : {}), message: `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`, hint: 'Check the spelling; see the README for the settings.' };
    }
    return { ...base, message: `${issue.message}.`.replace(/\.\.$/, '.') };
  });
}
