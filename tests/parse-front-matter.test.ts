import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../src/errors.js';
import { splitFrontMatter } from '../src/parse/frontMatter.js';
import { REPO } from './helpers/project.js';

function split(text: string) {
  const diagnostics: Diagnostic[] = [];
  const result = splitFrontMatter(text, 'a.md', diagnostics);
  return { result, messages: diagnostics.map(formatDiagnostic) };
}

const fixture = (name: string) => readFileSync(path.join(REPO, 'tests/fixtures/invalid', name), 'utf8');

describe('front matter', () => {
  it('reads YAML fields and tells where the body starts', () => {
    const { result, messages } = split('---\ntitle: Hello\ndate: 2024-01-30\noutlet: Example\n---\nBody line\n');
    expect(messages).toEqual([]);
    expect(result?.data.title).toBe('Hello');
    expect(result?.date).toEqual({ value: '2024-01-30', precision: 'day' });
    expect(result?.body).toBe('Body line\n');
    expect(result?.bodyLine).toBe(6);
  });

  it('accepts month and year precision and ISO date-times without shifting the day', () => {
    expect(split('---\ndate: 2024-05\n---\nx').result?.date).toEqual({ value: '2024-05', precision: 'month' });
    expect(split('---\ndate: 1979\n---\nx').result?.date).toEqual({ value: '1979', precision: 'year' });
    expect(split('---\ndate: 2024-05-20T23:30:00-08:00\n---\nx').result?.date).toEqual({ value: '2024-05-20', precision: 'day' });
  });

  it('leaves files without front matter alone', () => {
    const { result } = split('Just text\n--- not front matter\n');
    expect(result).toMatchObject({ data: {}, body: 'Just text\n--- not front matter\n', bodyLine: 1 });
  });

  it('refuses JavaScript front matter and never runs it', () => {
    const { result, messages } = split(fixture('js-front-matter.md'));
    expect(result).toBeNull();
    expect(messages).toEqual([
      'a.md:1: front matter in "js" is not supported; only YAML is read, and code in front matter is never run. Replace the opening "---js" with "---" and write the fields as YAML.',
    ]);
    expect((globalThis as Record<string, unknown>).__dossierPwned).toBeUndefined();
    expect(split('---javascript\n{}\n---\nx').messages[0]).toContain('front matter in "javascript" is not supported');
  });

  it('rejects a YAML alias bomb at once', () => {
    const started = performance.now();
    const { result, messages } = split(fixture('alias-bomb.md'));
    expect(result).toBeNull();
    expect(messages).toEqual([
      'a.md:2: YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack). Write the values out instead of repeating anchors; this looks like an alias bomb.',
    ]);
    // Not a timing assertion on the machine's speed: a bomb that expanded would take minutes and gigabytes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports an impossible date instead of rolling it over', () => {
    expect(split(fixture('impossible-date.md')).messages).toEqual([
      'a.md:4: date: "2024-13-45" is not a calendar date (month 13). Write it as YYYY-MM-DD, YYYY-MM or YYYY.',
    ]);
    expect(split('---\ndate: 2023-02-29\n---\nx').messages).toEqual([
      'a.md:2: date: "2023-02-29" is not a calendar date (day 29 of February 2023). Write it as YYYY-MM-DD, YYYY-MM or YYYY.',
    ]);
    expect(split('---\ndate: last Tuesday\n---\nx').messages).toEqual([
      'a.md:2: date: "last Tuesday" is not a calendar date. Write it as YYYY-MM-DD, YYYY-MM or YYYY.',
    ]);
  });

  it('points at the line of broken YAML', () => {
    expect(split(fixture('broken-yaml.md')).messages).toEqual([
      'a.md:3: invalid YAML: Missing closing "quote. Check the indentation and quoting on that line; quote values that contain a colon.',
    ]);
  });

  it('keeps unknown fields and warns about them', () => {
    const { result, messages } = split('---\ntitle: T\nwordcount: 12\nkicker: News\n---\nx');
    expect(result?.extra).toEqual({ kicker: 'News', wordcount: 12 });
    expect(messages[0]).toBe('a.md:4: warning: kicker: is not a field Dossier knows; it is kept for templates as article.extra. Known fields: title, date, outlet, source, url, slug, author, summary, tags, draft.');
    expect(messages).toHaveLength(2);
  });

  it('names the field and line of a wrongly typed value', () => {
    const { messages } = split('---\ntitle: T\nurl: not a url\n---\nx');
    expect(messages).toEqual(['a.md:3: url: must be an http:// or https:// address.']);
    expect(split('---\nurl: "javascript:alert(1)"\n---\nx').messages).toEqual(['a.md:2: url: must be an http:// or https:// address.']);
  });

  it('does not execute custom YAML tags', () => {
    const { result } = split('---\ntitle: !!js/function "function () { globalThis.__dossierPwned = 7 }"\n---\nx');
    expect((globalThis as Record<string, unknown>).__dossierPwned).toBeUndefined();
    expect(typeof (result?.data.title ?? '')).toBe('string');
  });
});
