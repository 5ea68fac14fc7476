/** One file of the built site, as the render stage hands it to the write stage. */
export interface Page {
  /** Path relative to the output folder, `/`-separated (`articles/some-slug/index.html`). */
  path: string;
  /** The file's bytes or text, or (for a file too big to hold as one string) its text in pieces. */
  content: PageContent;
}

/** What a page holds: text, bytes, or text made piece by piece. */
export type PageContent = string | Uint8Array | Chunked;

/**
 * A file's text made piece by piece (the big data exports), so it never exists as one string: the
 * write stage encodes and writes each piece, then drops it. `chunks()` starts over each time it is
 * called, so the file can be compared with the previous site's and then written.
 */
export interface Chunked {
  /** The text, in order, from the start. */
  chunks(): Iterable<string>;
  /**
   * The same text in its original small parts, when it has them: mostly per-record strings a watch
   * session keeps from build to build, so its writer can tell an unchanged file by comparing parts
   * (mostly the very same strings) instead of joining and comparing the whole text.
   */
  parts?(): Iterable<string>;
}

/** True when `content` is made piece by piece. */
export function isChunked(content: PageContent): content is Chunked {
  return typeof content === 'object' && !(content instanceof Uint8Array);
}

/** The whole text of a page (joining its pieces): for tests and the watch session, which keep pages in memory. */
export function pageText(page: Page): string {
  const { content } = page;
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  let text = '';
  for (const chunk of content.chunks()) text += chunk;
  return text;
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
