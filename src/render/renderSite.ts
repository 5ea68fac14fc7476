/**
 * The render stage: the Archive through the templates into pages. Each page kind is one function;
 * this lists them in order.
 */
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { jsonSchemaPages } from '../export/jsonSchemaPages.js';
import { notFoundRoot } from '../publish/links.js';
import { addPublishingFilters } from '../publish/templateFilters.js';
import { searchPages } from '../search/searchPage.js';
import { createEnvironment } from './environment.js';
import type { Page } from './page.js';
import { articlePages, combineArticleExtras } from './pages/articlePages.js';
import { articlesData } from './pages/dataPages.js';
import { articleEntityExtras, entitiesData, entityIndexPage, entityPages, ENTITIES_URL } from './pages/entityPages.js';
import { homePages } from './pages/homePages.js';
import { renderPage, type NavItem, type RenderContext } from './renderContext.js';
import { timelineArticleExtras } from './timeline/articleEvents.js';
import { timelineEntityEvents } from './timeline/entityEvents.js';
import { timelineJsData, timelineData } from './timeline/timelineData.js';
import { TIMELINE_URL, timelinePages } from './timeline/timelinePages.js';

/** `env` lets the dev server pass an environment that reuses pages whose inputs did not change. */
export function renderSite(archive: Archive, config: Config, env = createEnvironment(config)): Page[] {
  addPublishingFilters(env, archive, config);
  const hasEntities = archive.entities.length > 0;
  const nav: NavItem[] = [
    { label: 'Articles', url: '' },
    ...(hasEntities ? [{ label: 'Entities', url: ENTITIES_URL }] : []),
    { label: 'Timeline', url: TIMELINE_URL },
  ];
  const ctx: RenderContext = { archive, config, env, nav };
  return [
    ...homePages(ctx),
    ...articlePages(ctx, combineArticleExtras(timelineArticleExtras(ctx), articleEntityExtras(ctx))),
    ...(hasEntities ? [entityIndexPage(ctx), ...entityPages(ctx, timelineEntityEvents(ctx))] : []),
    ...timelinePages(ctx),
    renderPage(ctx, '404.njk', '404.html', { title: 'Page not found', ...notFoundRoot(config) }),
    ...searchPages(ctx),
    articlesData(archive),
    entitiesData(archive),
    timelineData(archive),
    timelineJsData(archive, config),
    ...jsonSchemaPages(config.baseUrl),
  ];
}
