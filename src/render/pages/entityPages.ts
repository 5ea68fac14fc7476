/**
 * Entity pages: the index (grouped by type, with counts, the co-mention graph and an A–Z list), one
 * page per entity, `data/entities.json`, and what entities add to article pages (body links, the
 * side list by type, related articles).
 *
 * No page grows without bound with the archive: an entity's articles are paginated
 * (`entities/x/page/2/`), its page lists only its latest events, and on a big archive the index
 * shows each type's most mentioned entities and links to paginated listings by type
 * (`entities/by-type/people/`) and by initial (`entities/by-name/a/`). Those listings live one
 * folder down so they never clash with an entity's own page: entity ids are single slugs.
 */
import { transliterate } from 'transliteration';
import { ENTITY_TYPES } from '../../link/linkEntities.js';
import type { Archive } from '../../link/archive.js';
import type { CoMention, EntityInArticle } from '../../link/linkEntities.js';
import type { ArticleBodyLinks, BodyLink } from '../../link/packedBodyLinks.js';
import type { Article, Entity, EntityType } from '../../types.js';
import { entityFeed } from '../../publish/feeds.js';
import { graphSvg, layoutGraph } from '../entityGraph.js';
import { escapeHtml } from '../escape.js';
import type { HtmlRange } from '../inline.js';
import { fileForUrl, rootFor, type Page, type SiteItem } from '../page.js';
import { droppedGroup, groupKey, groupPages, renderPage, renderPageFrom, reusedValue, type RenderContext } from '../renderContext.js';
import type { ArticleExtras } from './articlePages.js';
import { paginate, pageSuffix, PREVIOUS_NEXT } from './paginate.js';
import { touchedEntities } from './touchedEntities.js';

/** URL of the entity index. */
export const ENTITIES_URL = 'entities/';

/** Most entities of one type the index lists; a type with more gets a listing of its own. */
export const INDEX_TYPE_LIMIT = 50;
/** Most entities the index lists A–Z; an archive with more gets one listing per initial. */
export const INDEX_ALPHABET_LIMIT = 300;
/** Entities per page of a listing by type or by initial (a line each, so more than articles). */
export const LISTING_PAGE_SIZE = 200;

/** A link from the page at `fromUrl` to `target`, as the templates' `url` filter writes it. */
export function relativeLink(ctx: RenderContext, fromUrl: string, target: string): string {
  const file = ctx.config.portable && (target === '' || target.endsWith('/')) ? `${target}index.html` : target;
  return `${rootFor(fileForUrl(fromUrl))}${file}` || './';
}

/** The entities of one type, most mentioned first, and where their full listing is. */
interface TypeGroup {
  /** The type. */
  type: EntityType;
  /** Its plural heading (`People`). */
  label: string;
  /** What a count of them is called in a sentence (`people`, `other names`). */
  noun: string;
  /** Every entity of the type, most mentioned first. */
  entities: Entity[];
  /** URL of the listing of them all (`entities/by-type/people/`). */
  url: string;
}

/** The entities under one initial, alphabetically. */
interface LetterGroup {
  /** `A`…`Z`, or `#` for digits and symbols. */
  letter: string;
  /** The entities, in alphabetical order (a leading `The` ignored). */
  entities: Entity[];
  /** URL of its listing (`entities/by-name/a/`, `entities/by-name/0-9/`). */
  url: string;
}

/** The entities by type and by initial: asked for by the index and the listings, made once per build (and kept across a watch session's builds while the entities are the same). */
function groupedEntities(ctx: RenderContext): { types: TypeGroup[]; letters: LetterGroup[] } {
  const { entities } = ctx.archive;
  let grouped = groupedOf.get(entities);
  if (!grouped) groupedOf.set(entities, (grouped = reusedValue(ctx.reuse, 'entity groups', [entities], () => ({ types: typeGroups(entities), letters: letterGroups(entities) }))));
  return grouped;
}

/** Each build's entity groups, by the build's list of entities (never changed once linked). */
const groupedOf = new WeakMap<readonly Entity[], { types: TypeGroup[]; letters: LetterGroup[] }>();

/** Every type with entities, most mentioned first within each. */
function typeGroups(entities: readonly Entity[]): TypeGroup[] {
  return ENTITY_TYPES.map(({ type, label }) => ({
    type,
    label,
    noun: type === 'other' ? 'other names' : label.toLowerCase(),
    entities: entities.filter((e) => e.type === type).sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name, 'en')),
    url: `${ENTITIES_URL}by-type/${label.toLowerCase()}/`,
  })).filter((group) => group.entities.length > 0);
}

/** Every initial with entities, `#` last. */
function letterGroups(entities: readonly Entity[]): LetterGroup[] {
  const letters = new Map<string, Entity[]>();
  for (const entity of entities) {
    const letter = initialOf(entity.name);
    const list = letters.get(letter);
    if (list) list.push(entity);
    else letters.set(letter, [entity]);
  }
  const sortName = (entity: Entity): string => entity.name.replace(/^the\s+/i, '');
  return [...letters.keys()]
    .sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : 1))
    .map((letter) => ({
      letter,
      entities: letters.get(letter)!.sort((a, b) => sortName(a).localeCompare(sortName(b), 'en')),
      url: `${ENTITIES_URL}by-name/${letter === '#' ? '0-9' : letter.toLowerCase()}/`,
    }));
}

/**
 * The entity index page. On a small archive it lists every entity by type and A–Z; on a big one,
 * each type's `INDEX_TYPE_LIMIT` most mentioned with a link to all of them, and the initials as
 * links to their listings, so the page stays the same size whatever the archive holds.
 */
export function entityIndexPage(ctx: RenderContext): Page {
  const { entities, entityIndex } = ctx.archive;
  const { types, letters } = groupedEntities(ctx);
  const groups = types.map((group) => {
    const more = group.entities.length > INDEX_TYPE_LIMIT;
    return { type: group.type, label: group.label, noun: group.noun, count: group.entities.length, entities: more ? group.entities.slice(0, INDEX_TYPE_LIMIT) : group.entities, url: more ? group.url : null };
  });
  const inline = entities.length <= INDEX_ALPHABET_LIMIT;
  const alphabet = letters.map((entry) => ({ letter: entry.letter, count: entry.entities.length, entities: inline ? entry.entities : [], url: inline ? null : entry.url }));
  const graph = graphSvg(layoutGraph(entities, entityIndex), (entity) => relativeLink(ctx, ENTITIES_URL, entity.url));
  return renderPage(ctx, 'entities.njk', ENTITIES_URL, { title: 'Entities', groups, alphabet, inline, graph, total: entities.length });
}

/** What an entity page shows of the entity's events (see `timelineEntityEvents`). */
export interface EntityEventsView {
  /** Every record the views are made from (see `renderPageFrom`). */
  inputs: readonly unknown[];
  /** The events shown (views for `partials/entity-events.njk`), made only when the page is rendered. */
  views: () => unknown[];
  /** How many events name the entity in all. */
  total: number;
}

const NO_EVENTS: EntityEventsView = { inputs: [], views: () => [], total: 0 };

/**
 * Every page under `entities/` but the index, one at a time: each entity's pages (its articles,
 * `pageSize` a page, newest first; its co-mentions and latest events on the first), then the
 * listings by type and by initial the index links to on a big archive. `eventsFor` gives an
 * entity's events.
 */
export function* entityPages(ctx: RenderContext, eventsFor: (entityId: string) => EntityEventsView = () => NO_EVENTS): Generator<SiteItem> {
  const touched = touchedEntities(ctx);
  if (!touched) {
    for (const entity of ctx.archive.entities) yield* groupOfEntity(ctx, entity, eventsFor);
  } else {
    // A watch build that knows what an edit touched: the writer leaves every other entity's pages as they are on disk.
    for (const id of touched) {
      const entity = ctx.archive.entityIndex.byId.get(id);
      if (entity) yield* groupOfEntity(ctx, entity, eventsFor);
      else yield droppedGroup(ctx, groupKey('entity', id));
    }
  }
  yield* listingPages(ctx);
}

/** An entity's pages as one group: in a watch session an entity whose records are last build's keeps all its pages at once. */
function groupOfEntity(ctx: RenderContext, entity: Entity, eventsFor: (entityId: string) => EntityEventsView): Iterable<Page> {
  const { entityIndex } = ctx.archive;
  const appearances = entityIndex.appearances.get(entity.id) ?? [];
  const allEvents = eventsFor(entity.id);
  const allCoMentions = entityIndex.coMentions.get(entity.id) ?? [];
  const inputs = [entity, appearances, allCoMentions, allEvents.inputs, allEvents.total];
  return groupPages(ctx, groupKey('entity', entity.id), inputs, function* () {
    yield* pagesOfEntity(ctx, entity, appearances, allEvents, allCoMentions);
    // The entity's feed goes with its pages: made from its record and its articles, as they are.
    const feed = entityFeed(ctx.archive, entity, ctx.config, ctx.reuse);
    if (feed) yield feed;
  });
}

/** One entity's pages: its articles, `pageSize` a page, with its co-mentions and latest events on the first. */
function* pagesOfEntity(ctx: RenderContext, entity: Entity, appearances: readonly EntityInArticle[], allEvents: EntityEventsView, allCoMentions: readonly CoMention[]): Generator<Page> {
  const typeLabel = TYPE_LABELS.get(entity.type) ?? entity.type;
  for (const pageOf of paginate(appearances, ctx.config.pageSize, entity.url)) {
    const first = pageOf.pagination.current === 1;
    const events = first ? allEvents : NO_EVENTS;
    const coMentions = first ? allCoMentions : [];
    // The page's own slice of the appearances, the count and the pagination are all it shows of them.
    const inputs = [entity, pageOf.items, appearances.length, pageOf.pagination, coMentions, events.inputs, events.total];
    yield renderPageFrom(ctx, 'entity.njk', pageOf.url, inputs, () => ({
      title: `${entity.name}${pageSuffix(pageOf.pagination)}`,
      entity,
      typeLabel,
      appearances: pageOf.items,
      articleTotal: appearances.length,
      firstItem: (pageOf.pagination.current - 1) * ctx.config.pageSize + 1,
      pagination: pageOf.pagination,
      coMentions,
      events: events.views(),
      eventTotal: events.total,
    }));
  }
}

/** Headings of the entity types, by type. */
const TYPE_LABELS = new Map(ENTITY_TYPES.map(({ type, label }) => [type, label]));

/** The listings by type and by initial, written only when the index cannot hold them. */
function* listingPages(ctx: RenderContext): Generator<Page> {
  const { entities } = ctx.archive;
  const { types, letters } = groupedEntities(ctx);
  for (const group of types) {
    if (group.entities.length <= INDEX_TYPE_LIMIT) continue;
    for (const pageOf of paginate(group.entities, LISTING_PAGE_SIZE, group.url, PREVIOUS_NEXT)) {
      yield renderPage(ctx, 'entity-listing.njk', pageOf.url, {
        title: `${group.label}${pageSuffix(pageOf.pagination)}`,
        heading: group.label,
        lede: `${group.entities.length} ${group.noun} named in the articles, the most mentioned first.`,
        entities: pageOf.items,
        show: 'count',
        letters: null,
        pagination: pageOf.pagination,
      });
    }
  }
  if (entities.length <= INDEX_ALPHABET_LIMIT) return;
  for (const group of letters) {
    const nav = letters.map((entry) => ({ letter: entry.letter, url: entry.url, current: entry.letter === group.letter }));
    for (const pageOf of paginate(group.entities, LISTING_PAGE_SIZE, group.url, PREVIOUS_NEXT)) {
      yield renderPage(ctx, 'entity-listing.njk', pageOf.url, {
        title: `Entities: ${group.letter}${pageSuffix(pageOf.pagination)}`,
        heading: `Entities: ${group.letter}`,
        lede: `${group.entities.length} ${group.entities.length === 1 ? 'entity' : 'entities'} under ${group.letter === '#' ? 'a digit or symbol' : group.letter}, in alphabetical order.`,
        entities: pageOf.items,
        show: 'type',
        letters: nav,
        pagination: pageOf.pagination,
      });
    }
  }
}

/** What entities add to an article page: links on first mentions, the side list, related articles. */
export function articleEntityExtras(ctx: RenderContext): (article: Article) => ArticleExtras {
  const { entityIndex } = ctx.archive;
  return (article) => {
    const links: ArticleBodyLinks = entityIndex.bodyLinks.get(article.id) ?? new Map<string, BodyLink[]>();
    const groups = entityIndex.ofArticle.get(article.id) ?? [];
    const related = entityIndex.related.get(article.id) ?? [];
    let blocks: Map<string, Article['blocks'][number]> | null = null;
    return {
      // The links as entries (a Map compares only by identity), and the entities they lead to; only a watch session compares them.
      inputs: ctx.reuse ? [[...links], linkedEntities(ctx, links), groups, related] : [],
      rangesFor: (blockAnchor: string): HtmlRange[] => {
        const block = (blocks ??= new Map(article.blocks.map((block) => [block.anchor, block]))).get(blockAnchor);
        // Never a link inside a link the article already has.
        const existing = block?.type === 'paragraph' ? block.content.marks.filter((mark) => mark.kind === 'link') : [];
        return (links.get(blockAnchor) ?? [])
          .filter((m) => !existing.some((mark) => mark.start < m.end && m.start < mark.end))
          .map((m) => {
            const entity = entityIndex.byId.get(m.entityId)!;
            const href = escapeHtml(relativeLink(ctx, article.url, entity.url));
            return { start: m.start, end: m.end, open: `<a class="entity-${entity.type}" href="${href}">`, close: '</a>', layer: 1 };
          });
      },
      vars: () => ({ entityGroups: groups, related }),
    };
  };
}

/** The entities an article's body links lead to, in order. */
function linkedEntities(ctx: RenderContext, links: ArticleBodyLinks): unknown[] {
  const linked: unknown[] = [];
  for (const mentions of links.values()) for (const m of mentions) linked.push(ctx.archive.entityIndex.byId.get(m.entityId));
  return linked;
}

/** The A–Z letter an entity is listed under (`Ébrahim` → `E`; digits and symbols under `#`). */
function initialOf(name: string): string {
  let initial = initials.get(name);
  if (initial === undefined) {
    const letter = transliterate(name.replace(/^the\s+/i, '')).charAt(0).toUpperCase();
    initial = /[A-Z]/.test(letter) ? letter : '#';
    // Transliterating is most of the listings' cost, and a watch session asks again for every name on every build.
    if (initials.size >= INITIALS_KEPT) initials.clear();
    initials.set(name, initial);
  }
  return initial;
}

/** Names' initials (a pure function of the name), for at most `INITIALS_KEPT` names. */
const initials = new Map<string, string>();
const INITIALS_KEPT = 100_000;
