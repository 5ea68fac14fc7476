/**
 * The search page (`search/`). Pagefind's UI runs in the browser from same-origin files; without
 * JavaScript, or opened from disk (file://, where browsers refuse the module imports and fetches
 * Pagefind needs), the page keeps its fallback: links to the site's listings (entity index,
 * timeline, articles: whatever the navigation offers).
 */
import type { Page } from '../render/page.js';
import { renderPage, type RenderContext } from '../render/renderContext.js';
import { SEARCH_BUNDLE } from './indexSearch.js';

/** URL of the search page. */
export const SEARCH_URL = 'search/';

/**
 * Extra script sources the search page's Content-Security-Policy allows: Pagefind compiles
 * WebAssembly, which CSP blocks unless `'wasm-unsafe-eval'` is given. This allows WebAssembly only,
 * not JavaScript `eval`; every other page keeps the plain policy.
 */
export const SEARCH_SCRIPT_SRC = "'wasm-unsafe-eval'";

export function searchPage(ctx: RenderContext): Page {
  return renderPage(ctx, 'search.njk', SEARCH_URL, {
    title: 'Search',
    description: `Search the articles of ${ctx.config.title}.`,
    cspScriptSrc: SEARCH_SCRIPT_SRC,
    bundle: SEARCH_BUNDLE,
    fallbackLinks: ctx.nav.filter((item) => item.url !== SEARCH_URL),
  });
}
