/**
 * Diagnostics: every problem the build finds, with the file and line first, then what is wrong and
 * what to do. Stages never throw for bad content; they return diagnostics so that one run reports
 * every problem in every file.
 */

/** How bad a diagnostic is. `error` fails the build (exit 1); the others are printed only. */
export type Severity = 'error' | 'warning' | 'note';

/** One problem found while building. */
export interface Diagnostic {
  /** How bad it is. */
  severity: Severity;
  /** Path of the file it is about, as shown to the user (relative to the working directory), or null for the whole build. */
  file: string | null;
  /** 1-based line in that file, when known. */
  line?: number;
  /** The front matter field or setting it concerns (`date`), when there is one. */
  field?: string;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do about it, one sentence. */
  hint?: string;
  /** The pipeline stage that found it (`read`, `parse`, `render`…), filled in by the build. */
  stage?: string;
}

/** Thrown for problems that stop the build before content is read: bad flags, bad configuration, unsafe output folder. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Diagnostics behind the failure, printed in full. */
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Builds a diagnostic; a small helper so call sites read as sentences. */
export function diagnostic(
  severity: Severity,
  file: string | null,
  message: string,
  extra: Omit<Diagnostic, 'severity' | 'file' | 'message'> = {},
): Diagnostic {
  return { severity, file, message, ...extra };
}

/** `seeds/bad.md:3: date: "2024-13-45" is not a calendar date. Write it as YYYY-MM-DD.` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === null ? '' : d.line !== undefined ? `${d.file}:${d.line}: ` : `${d.file}: `;
  const level = d.severity === 'error' ? '' : `${d.severity}: `;
  const field = d.field ? `${d.field}: ` : '';
  const hint = d.hint ? ` ${d.hint}` : '';
  return `${where}${level}${field}${d.message}${hint}`;
}

/**
 * Orders diagnostics for printing: grouped by file (files in name order, whole-build ones first),
 * then by line, so the output is the same whatever order the files were read in.
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '', 'en') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.message.localeCompare(b.message, 'en'),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
