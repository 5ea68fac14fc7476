/** One file of the built site, as the render stage hands it to the write stage. */
export interface Page {
  /** Path relative to the output folder, `/`-separated (`articles/some-slug/index.html`). */
  path: string;
  /** The file's bytes or text. */
  content: string | Uint8Array;
}

/** The relative prefix from a page to the site root: `''` for `index.html`, `'../../'` for `articles/x/index.html`. */
export function rootFor(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return '../'.repeat(depth);
}

/** The output path of a page URL (`articles/x/` → `articles/x/index.html`). */
export function fileForUrl(url: string): string {
  return url === '' || url.endsWith('/') ? `${url}index.html` : url;
}

/**
 * The file a link should name. Folder URLs stay folder URLs (`articles/x/`), except in portable
 * sites, where `file://` has no index files and the link must name `articles/x/index.html`; any
 * `#fragment` stays at the end.
 */
export function linkTarget(target: string, portable: boolean): string {
  if (!portable) return target;
  const hash = target.indexOf('#');
  const path = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? '' : target.slice(hash);
  return path === '' || path.endsWith('/') ? `${path}index.html${fragment}` : target;
}
