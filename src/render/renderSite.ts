/**
 * The render stage: the Archive through the templates into pages. Each page kind is one function;
 * this lists them in order.
 */
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { createEnvironment } from './environment.js';
import type { Page } from './page.js';
import { articlePages } from './pages/articlePages.js';
import { articlesData } from './pages/dataPages.js';
import { articleEntityExtras, entitiesData, entityIndexPage, entityPages, ENTITIES_URL } from './pages/entityPages.js';
import { homePages } from './pages/homePages.js';
import { renderPage, type NavItem, type RenderContext } from './renderContext.js';

export function renderSite(archive: Archive, config: Config): Page[] {
  const env = createEnvironment(config);
  const nav: NavItem[] = [{ label: 'Articles', url: '' }];
  const hasEntities = archive.entities.length > 0;
  if (hasEntities) nav.push({ label: 'Entities', url: ENTITIES_URL });
  const ctx: RenderContext = { archive, config, env, nav };
  return [
    ...homePages(ctx),
    ...articlePages(ctx, articleEntityExtras(ctx)),
    ...(hasEntities ? [entityIndexPage(ctx), ...entityPages(ctx)] : []),
    entitiesData(archive),
    renderPage(ctx, '404.njk', '404.html', { title: 'Page not found' }),
    articlesData(archive),
  ];
}
