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
  /** Word on the link to the previous page (the partial says `Newer` when absent: listings are newest first by default). */
  previousLabel?: string;
  /** Word on the link to the next page (`Older` when absent). */
  nextLabel?: string;
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

/** Words for the previous / next links of a listing that is not newest first. */
export interface PageLabels {
  /** On the link to the previous page (`Earlier`). */
  previous: string;
  /** On the link to the next page (`Later`). */
  next: string;
}

/** Words for a listing in no order of time (entities by name, an event's reports). */
export const PREVIOUS_NEXT: PageLabels = { previous: 'Previous', next: 'Next' };

/** The URL of page `n` of the listing at `base` (page 1 is `base` itself). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** The page numbers as a title suffix: '' on page 1, ` — page 2` after. */
export function pageSuffix(pagination: Pick<Pagination, 'current'>): string {
  return pagination.current === 1 ? '' : ` — page ${pagination.current}`;
}

export function paginate<T>(items: readonly T[], size: number, base: string, labels?: PageLabels): ListingPage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const current = index + 1;
    return {
      url: pageUrl(base, current),
      items: items.slice(index * size, (index + 1) * size),
      pagination: {
        current,
        total,
        previous: current > 1 ? pageUrl(base, current - 1) : null,
        next: current < total ? pageUrl(base, current + 1) : null,
        ...(labels ? { previousLabel: labels.previous, nextLabel: labels.next } : {}),
      },
    };
  });
}
