/**
 * Entity pages: the index (grouped by type, with counts, the co-mention graph and an A–Z list), one
 * page per entity, `data/entities.json`, and what entities add to article pages (body links, the
 * side list by type, related articles).
 */
import { transliterate } from 'transliteration';
import { ENTITY_TYPES } from '../../link/linkEntities.js';
import type { Archive } from '../../link/archive.js';
import type { Article, Entity, Mention } from '../../types.js';
import { graphSvg, layoutGraph } from '../entityGraph.js';
import { escapeHtml } from '../escape.js';
import type { HtmlRange } from '../inline.js';
import { fileForUrl, rootFor, type Page } from '../page.js';
import { renderPage, type RenderContext } from '../renderContext.js';
import type { ArticleExtras } from './articlePages.js';

/** URL of the entity index. */
export const ENTITIES_URL = 'entities/';

/** A link from the page at `fromUrl` to `target`, as the templates' `url` filter writes it. */
export function relativeLink(ctx: RenderContext, fromUrl: string, target: string): string {
  const file = ctx.config.portable && (target === '' || target.endsWith('/')) ? `${target}index.html` : target;
  return `${rootFor(fileForUrl(fromUrl))}${file}` || './';
}

/** The entity index page. */
export function entityIndexPage(ctx: RenderContext): Page {
  const { entities, entityIndex } = ctx.archive;
  const groups = ENTITY_TYPES.map(({ type, label }) => ({
    type,
    label,
    entities: entities.filter((e) => e.type === type).sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name, 'en')),
  })).filter((group) => group.entities.length > 0);
  const letters = new Map<string, Entity[]>();
  for (const entity of entities) {
    const letter = initialOf(entity.name);
    letters.set(letter, [...(letters.get(letter) ?? []), entity]);
  }
  const sortName = (entity: Entity): string => entity.name.replace(/^the\s+/i, '');
  const alphabet = [...letters.keys()]
    .sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : 1))
    .map((letter) => ({ letter, entities: letters.get(letter)!.sort((a, b) => sortName(a).localeCompare(sortName(b), 'en')) }));
  const graph = graphSvg(layoutGraph(entities, entityIndex), (entity) => relativeLink(ctx, ENTITIES_URL, entity.url));
  return renderPage(ctx, 'entities.njk', ENTITIES_URL, { title: 'Entities', groups, alphabet, graph, total: entities.length });
}

/** One page per entity; `eventsFor` gives the timeline events of an entity (views for `partials/entity-events.njk`). */
export function entityPages(ctx: RenderContext, eventsFor: (entityId: string) => unknown[] = () => []): Page[] {
  const { entityIndex } = ctx.archive;
  return ctx.archive.entities.map((entity) =>
    renderPage(ctx, 'entity.njk', entity.url, {
      title: entity.name,
      entity,
      typeLabel: ENTITY_TYPES.find((t) => t.type === entity.type)?.label ?? entity.type,
      appearances: entityIndex.appearances.get(entity.id) ?? [],
      coMentions: entityIndex.coMentions.get(entity.id) ?? [],
      events: eventsFor(entity.id),
    }),
  );
}

/** What entities add to an article page: links on first mentions, the side list, related articles. */
export function articleEntityExtras(ctx: RenderContext): (article: Article) => ArticleExtras {
  const { entityIndex } = ctx.archive;
  return (article) => {
    const links = entityIndex.bodyLinks.get(article.id) ?? new Map<string, Mention[]>();
    const blocks = new Map(article.blocks.map((block) => [block.anchor, block]));
    return {
      rangesFor: (blockAnchor: string): HtmlRange[] => {
        const block = blocks.get(blockAnchor);
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
      vars: { entityGroups: entityIndex.ofArticle.get(article.id) ?? [], related: entityIndex.related.get(article.id) ?? [] },
    };
  };
}

/** The A–Z letter an entity is listed under (`Ébrahim` → `E`; digits and symbols under `#`). */
function initialOf(name: string): string {
  const letter = transliterate(name.replace(/^the\s+/i, '')).charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : '#';
}
