/**
 * Nunjucks errors to diagnostics. Nunjucks reports `(path/to/template.njk) [Line 3, Column 5]`
 * inside its message; we lift the file and line to the front like every other diagnostic.
 */
import path from 'node:path';
import type { Diagnostic } from '../errors.js';

export function templateErrorToDiagnostic(error: unknown, templatesDir: string, cwd: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const where = /\(([^()\n]+\.(?:njk|html|nunjucks|xml|json|txt))\)(?:\s*\[Line (\d+), Column (\d+)\])?/.exec(message);
  const detail = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('Template render error') && !/^\(.*\)( \[Line)?/.test(line))
    .join(' ')
    .replace(/^Error: /, '');
  const file = where ? path.relative(cwd, path.resolve(templatesDir, where[1]!)) : path.relative(cwd, templatesDir) || templatesDir;
  return {
    severity: 'error',
    file,
    ...(where?.[2] ? { line: Number(where[2]) } : {}),
    message: `template error: ${detail || message}`,
    hint: 'Fix the template; the previous site was left as it was.',
  };
}
