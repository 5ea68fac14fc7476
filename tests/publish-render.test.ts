/** Article pages rendered from a hand-built Archive with entities: metadata and search filters in the HTML. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { publishSite } from '../src/publish/publishSite.js';
import { createEnvironment } from '../src/render/environment.js';
import { renderPage } from '../src/render/renderContext.js';
import { renderSite } from '../src/render/renderSite.js';
import { addPublishingFilters } from '../src/publish/templateFilters.js';
import { handBuiltArchive } from './helpers/hand-built.js';
import { REPO } from './helpers/publish-build.js';

describe('article pages with entities', () => {
  const config = { ...resolveConfig(REPO, { baseUrl: 'https://example.org/archive/' }), output: '/nonexistent' };
  const archive = handBuiltArchive();
  const rendered = [...renderSite(archive, config)];
  const pages = [...rendered, ...publishSite(rendered.map((page) => page.path), archive, config).pages];
  const crash = pages.find((page) => page.path === 'articles/crash/index.html')!.content as string;

  it('lists the mentioned entities in the JSON-LD, escaped so the headline cannot close the script', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(crash)![1]!;
    expect(json).not.toContain('</script');
    const [article] = JSON.parse(json);
    expect(article.headline).toBe('Crash </script> & <b>fog</b>\u0001');
    expect(article.mentions.map((m: { '@type': string; name: string }) => `${m['@type']} ${m.name}`)).toEqual(['Person Ebrahim Raisi', 'Place Tabriz']);
  });

  it('files the article under year, entity type and entity for Pagefind, outside the indexed text', () => {
    expect(crash).toContain('data-pagefind-body');
    expect(crash).toMatch(/<div hidden data-pagefind-ignore>[\s\S]*<span data-pagefind-filter="Year">2024<\/span>/);
    expect(crash).toContain('<span data-pagefind-filter="Entity type">Person</span>');
    expect(crash).toContain('<span data-pagefind-filter="Person">Ebrahim Raisi</span>');
    expect(crash).toContain('<span data-pagefind-filter="Place">Tabriz</span>');
    expect(crash).toContain('<span data-pagefind-meta="date">20 May 2024</span>');
  });

  it('has a canonical link, og:url and feed discovery links', () => {
    expect(crash).toContain('<link rel="canonical" href="https://example.org/archive/articles/crash/">');
    expect(crash).toContain('<meta property="og:url" content="https://example.org/archive/articles/crash/">');
    expect(crash).toContain('<meta property="og:type" content="article">');
    expect(crash).toContain('<link rel="alternate" type="application/atom+xml" title="Dossier" href="../../feed.xml">');
  });

  it('writes a feed for each entity with dated articles', () => {
    const paths = pages.map((page) => page.path);
    expect(paths).toEqual(expect.arrayContaining(['entities/ebrahim-raisi/feed.xml', 'entities/tabriz/feed.xml', 'feed.xml', 'feed.json', 'sitemap.xml', 'robots.txt']));
  });

  it('announces the feed of an entity on a page that shows it', () => {
    const env = createEnvironment(config);
    addPublishingFilters(env, archive, config);
    const ctx = { archive, config, env, nav: [] };
    const [raisi, redCrescent] = ['ebrahim-raisi', 'red-crescent'].map((id) => {
      const entity = archive.entities.find((e) => e.id === id)!;
      return renderPage(ctx, '404.njk', entity.url, { entity }).content as string;
    });
    expect(raisi).toContain('<link rel="alternate" type="application/atom+xml" title="Ebrahim Raisi · Dossier" href="../../entities/ebrahim-raisi/feed.xml">');
    expect(redCrescent).not.toContain('title="Red Crescent');
  });
});
