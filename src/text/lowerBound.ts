/**
 * The first index in `[from, to)` at which `before(i)` is false, for a `before` that is true up to
 * some index and false from there on (a sorted list asked "does item i come before the one sought?").
 * Shared by the watch session's in-place updates, which find an edit's few records in long sorted
 * lists instead of rebuilding the lists.
 */
export function lowerBound(from: number, to: number, before: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
