/**
 * The page the browser shows instead of the site while the latest build has errors: the same lines
 * the terminal printed, escaped, and the reload script so that fixing the file brings the site back.
 * It is served by the dev server only; it is never written to the output folder.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../errors.js';
import { escapeHtml } from '../render/escape.js';

/** The error page's HTML. `reloadScript` is the URL of the reload client. */
export function errorPage(diagnostics: readonly Diagnostic[], reloadScript: string): string {
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
  const items = errors.map((d) => `<li><pre>${escapeHtml(formatDiagnostic(d))}</pre></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · Dossier</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #a40000; font-size: 1.5rem; }
ul { padding: 0; list-style: none; }
li pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff3f3; border-left: 4px solid #a40000; padding: .75rem 1rem; margin: 0 0 1rem; }
</style>
<script src="${escapeHtml(reloadScript)}" defer></script>
</head>
<body>
<h1>The site could not be rebuilt</h1>
<p>${errors.length} error${errors.length === 1 ? '' : 's'}. The last good build is still on disk; this page reloads by itself once the file is fixed.</p>
<ul>
${items}
</ul>
</body>
</html>
`;
}
