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

/**
 * True when two records of one article sort the same against every other article (the same id,
 * date and title, all `compareArticles` reads): an edit that leaves them moves it nowhere in any list.
 */
export function samePlace(a: Article, b: Article): boolean {
  return a === b || (a.id === b.id && a.date === b.date && a.title === b.title);
}
