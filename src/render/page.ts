/** One file of the built site, as the render stage hands it to the write stage. */
export interface Page {
  /** Path relative to the output folder, `/`-separated (`articles/some-slug/index.html`). */
  path: string;
  /** The file's bytes or text, or (for a file too big to hold as one string) its text in pieces. */
  content: PageContent;
  /**
   * In a watch session, the key of the group the page belongs to (one article's page, one
   * entity's pages; see `groupKey`): its writer keeps each group's files together, so a build that
   * looks only at what an edit touched can leave every other group on disk without listing it.
   */
  group?: string;
}

/**
 * Says that the pages of a group (see `Page.group`) are gone with their record: in a watch build
 * that lists only the groups an edit touched (see `PageReuse.listTouchedOnly`), the writer keeps
 * every group it is not given, so one whose article or entity is gone must be named.
 */
export interface DroppedGroup {
  /** The group's key. */
  dropped: string;
}

/** What the render stage yields: a page, or (in a watch build) a group of pages that is gone. */
export type SiteItem = Page | DroppedGroup;

/** True when `item` names a group of pages that is gone. */
export function isDropped(item: SiteItem): item is DroppedGroup {
  return 'dropped' in item;
}

/** What a page holds: text, bytes, text made piece by piece, or text a watch session numbered. */
export type PageContent = string | Uint8Array | Chunked | Numbered;

/**
 * Text a watch session made (a page, a feed, a record's text in a data export), numbered so that
 * its writer can recognise it later without keeping it in memory (see `PageReuse.made`). `text` is
 * null when the text is the very one numbered `serial` in an earlier build, which the writer
 * already holds on disk (a page made from unchanged inputs): then there is nothing to write.
 */
export interface Numbered {
  /** Which text this is: numbers are never given twice in a session. */
  serial: number;
  /** The text, or null when it was written earlier under the same number. */
  text: string | null;
}

/**
 * A file's text made piece by piece (the big data exports), so it never exists as one string: the
 * write stage encodes and writes each piece, then drops it. `chunks()` starts over each time it is
 * called, so the file can be compared with the previous site's and then written.
 */
export interface Chunked {
  /** The text, in order, from the start. */
  chunks(): Iterable<string>;
  /**
   * The same text in its original small parts, when it has them: in a watch session each record's
   * text is numbered (see `Numbered`), so its writer can rewrite the file by copying the unchanged
   * records from the file it wrote last time, and tell an unchanged file without any text at all.
   */
  parts?(): Iterable<string | Numbered>;
}

/** True when `content` is made piece by piece. */
export function isChunked(content: PageContent): content is Chunked {
  return typeof content === 'object' && !(content instanceof Uint8Array) && 'chunks' in content;
}

/** True when `content` is text a watch session numbered. */
export function isNumbered(content: unknown): content is Numbered {
  return typeof content === 'object' && content !== null && 'serial' in content;
}

/** The text of a part or a page's content, which must be at hand (not an earlier build's, left on disk). */
export function textOf(content: string | Numbered): string {
  if (typeof content === 'string') return content;
  if (content.text === null) throw new Error(`text number ${content.serial} was written by an earlier build and is not kept in memory`);
  return content.text;
}

/** The whole text of a page (joining its pieces): for tests and the watch session, which keep pages in memory. */
export function pageText(page: Page): string {
  const { content } = page;
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  if (isNumbered(content)) return textOf(content);
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
