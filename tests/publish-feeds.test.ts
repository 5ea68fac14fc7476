import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { entityFeed, entityFeedPath, siteFeeds, type FeedConfig } from '../src/publish/feeds.js';
import { handBuiltArchive } from './helpers/hand-built.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' });
const config = { title: 'Test archive', description: 'About tests.', language: 'en', portable: false };
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The site's feeds and every entity's, as a build writes them. */
function feedPages(archive: ReturnType<typeof handBuiltArchive>, feedConfig: FeedConfig) {
  return [...siteFeeds(archive, feedConfig), ...archive.entities.flatMap((entity) => entityFeed(archive, entity, feedConfig) ?? [])];
}

/** Parses an Atom feed and checks the elements RFC 4287 requires. */
function checkAtom(xml: string) {
  const { feed } = parser.parse(xml, true);
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated']) expect(feed[field], field).toBeTruthy();
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name).toBeTruthy();
  for (const entry of feed.entry ?? []) {
    for (const field of ['id', 'title', 'updated', 'published']) expect(entry[field], field).toBeTruthy();
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.link.some((link: Record<string, string>) => link['@rel'] === 'alternate' && link['@href'])).toBe(true);
  }
  return feed;
}

describe('feeds', () => {
  const archive = handBuiltArchive();

  it('writes the site Atom feed with the dated articles, newest first, escaped', () => {
    const pages = [...feedPages(archive, { ...config, baseUrl: 'https://example.org/archive/' })];
    const atom = pages.find((page) => page.path === 'feed.xml')!;
    const feed = checkAtom(atom.content as string);
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual(['https://example.org/archive/articles/crash/', 'https://example.org/archive/articles/election/']);
    expect(feed.entry[0].title).toBe('Crash </script> & <b>fog</b>');
    expect(feed.entry[1].published).toBe('2024-05-01T00:00:00Z');
    expect(feed.updated).toBe('2024-05-20T00:00:00Z');
  });

  it('writes a JSON Feed 1.1 with the required fields', () => {
    const pages = [...feedPages(archive, { ...config, baseUrl: 'https://example.org/archive/' })];
    const json = JSON.parse(pages.find((page) => page.path === 'feed.json')!.content as string);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('Test archive');
    expect(json.feed_url).toBe('https://example.org/archive/feed.json');
    expect(json.items).toHaveLength(2);
    for (const item of json.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_text ?? item.content_html).toBeTruthy();
      expect(item.date_published).toMatch(RFC3339);
    }
  });

  it('writes one Atom feed per entity with dated articles, from the entity record or the mentions', () => {
    const pages = [...feedPages(archive, { ...config, baseUrl: null })];
    const paths = pages.map((page) => page.path);
    expect(paths).toContain(entityFeedPath({ url: 'entities/ebrahim-raisi/' }));
    // Tabriz lists no articles itself: its feed comes from the mentions.
    expect(paths).toContain('entities/tabriz/feed.xml');
    // Only mentioned in an undated article: no feed.
    expect(paths).not.toContain('entities/red-crescent/feed.xml');
    const raisi = checkAtom(pages.find((page) => page.path === 'entities/ebrahim-raisi/feed.xml')!.content as string);
    expect(raisi.title).toBe('Ebrahim Raisi · Test archive');
    expect(raisi.entry).toHaveLength(2);
  });

  it('without a base URL uses relative links and urn: ids, never invented absolute URLs', () => {
    const pages = [...feedPages(archive, { ...config, baseUrl: null })];
    const xml = pages.find((page) => page.path === 'entities/ebrahim-raisi/feed.xml')!.content as string;
    const feed = checkAtom(xml);
    expect(feed.id).toBe('urn:dossier:entity:ebrahim-raisi');
    expect(feed.entry[0].link[0]['@href']).toBe('../../articles/crash/');
    expect(xml.replace('xmlns="http://www.w3.org/2005/Atom"', '')).not.toMatch(/https?:\/\//);
  });

  it('names index.html in portable links', () => {
    const pages = [...feedPages(archive, { ...config, baseUrl: null, portable: true })];
    const feed = checkAtom(pages.find((page) => page.path === 'feed.xml')!.content as string);
    expect(feed.entry[0].link[0]['@href']).toBe('articles/crash/index.html');
  });
});
