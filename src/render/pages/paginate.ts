/** Splits a listing into pages at `base`, `base/page/2/`, `base/page/3/`… */

/** Links between the pages of one listing, for the pagination partial. */
export interface Pagination {
  /** 1-based number of this page. */
  current: number;
  /** How many pages the listing has. */
  total: number;
  /** URL of the previous page, or null on the first. */
  previous: string | null;
  /** URL of the next page, or null on the last. */
  next: string | null;
}

/** One page of a listing. */
export interface ListingPage<T> {
  /** The page's URL relative to the site root. */
  url: string;
  /** The items on it. */
  items: T[];
  /** Its place in the listing. */
  pagination: Pagination;
}

export function paginate<T>(items: readonly T[], size: number, base: string): ListingPage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: total }, (_, index) => {
    const current = index + 1;
    return {
      url: urlOf(current),
      items: items.slice(index * size, (index + 1) * size),
      pagination: { current, total, previous: current > 1 ? urlOf(current - 1) : null, next: current < total ? urlOf(current + 1) : null },
    };
  });
}
