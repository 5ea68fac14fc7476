/**
 * Unique, stable URLs. Articles that want the same slug are ordered by source path; the first keeps
 * the slug and each other one gets a suffix from a hash of its own source path. The suffix depends
 * only on that article, so adding or removing another article never moves an existing URL (beyond
 * the one article that owns the plain slug).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../errors.js';
import type { Article } from '../types.js';

export function assignUrls(drafts: readonly Article[], displayPathOf: (article: Article) => string): { articles: Article[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sorted = [...drafts].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  // Only asked when two articles want the same slug: made then (a watch session places every article again on each edit).
  let wanted: Set<string> | null = null;
  const taken = new Map<string, Article>();
  const articles = sorted.map((article) => {
    let slug = article.slug;
    const owner = taken.get(slug);
    if (owner) {
      const hash = createHash('sha256').update(article.sourcePath).digest('hex');
      for (let length = 6; taken.has(slug) || (slug !== article.slug && (wanted ??= new Set(sorted.map((other) => other.slug))).has(slug)); length++) slug = `${article.slug}-${hash.slice(0, length)}`;
      diagnostics.push({
        severity: 'warning',
        file: displayPathOf(article),
        message: `has the same URL as ${owner.sourcePath} (articles/${article.slug}/); it is published at articles/${slug}/ instead.`,
        hint: 'Give one of them a different title or a "slug" in its front matter.',
      });
    }
    const placed = placedAs(article, slug);
    taken.set(slug, placed);
    return placed;
  });
  return { articles, diagnostics };
}

/**
 * URLs kept from build to build (a watch session's). Placing is a function of the drafts' paths and
 * wanted slugs in path order (and of the display paths, fixed for a path within a session): when
 * the last placing found every draft in path order, drafts with the same paths and slugs in the
 * same places get the same slugs and warnings, so only the drafts that are new objects (an edit
 * changes one) are placed again, each with the slug its place got last time. Anything else places
 * every draft (`assignUrls`).
 */
export class KeptUrls {
  /** The drafts last placed, what they gave and the warnings, while the drafts were in path order (the placed records are then in the drafts' order); else null. */
  private last: { drafts: readonly Article[]; articles: Article[]; diagnostics: Diagnostic[] } | null = null;

  place(drafts: readonly Article[], displayPathOf: (article: Article) => string): { articles: Article[]; diagnostics: Diagnostic[] } {
    const last = this.last;
    if (last && last.drafts.length === drafts.length) {
      let articles: Article[] | null = null;
      let same = true;
      for (let i = 0; i < drafts.length; i++) {
        const draft = drafts[i]!;
        const before = last.drafts[i]!;
        if (draft === before) continue;
        if (draft.sourcePath !== before.sourcePath || draft.slug !== before.slug) {
          same = false;
          break;
        }
        (articles ??= last.articles.slice())[i] = placedAs(draft, last.articles[i]!.slug);
      }
      if (same) {
        this.last = { drafts, articles: articles ?? last.articles, diagnostics: last.diagnostics };
        return { articles: (articles ?? last.articles).slice(), diagnostics: last.diagnostics.slice() };
      }
    }
    const placed = assignUrls(drafts, displayPathOf);
    const inOrder = placed.articles.every((article, i) => article.sourcePath === drafts[i]!.sourcePath);
    this.last = inOrder ? { drafts, articles: placed.articles.slice(), diagnostics: placed.diagnostics.slice() } : null;
    return placed;
  }
}

/**
 * The last record placed from each draft, with its slug. A watch session parses an unchanged file
 * once, so its draft is the same object from build to build: it gets the same placed record back
 * instead of a copy of every field of every article on each edit. The record is a function of the
 * draft and the slug alone, and records are never changed once made.
 */
const lastPlaced = new WeakMap<Article, Article>();

function placedAs(draft: Article, slug: string): Article {
  const last = lastPlaced.get(draft);
  if (last && last.slug === slug) return last;
  const placed = { ...draft, id: slug, slug, url: `articles/${slug}/` };
  lastPlaced.set(draft, placed);
  return placed;
}
