/** The home page: every article newest first (undated last), paginated so no page grows without bound. */
import type { Page } from '../page.js';
import { renderPage, type RenderContext } from '../renderContext.js';
import { paginate } from './paginate.js';

export function homePages(ctx: RenderContext): Page[] {
  return paginate(ctx.archive.articles, ctx.config.pageSize, '').map((pageOf) =>
    renderPage(ctx, 'home.njk', pageOf.url, { title: ctx.config.title, articles: pageOf.items, pagination: pageOf.pagination }),
  );
}
