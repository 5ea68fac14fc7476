/**
 * Feeds: the archive's newest articles as Atom (`feed.xml`) and JSON Feed 1.1 (`feed.json`), and
 * one Atom feed per entity (`entities/<id>/feed.xml`) so a reader can follow a person or a place.
 * Written from templates in code rather than a feed library: the formats are small and this keeps
 * every byte deterministic. Articles without a known date are left out: a feed entry must say when
 * it was published, and the build never invents a date.
 */
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { compareArticles, samePlace } from '../link/articleOrder.js';
import { groupSets } from '../link/group.js';
import type { Page } from '../render/page.js';
import { madeText, type PageReuse } from '../render/renderContext.js';
import type { Article, Entity } from '../types.js';
import { absoluteUrl, publicUrl, rfc3339 } from './links.js';
import { escapeXml } from './xml.js';

/** How many of the newest articles a feed lists. */
export const FEED_SIZE = 50;

/** Path of the site's Atom feed. */
export const ATOM_FEED = 'feed.xml';
/** Path of the site's JSON Feed. */
export const JSON_FEED = 'feed.json';

/** The settings feeds read. */
export type FeedConfig = Pick<Config, 'title' | 'description' | 'language' | 'baseUrl' | 'portable'>;

/** What one Atom feed is about. */
interface AtomFeedSpec {
  /** Where the feed is written, relative to the site root. */
  path: string;
  /** Feed title. */
  title: string;
  /** One line about the feed. */
  subtitle: string;
  /** The page the feed follows (site root, an entity page). */
  pageUrl: string;
  /** Stable id suffix used when there is no base URL (`urn:dossier:<key>`). */
  key: string;
  /** The articles, newest first. */
  articles: readonly Article[];
}

/** The newest dated articles, at most FEED_SIZE. */
export function feedArticles(articles: readonly Article[]): Article[] {
  return articles.filter((article) => article.date !== null).slice(0, FEED_SIZE);
}

/** A stable Atom id: the page's public address, or a `urn:` when there is no base URL (ids must be absolute). */
function feedId(config: FeedConfig, url: string, key: string): string {
  return absoluteUrl(config, url) ?? `urn:dossier:${key}`;
}

export function atomFeed(config: FeedConfig, spec: AtomFeedSpec): Page & { content: string } {
  const link = (target: string) => escapeXml(publicUrl(config, spec.path, target));
  const updated = spec.articles[0]?.date ? rfc3339(spec.articles[0].date) : '1970-01-01T00:00:00Z';
  const entries = spec.articles.map((article) =>
    [
      '  <entry>',
      `    <title>${escapeXml(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${link(article.url)}"/>`,
      `    <id>${escapeXml(feedId(config, article.url, `article:${article.id}`))}</id>`,
      `    <published>${rfc3339(article.date!)}</published>`,
      `    <updated>${rfc3339(article.date!)}</updated>`,
      ...(article.author ? [`    <author><name>${escapeXml(article.author)}</name></author>`] : []),
      ...(article.summary ? [`    <summary>${escapeXml(article.summary)}</summary>`] : []),
      '  </entry>',
    ].join('\n'),
  );
  const content = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(config.language)}">`,
    `  <title>${escapeXml(spec.title)}</title>`,
    `  <subtitle>${escapeXml(spec.subtitle)}</subtitle>`,
    `  <id>${escapeXml(feedId(config, spec.pageUrl, spec.key))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${link(spec.path)}"/>`,
    `  <link rel="alternate" type="text/html" href="${link(spec.pageUrl)}"/>`,
    `  <author><name>${escapeXml(config.title)}</name></author>`,
    '  <generator>Dossier</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  return { path: spec.path, content };
}

/** The site's JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(config: FeedConfig, articles: readonly Article[]): Page {
  const link = (target: string) => publicUrl(config, JSON_FEED, target);
  const home = absoluteUrl(config, '');
  const self = absoluteUrl(config, JSON_FEED);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: config.title,
    ...(home ? { home_page_url: home } : {}),
    ...(self ? { feed_url: self } : {}),
    description: config.description,
    language: config.language,
    authors: [{ name: config.title }],
    items: articles.map((article) => ({
      id: absoluteUrl(config, article.url) ?? `urn:dossier:article:${article.id}`,
      url: link(article.url),
      ...(article.originalUrl ? { external_url: article.originalUrl } : {}),
      title: article.title,
      content_text: article.summary || article.title,
      ...(article.summary ? { summary: article.summary } : {}),
      date_published: rfc3339(article.date!),
      ...(article.author ? { authors: [{ name: article.author }] } : {}),
    })),
  };
  return { path: JSON_FEED, content: `${JSON.stringify(feed, null, 2)}\n` };
}

/** Path of an entity's feed: inside its page's folder. */
export function entityFeedPath(entity: Pick<Entity, 'url'>): string {
  return `${entity.url}feed.xml`;
}

/**
 * The dated articles of each entity that gets a feed, newest first, by entity id: from the
 * entity's `articles` list, else from the mentions. Entities with no dated article get no feed.
 */
export function entityFeedArticles(archive: Archive, remember = false): Map<string, Article[]> {
  const feeds = new Map<string, Article[]>();
  for (const entity of archive.entities) {
    const articles = feedArticlesOfEntity(archive, entity, remember);
    if (articles) feeds.set(entity.id, articles);
  }
  return feeds;
}

/** An entity's feed articles as last made, with the articles they were made from (in the order looked up). */
interface FeedMade {
  /** The article records the entity's ids led to. */
  from: readonly Article[];
  /** The number of the archive they were last checked in (see `archiveNumber`): asked again in the same archive, they hold without a walk over the ids. */
  checkedIn: number;
  /** The feed articles (null: none dated, no feed). */
  articles: Article[] | null;
  /** The same records as `from`, in listing order (the feed is its first dated ones). */
  sorted: readonly Article[];
}

/**
 * A watch session's last feed articles of each entity. The feed is a function of the article
 * records alone (records are never changed once made), so the same records in the same order give
 * the same feed, handed back as the very same list (the feed page's reuse then sees it at a glance).
 */
const feedOfEntity = new WeakMap<Entity, FeedMade>();

/**
 * One entity's feed articles, newest first, or null when it has no dated article (and so no
 * feed). Asked for one entity at a time (by its pages, which link the feed, and by the feed
 * itself): a watch rebuild asks only for the entities an edit touched. `remember` keeps the
 * answer for the next build (see `feedOfEntity`).
 */
export function feedArticlesOfEntity(archive: Archive, entity: Entity, remember = false): Article[] | null {
  const last = remember ? feedOfEntity.get(entity) : undefined;
  // Each of an entity's pages asks (and the feed itself): the first ask of a build checks, the others reuse its answer.
  const number = archiveNumber(archive);
  if (last && last.checkedIn === number) return last.articles;
  const ids = entity.articles.length > 0 ? entity.articles : [...(mentionedIn(archive).get(entity.id) ?? [])];
  // Checked without a list of its own: most entities are unchanged from one watch build to the next.
  if (last && sameArticles(last.from, ids, archive)) {
    last.checkedIn = number;
    return last.articles;
  }
  const from = ids.flatMap((id) => archive.articleById.get(id) ?? []);
  const sorted = (last && resorted(last, from)) ?? [...from].sort(compareArticles);
  const made = feedArticles(sorted);
  const articles = made.length > 0 ? made : null;
  if (remember) feedOfEntity.set(entity, { from, articles, checkedIn: number, sorted });
  return articles;
}

/**
 * `from` in listing order, from the last order of `last.from`, when each record of `from` is the one
 * at its place there or a new record of that article sorting the same (an edit that moved it
 * nowhere, see `samePlace`): its new record then takes the old one's place. Else null. A watch edit
 * changes one article, named by entities of thousands; sorting them again compared titles with
 * `localeCompare` for each of those entities' feeds.
 */
function resorted(last: FeedMade, from: readonly Article[]): Article[] | null {
  if (last.from.length !== from.length) return null;
  const replaced = new Map<Article, Article>();
  for (let i = 0; i < from.length; i++) {
    const now = from[i]!;
    const was = last.from[i]!;
    if (now === was) continue;
    if (!samePlace(was, now)) return null;
    replaced.set(was, now);
  }
  return last.sorted.map((article) => replaced.get(article) ?? article);
}

/**
 * True when the entity gets a feed (`feedArticlesOfEntity` is not null): when any of its articles is
 * dated. Stops at the first dated one: the `entityFeed` filter asks only this, and a watch build asks
 * it again of every entity each page it looks at links (see `RenderMemo`), some named by thousands of articles.
 */
export function hasEntityFeed(archive: Archive, entity: Entity): boolean {
  const ids = entity.articles.length > 0 ? entity.articles : mentionedIn(archive).get(entity.id) ?? [];
  for (const id of ids) {
    const article = archive.articleById.get(id);
    if (article !== undefined && article.date !== null) return true;
  }
  return false;
}

/** Each archive's number, given as first asked (a number, so a feed checked long ago keeps no old archive alive). */
const archiveNumbers = new WeakMap<Archive, number>();
let lastArchiveNumber = 0;

function archiveNumber(archive: Archive): number {
  let number = archiveNumbers.get(archive);
  if (number === undefined) archiveNumbers.set(archive, (number = ++lastArchiveNumber));
  return number;
}

/** The articles each entity is mentioned in, by entity id, made once per archive from the entities each article names (only entities with no `articles` list need it). */
function mentionedIn(archive: Archive): Map<string, Set<string>> {
  let byEntity = mentionedInOf.get(archive);
  if (!byEntity) {
    const pairs = function* () {
      for (const [articleId, entities] of archive.entityIndex.named) for (const entity of entities) yield { articleId, entityId: entity.id };
    };
    mentionedInOf.set(archive, (byEntity = groupSets(pairs(), (pair) => pair.entityId, (pair) => pair.articleId)));
  }
  return byEntity;
}

/** Each archive's `mentionedIn` (an archive is never changed once linked). */
const mentionedInOf = new WeakMap<Archive, Map<string, Set<string>>>();

/** True when `ids` lead, in the archive, to exactly the records `from` (ids of no article skipped). */
function sameArticles(from: readonly Article[], ids: readonly string[], archive: Archive): boolean {
  let i = 0;
  for (const id of ids) {
    const article = archive.articleById.get(id);
    if (article === undefined) continue;
    if (from[i++] !== article) return false;
  }
  return i === from.length;
}

/**
 * An entity's Atom feed, or null when it has no dated article; `reuse` (a watch session's) keeps
 * it from build to build. Made with the entity's pages, as one group (see `entityPages`).
 */
export function entityFeed(archive: Archive, entity: Entity, config: FeedConfig, reuse?: PageReuse): Page | null {
  const articles = feedArticlesOfEntity(archive, entity, reuse !== undefined);
  if (!articles) return null;
  const path = entityFeedPath(entity);
  const feed = () =>
    atomFeed(config, {
      path,
      title: `${entity.name} · ${config.title}`,
      subtitle: `Articles that mention ${entity.name}.`,
      pageUrl: entity.url,
      key: `entity:${entity.id}`,
      articles,
    }).content as string;
  return { path, content: madeText(reuse, path, `feed\n${entity.id}`, [entity, articles, config], feed) };
}

/** The site's Atom and JSON feeds (each entity's feed comes with its pages). */
export function* siteFeeds(archive: Archive, config: FeedConfig): Generator<Page> {
  const newest = feedArticles(archive.articles);
  yield atomFeed(config, { path: ATOM_FEED, title: config.title, subtitle: config.description, pageUrl: '', key: 'site', articles: newest });
  yield jsonFeed(config, newest);
}
