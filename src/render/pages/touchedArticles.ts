/**
 * Which articles' pages a watch build must look at (the counterpart of `touchedEntities`). An
 * article's page is made from its record, its neighbours, its entities (body links, the side list,
 * related articles) and its events with the records they name; comparing last build's maps with
 * this build's (`sourcesSince`) tells the few articles an edit touched.
 */
import { changedKeys } from '../../link/lists.js';
import type { RenderContext } from '../renderContext.js';
import { sourcesSince } from './pageSources.js';

/**
 * The ids of the articles whose pages may differ from last build's, or null when every article's
 * must be looked at (see `sourcesSince`).
 */
export function touchedArticles(ctx: RenderContext): ReadonlySet<string> | null {
  const since = sourcesSince(ctx);
  if (!since) return null;
  const { last, now } = since;
  const touched = new Set<string>(since.changedArticles);
  // A watch session's archive logs which articles' maps it changed (they are changed in place).
  if (since.articlePages) {
    for (const id of since.articlePages) touched.add(id);
    for (const event of since.events) for (const id of event.articles) touched.add(id);
    return touched;
  }
  // Neighbour records are made anew each build: compared by the articles they name.
  for (const [id, around] of now.neighbours) {
    const before = last.neighbours.get(id);
    if (!before || before.previous !== around.previous || before.next !== around.next) touched.add(id);
  }
  for (const id of changedKeys(last.bodyLinks, now.bodyLinks)) touched.add(id);
  for (const id of changedKeys(last.ofArticle, now.ofArticle)) touched.add(id);
  for (const id of changedKeys(last.related, now.related)) touched.add(id);
  // The articles reporting an event added, gone or showing a changed record list it.
  for (const event of since.events) for (const id of event.articles) touched.add(id);
  return touched;
}
