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
 * The same text as one flat string. Nunjucks builds a page by concatenation, which V8 keeps as a
 * tree of pieces (a rope, often larger than the text); writing the page flattens it anyway, and
 * then both the rope and the flat copy stay alive while the site is held in memory. Flattening as
 * soon as a page is rendered lets the rope go at once: at 16,000 articles that is hundreds of MiB
 * of peak memory. `charCodeAt` is the cheapest operation that makes V8 flatten a string.
 */
export function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}
