/** Printing diagnostics to the terminal: grouped by file, errors always in full, the rest capped. */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './errors.js';

/** Warnings and notes printed before the rest are summarised in one line. */
const MAX_QUIET_KIND = 40;

export function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean, write = (line: string) => process.stderr.write(line)): void {
  const shown = { warning: 0, note: 0 };
  const hidden = { warning: 0, note: 0 };
  for (const d of sortDiagnostics(diagnostics)) {
    if (d.severity !== 'error') {
      if (quiet || shown[d.severity] >= MAX_QUIET_KIND) {
        hidden[d.severity]++;
        continue;
      }
      shown[d.severity]++;
    }
    write(`${formatDiagnostic(d)}\n`);
  }
  if (!quiet && (hidden.warning > 0 || hidden.note > 0)) {
    write(`… and ${hidden.warning} more warning${hidden.warning === 1 ? '' : 's'}, ${hidden.note} more note${hidden.note === 1 ? '' : 's'}.\n`);
  }
}
