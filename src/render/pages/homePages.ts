/** The home page: every article newest first (undated last), paginated so no page grows without bound. */
import type { Page } from '../page.js';
import { renderPage, type RenderContext } from '../renderContext.js';
import { paginate } from './paginate.js';

/** Renders each page of the listing only when the one before it has been taken. */
export function* homePages(ctx: RenderContext): Generator<Page> {
  for (const pageOf of paginate(ctx.archive.articles, ctx.config.pageSize, '')) {
    yield renderPage(ctx, 'home.njk', pageOf.url, { title: ctx.config.title, articles: pageOf.items, pagination: pageOf.pagination });
  }
}
