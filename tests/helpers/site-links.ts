/** Reading a built site's links without a browser: where each leads, and which lead nowhere. */

/** The hrefs of a page, decoded. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The site file a link on page `file` leads to (a folder URL to its `index.html`) and its fragment, or null for a link off the site (`https:`, `mailto:`). */
export function linkTarget(file: string, href: string): { file: string; fragment: string } | null {
  if (/^[a-z]+:/i.test(href)) return null;
  const target = new URL(href, `http://site/${file}`);
  let targetFile = decodeURIComponent(target.pathname.slice(1));
  if (targetFile === '' || targetFile.endsWith('/')) targetFile += 'index.html';
  return { file: targetFile, fragment: decodeURIComponent(target.hash.slice(1)) };
}

/**
 * Every link on the HTML pages of `files` (path → text) that leads nowhere: to a file that is
 * neither in `files` nor `exists`, or to a page of `files` with no element of the fragment's id.
 */
export function brokenLinks(files: ReadonlyMap<string, string>, exists: (file: string) => boolean = () => false): string[] {
  const broken: string[] = [];
  for (const [file, content] of files) {
    if (!file.endsWith('.html') || file === '404.html') continue;
    for (const href of hrefsOf(content)) {
      const target = linkTarget(file, href);
      if (!target) continue;
      const page = files.get(target.file);
      if (page === undefined && !exists(target.file)) broken.push(`${file}: ${href}`);
      else if (target.fragment && page !== undefined && !page.includes(`id="${target.fragment}"`)) broken.push(`${file}: ${href} (no anchor)`);
    }
  }
  return broken;
}
