/**
 * The render stage: the Archive through the templates into pages. Each page kind is one function;
 * this lists them in order. Pages are made one at a time, as the caller takes them: a build writes
 * each page and lets it go before the next is rendered, so the site never sits in memory whole.
 */
import type nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { jsonSchemaPages } from '../export/jsonSchemaPages.js';
import { notFoundRoot } from '../publish/links.js';
import { addPublishingFilters } from '../publish/templateFilters.js';
import { searchPages } from '../search/searchPage.js';
import { createEnvironment } from './environment.js';
import type { Page, SiteItem } from './page.js';
import { articlePages, combineArticleExtras } from './pages/articlePages.js';
import { articlesData, entitiesData } from './pages/dataPages.js';
import { articleEntityExtras, entityIndexPage, entityPages, ENTITIES_URL } from './pages/entityPages.js';
import { homePages } from './pages/homePages.js';
import { touchedArticles } from './pages/touchedArticles.js';
import { renderPage, reusedValue, type NavItem, type PageReuse, type RenderContext } from './renderContext.js';
import { timelineArticleExtras } from './timeline/articleEvents.js';
import { eventReportPages } from './timeline/eventReportPages.js';
import { timelineEntityEvents } from './timeline/entityEvents.js';
import { timelineJsData, timelineData } from './timeline/timelineData.js';
import { TIMELINE_URL, timelinePages } from './timeline/timelinePages.js';

/**
 * `env` lets the dev server pass an environment that reuses pages whose inputs did not change, and
 * `remember` keep per-article structured data for its next build (see `addPublishingFilters`), and
 * `reuse` skip making the pages whose inputs did not change (see `renderPageFrom`). A template
 * error is thrown from the iteration, at the page that failed.
 */
export function renderSite(archive: Archive, config: Config, env?: nunjucks.Environment, remember?: boolean): Generator<Page>;
/** With `reuse`, a watch build may list only the groups of pages an edit touched, and name those gone (see `PageReuse.listTouchedOnly`). */
export function renderSite(archive: Archive, config: Config, env: nunjucks.Environment, remember: boolean, reuse: PageReuse | undefined): Generator<SiteItem>;
export function* renderSite(archive: Archive, config: Config, env = createEnvironment(config), remember = false, reuse?: PageReuse): Generator<SiteItem> {
  addPublishingFilters(env, archive, config, remember);
  const hasEntities = archive.entities.length > 0;
  const nav: NavItem[] = [
    { label: 'Articles', url: '' },
    ...(hasEntities ? [{ label: 'Entities', url: ENTITIES_URL }] : []),
    { label: 'Timeline', url: TIMELINE_URL },
  ];
  // Last build's navigation when it is the same, so pages compare it by identity (see `renderPageFrom`).
  const ctx: RenderContext = { archive, config, env, nav: reusedValue(reuse, 'nav', [nav], () => nav), ...(reuse ? { reuse } : {}) };
  // A watch build that lists only what an edit touched makes the touched articles' pages first (the
  // edited one leading): an edit is judged by how soon its own page is on disk, which a watch
  // session's writer puts there as soon as it is made (see `EarlyWrites`). The order of the pages
  // changes nothing in the output.
  const articlesFirst = touchedArticles(ctx) !== null;
  if (!articlesFirst) yield* homePages(ctx);
  yield* articlePages(ctx, combineArticleExtras(timelineArticleExtras(ctx), articleEntityExtras(ctx)));
  if (articlesFirst) yield* homePages(ctx);
  if (hasEntities) {
    yield entityIndexPage(ctx);
    yield* entityPages(ctx, timelineEntityEvents(ctx));
  }
  yield* timelinePages(ctx);
  yield* eventReportPages(ctx);
  yield renderPage(ctx, '404.njk', '404.html', { title: 'Page not found', ...notFoundRoot(config) });
  yield* searchPages(ctx);
  yield articlesData(archive, reuse);
  yield entitiesData(archive, reuse);
  yield timelineData(archive, reuse);
  yield timelineJsData(archive, config, reuse);
  yield* reusedValue(reuse, 'schemas', [config.baseUrl], () => jsonSchemaPages(config.baseUrl));
}
