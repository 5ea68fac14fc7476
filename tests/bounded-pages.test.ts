/**
 * No page grows without bound: a hand-built archive big enough to paginate an entity's articles,
 * the listings of entities by type and by initial, and a month of the timeline. Every link of every
 * page rendered resolves to a page (and anchor) of the same site, and the new page kinds are valid HTML.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { MONTH_PAGE_LIMIT } from '../src/extract/events/pages.js';
import { buildArchive } from '../src/link/buildArchive.js';
import { publishSite } from '../src/publish/publishSite.js';
import { addPublishingFilters } from '../src/publish/templateFilters.js';
import { createEnvironment } from '../src/render/environment.js';
import { entityIndexPage, entityPages, INDEX_TYPE_LIMIT, LISTING_PAGE_SIZE } from '../src/render/pages/entityPages.js';
import { renderSite } from '../src/render/renderSite.js';
import { pageText, rootFor } from '../src/render/page.js';
import { ENTITY_EVENTS_SHOWN } from '../src/render/timeline/entityEvents.js';
import { EVENT_PAGES_URL, EVENT_REPORTS_SHOWN, eventReportsUrl } from '../src/render/timeline/eventReports.js';
import { timelinePages } from '../src/render/timeline/timelinePages.js';
import { ARTICLES, bigArchive, MAY_EVENTS, MUCH_REPORTED, nameOf, PEOPLE } from './helpers/big-archive.js';
import { makeArticle, makeEntity, mention } from './helpers/hand-built.js';
import { brokenLinks, hrefsOf, linkTarget } from './helpers/site-links.js';
import { REPO } from './helpers/publish-build.js';

const config = { ...resolveConfig(REPO, {}), output: '/nonexistent' };

function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)![1]!;
}

describe('bounded pages of a big archive', () => {
  const archive = bigArchive();
  const rendered = [...renderSite(archive, config)];
  const published = [...rendered, ...publishSite(rendered.map((page) => page.path), archive, config).pages];
  const files = new Map(published.map((page) => [page.path, pageText(page)]));
  const html = (file: string): string => files.get(file) ?? '';
  const inPages = (prefix: string) => [...files.keys()].filter((file) => file.startsWith(prefix) && file.endsWith('.html')).sort();

  it('splits an entity’s articles into pages of pageSize, newest first, with titled, linked pages', () => {
    expect(inPages('entities/big/')).toEqual(['entities/big/index.html', 'entities/big/page/2/index.html', 'entities/big/page/3/index.html']);
    const counts = inPages('entities/big/').map((file) => html(file).match(/<h3><a href=/g)!.length);
    expect(counts).toEqual([config.pageSize, config.pageSize, ARTICLES - 2 * config.pageSize]);
    expect(titleOf(html('entities/big/index.html'))).toBe('Big · Dossier');
    expect(titleOf(html('entities/big/page/2/index.html'))).toBe('Big — page 2 · Dossier');
    const second = html('entities/big/page/2/index.html');
    expect(second).toContain('<a rel="prev" href="../../../../entities/big/">← Newer</a>');
    expect(second).toContain('<a rel="next" href="../../../../entities/big/page/3/">Older →</a>');
    expect(second).toContain(`<ol class="appearances" start="${config.pageSize + 1}">`);
    // Every article once, in listing order (newest first).
    const listed = inPages('entities/big/').flatMap((file) => [...html(file).matchAll(/<h3><a href="[^"]*articles\/([^/]+)\/">/g)].map((m) => m[1]));
    expect(listed).toEqual(archive.articles.map((a) => a.id));
  });

  it('shows co-mentions and only the latest events on the first page', () => {
    const first = html('entities/big/index.html');
    expect(first).toContain(`The latest ${ENTITY_EVENTS_SHOWN} of ${MAY_EVENTS + 2} events that name Big`);
    expect(first.match(/<li class="event"/g)).toHaveLength(ENTITY_EVENTS_SHOWN);
    expect(first).toContain(`id="e-ev${MAY_EVENTS}"`); // the latest, in June
    expect(first).not.toContain(`id="e-ev${MAY_EVENTS + 1}"`); // the oldest, in 2003
    expect(first).toContain('Often mentioned with');
    const second = html('entities/big/page/2/index.html');
    expect(second).not.toContain('class="event"');
    expect(second).not.toContain('Often mentioned with');
  });

  it('keeps the entity index to each type’s most mentioned and links to listings by type and by initial', () => {
    const index = html('entities/index.html');
    const people = /<section aria-labelledby="person">([\s\S]*?)<\/section>/.exec(index)![1]!;
    expect(people.match(/<li>/g)).toHaveLength(INDEX_TYPE_LIMIT);
    expect(people).toContain(`<a href="../entities/by-type/people/">All ${PEOPLE} people, the most mentioned first</a>`);
    expect(index).toContain('<a href="../entities/by-name/a/">A <span class="count">');
    expect(index).toContain('<a href="../entities/by-name/0-9/"># <span class="count">');
    expect(inPages('entities/by-type/')).toEqual(['entities/by-type/people/index.html', 'entities/by-type/people/page/2/index.html', 'entities/by-type/people/page/3/index.html']);
    expect(titleOf(html('entities/by-type/people/page/2/index.html'))).toBe('People — page 2 · Dossier');
  });

  it('lists every entity once by type and once by initial across the listing pages', () => {
    const linked = (prefix: string) => inPages(prefix).flatMap((file) => [...html(file).matchAll(/<li><a href="(?:\.\.\/)+entities\/([a-z0-9-]+)\/">/g)].map((m) => m[1]));
    expect(linked('entities/by-type/people/').sort()).toEqual(archive.entities.filter((e) => e.type === 'person').map((e) => e.id).sort());
    expect(linked('entities/by-name/').sort()).toEqual(archive.entities.map((e) => e.id).sort());
    for (const file of inPages('entities/by-')) expect(/<ul class="entity-list">([\s\S]*?)<\/ul>/.exec(html(file))![1]!.match(/<li>/g)!.length).toBeLessThanOrEqual(LISTING_PAGE_SIZE);
    // `The Lward 89` is listed under L, not T.
    expect(nameOf(89)).toBe('The Lward 89');
    expect(html('entities/by-name/l/index.html')).toContain('>The Lward 89</a>');
    expect(html('entities/by-name/t/index.html')).not.toContain('>The Lward 89</a>');
    expect(html('entities/by-name/a/index.html')).toContain('<a href="../../../entities/by-name/a/" aria-current="page">A</a>');
  });

  it('paginates a month with more events than a page holds, and every event’s URL finds it', () => {
    expect(inPages('timeline/2004/05/')).toEqual(['timeline/2004/05/index.html', 'timeline/2004/05/page/2/index.html', 'timeline/2004/05/page/3/index.html']);
    expect(titleOf(html('timeline/2004/05/page/3/index.html'))).toBe('Timeline: May 2004 — page 3 · Dossier');
    for (const file of inPages('timeline/')) expect((html(file).match(/<li class="event"/g) ?? []).length).toBeLessThanOrEqual(MONTH_PAGE_LIMIT);
    for (const event of archive.events) {
      const [page, anchor] = event.url.split('#');
      expect(html(`${page}index.html`), event.url).toContain(`<li class="event" id="${anchor}">`);
    }
    const second = html('timeline/2004/05/page/2/index.html');
    expect(second).toContain('<a rel="prev" href="../../../../../timeline/2004/05/">← Earlier</a>');
    expect(second).toContain('<a rel="next" href="../../../../../timeline/2004/05/page/3/">Later →</a>');
    expect(second).toContain(`${MAY_EVENTS} dated events; ${MONTH_PAGE_LIMIT + 1}–${2 * MONTH_PAGE_LIMIT} on this page.`);
  });

  it('lists a much-reported event’s first reports where it is shown, and every one on pages of its own', () => {
    const url = eventReportsUrl(MUCH_REPORTED);
    const pages = inPages(url);
    expect(pages).toEqual([`${url}index.html`, `${url}page/2/index.html`, `${url}page/3/index.html`]);
    // Only the event with more reports than it lists has pages.
    expect(inPages(EVENT_PAGES_URL)).toEqual(pages);
    // On its month's page and on its entity's: the first few, the total, and a link to the rest.
    for (const file of ['timeline/2004/06/index.html', 'entities/big/index.html']) {
      const item = new RegExp(`<li class="event" id="e-${MUCH_REPORTED}">([\\s\\S]*?)</li>`).exec(html(file))![1]!;
      const sources = /<p class="event-sources">([\s\S]*?)<\/p>/.exec(item)![1]!;
      expect(sources.startsWith(`Reported in ${ARTICLES} articles: <a href=`), file).toBe(true);
      expect(sources.match(/<a /g), file).toHaveLength(EVENT_REPORTS_SHOWN + 1);
      expect(sources, file).toContain(` … and <a class="event-more" href="${rootFor(file)}${url}">${ARTICLES - EVENT_REPORTS_SHOWN} more</a>`);
    }
    // Every report once, in the event's order, pageSize a page, each at its sentence.
    const listed = pages.map((file) => [...html(file).matchAll(/<li><a href="(?:\.\.\/)+articles\/([^/]+)\/#p-1">Report \d+<\/a><\/li>/g)].map((m) => m[1]));
    expect(listed.map((ids) => ids.length)).toEqual([config.pageSize, config.pageSize, ARTICLES - 2 * config.pageSize]);
    expect(listed.flat()).toEqual(archive.articles.map((a) => a.id).sort());
    const second = html(`${url}page/2/index.html`);
    expect(titleOf(second)).toBe(`2 June 2004: Event number ${MAY_EVENTS}. — page 2 · Dossier`);
    expect(second).toContain(`<h2 id="reports-title" class="section-title">Reported in ${ARTICLES} articles</h2>`);
    expect(second).toContain(`<ol class="event-reports" start="${config.pageSize + 1}">`);
    expect(second).toContain(`<a rel="prev" href="../../../../../${url}">← Previous</a>`);
    expect(second).toContain(`<a rel="next" href="../../../../../${url}page/3/">Next →</a>`);
    // The way back to its place on the timeline, from every page.
    for (const file of pages) expect(html(file)).toContain(`<p class="meta event-place"><a href="${rootFor(file)}timeline/2004/06/#e-${MUCH_REPORTED}">See it among the events of June 2004</a></p>`);
  });

  it('links only to pages and anchors the site has', () => {
    expect(brokenLinks(files, (file) => existsSync(path.join(REPO, 'public', file)))).toEqual([]);
  });

  it('reaches every page from the home page', () => {
    const reached = new Set<string>(['index.html']);
    const queue = ['index.html'];
    while (queue.length) {
      const file = queue.pop()!;
      for (const href of hrefsOf(files.get(file) ?? '')) {
        const target = linkTarget(file, href)?.file;
        if (target?.endsWith('.html') && files.has(target) && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    // The search page is reached through the header's form.
    expect([...files.keys()].filter((file) => file.endsWith('.html') && !reached.has(file) && file !== '404.html' && file !== 'search/index.html')).toEqual([]);
  });

  it('writes valid HTML for every new page kind', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    const samples = [`${eventReportsUrl(MUCH_REPORTED)}index.html`, `${eventReportsUrl(MUCH_REPORTED)}page/3/index.html`, 'timeline/2004/06/index.html', 'entities/index.html', 'entities/big/index.html', 'entities/big/page/3/index.html', 'entities/by-type/people/page/2/index.html', 'entities/by-name/0-9/index.html', 'entities/by-name/a/index.html', 'timeline/2004/05/index.html', 'timeline/2004/05/page/2/index.html'];
    for (const file of samples) {
      const report = await validator.validateString(html(file), path.join(REPO, 'dist-check', file));
      for (const result of report.results) for (const m of result.messages.filter((x) => x.severity === 2)) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the entity index of a very big archive', () => {
  it('stays under 100 KB however many entities there are', () => {
    const sizes = [1_000, 8_000].map((count) => {
      const articles = Array.from({ length: 40 }, (_, i) => makeArticle(`a${i}`));
      const entities = Array.from({ length: count }, (_, i) => makeEntity(`e${i}`, (['person', 'organization', 'place', 'other'] as const)[i % 4]!, [`a${i % 40}`], nameOf(i)));
      const archive = buildArchive(articles, { entities, mentions: entities.map((e) => mention(e.id, e.articles[0]!)), events: [] });
      const ctx = { archive, config, env: createEnvironment(config), nav: [] };
      return Buffer.byteLength(String(entityIndexPage(ctx).content));
    });
    for (const size of sizes) expect(size).toBeLessThan(100 * 1024);
    expect(Math.abs(sizes[1]! - sizes[0]!)).toBeLessThan(2 * 1024);
  });
});

describe('page functions are generators', () => {
  it('renders entity and timeline pages one at a time', () => {
    const archive = bigArchive();
    const env = createEnvironment(config);
    addPublishingFilters(env, archive, config);
    const ctx = { archive, config, env, nav: [] };
    const entity = entityPages(ctx);
    const timeline = timelinePages(ctx);
    expect(typeof entity.next).toBe('function');
    expect(entity.next().value?.path).toBe(`${archive.entities[0]!.url}index.html`);
    expect(timeline.next().value?.path).toBe('timeline/index.html');
  });
});
