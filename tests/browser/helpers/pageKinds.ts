/**
 * Groups a site's pages into kinds (home, article, entity index, entity page, timeline…) from their
 * paths alone, so tests cover page kinds that other parts of Dossier add without knowing them:
 * the kind is the first path segment plus the depth (`articles/x/index.html` → `articles/2`).
 */

/** The kind of an `.html` file path relative to the site root. */
export function kindOf(file: string): string {
  const segments = file.split('/');
  if (segments.length === 1) return file === 'index.html' ? 'home' : file.replace(/\.html$/, '');
  // Paginated listings (`page/2/`, `articles/page/3/`) are the listing they continue.
  const pageAt = segments.indexOf('page');
  if (pageAt >= 0 && /^\d+$/.test(segments[pageAt + 1] ?? '')) return `${segments.slice(0, pageAt).join('-') || 'home'}-page-n`;
  return `${segments[0]}-${segments.length - 1}`;
}

/** One representative file per kind: the largest, so the richest page of each kind is judged. */
export function representatives(files: readonly string[], sizeOf: (file: string) => number): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const file of [...files].sort()) {
    const kind = kindOf(file);
    const current = chosen.get(kind);
    if (current === undefined || sizeOf(file) > sizeOf(current)) chosen.set(kind, file);
  }
  return chosen;
}

/** The URL path a file is served at (`articles/x/index.html` → `/articles/x/`). */
export function pathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
