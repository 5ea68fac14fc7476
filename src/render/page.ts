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
