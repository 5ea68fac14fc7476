import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd } from '../src/publish/structuredData.js';
import { entitiesByArticle, searchFilters } from '../src/publish/templateFilters.js';
import { jsonForScript } from '../src/render/jsonForScript.js';
import { handBuiltArchive } from './helpers/hand-built.js';

const config = { title: 'Test archive', language: 'en', baseUrl: 'https://example.org/archive/', portable: false };

describe('structured data', () => {
  const archive = handBuiltArchive();
  const crash = archive.articleById.get('crash')!;
  const entities = entitiesByArticle(archive).get('crash')!;

  it('describes an article as a NewsArticle that mentions its entities by schema.org type', () => {
    const data = newsArticleJsonLd(crash, entities, config);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: crash.title,
      datePublished: '2024-05-20',
      url: 'https://example.org/archive/articles/crash/',
      publisher: { '@type': 'Organization', name: 'Example News' },
      author: { '@type': 'Person', name: 'Jane Roe' },
      mentions: [
        { '@type': 'Person', name: 'Ebrahim Raisi', url: 'https://example.org/archive/entities/ebrahim-raisi/' },
        { '@type': 'Place', name: 'Tabriz', url: 'https://example.org/archive/entities/tabriz/' },
      ],
    });
  });

  it('leaves out an unknown date and uses the archive as publisher when there is no outlet', () => {
    const undated = archive.articleById.get('undated')!;
    const data = newsArticleJsonLd(undated, entitiesByArticle(archive).get('undated')!, { ...config, baseUrl: null });
    expect(data).not.toHaveProperty('datePublished');
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'Test archive' });
    expect(data.mentions).toEqual([{ '@type': 'Organization', name: 'Red Crescent', url: '../../entities/red-crescent/' }]);
    expect(data.url).toBe('../../articles/undated/');
  });

  it('gives a two-step breadcrumb', () => {
    const data = breadcrumbJsonLd(crash, config) as { itemListElement: { position: number; item: string }[] };
    expect(data.itemListElement.map((item) => [item.position, item.item])).toEqual([
      [1, 'https://example.org/archive/'],
      [2, 'https://example.org/archive/articles/crash/'],
    ]);
  });

  it('can never close its <script> element, and parses back to the same data', () => {
    const json = jsonForScript([newsArticleJsonLd(crash, entities, config)]);
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)[0].headline).toBe(crash.title);
  });

  it('files an article under its year, entity types and entities for search', () => {
    expect(searchFilters(crash, entities)).toEqual({
      year: '2024',
      types: ['Person', 'Place'],
      entities: [
        { filter: 'Person', name: 'Ebrahim Raisi' },
        { filter: 'Place', name: 'Tabriz' },
      ],
    });
  });
});
