/**
 * The search page (`search/`). Its script (public/search.js) queries the Pagefind index from
 * same-origin files; opened from disk (file://), where browsers refuse what Pagefind needs, it
 * searches the portable index instead (portable builds only). Without JavaScript the page keeps
 * its fallback: links to the site's listings (entity index, timeline, articles: whatever the
 * navigation offers).
 */
import type { Page } from '../render/page.js';
import { renderPage, type RenderContext } from '../render/renderContext.js';
import { SEARCH_BUNDLE } from './indexSearch.js';
import { PORTABLE_INDEX, portableIndexPage } from './portableIndex.js';

/** URL of the search page. */
export const SEARCH_URL = 'search/';

/**
 * Extra script sources the search page's Content-Security-Policy allows: Pagefind compiles
 * WebAssembly, which CSP blocks unless `'wasm-unsafe-eval'` is given. This allows WebAssembly only,
 * not JavaScript `eval`; every other page keeps the plain policy.
 */
export const SEARCH_SCRIPT_SRC = "'wasm-unsafe-eval'";

/** The search page, and in portable sites the index it uses from disk. */
export function searchPages(ctx: RenderContext): Page[] {
  const page = renderPage(ctx, 'search.njk', SEARCH_URL, {
    title: 'Search',
    description: `Search the articles of ${ctx.config.title}.`,
    cspScriptSrc: SEARCH_SCRIPT_SRC,
    bundle: SEARCH_BUNDLE,
    fallbackLinks: ctx.nav.filter((item) => item.url !== SEARCH_URL),
    portableIndex: ctx.config.portable ? PORTABLE_INDEX : null,
  });
  return ctx.config.portable ? [page, portableIndexPage(ctx.archive, ctx.config)] : [page];
}
