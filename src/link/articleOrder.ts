/** The order articles are listed in everywhere (home, entity pages, feeds). */
import type { Article } from '../types.js';

/** Newest first; undated last; ties by title then id so the order never depends on input order. */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
