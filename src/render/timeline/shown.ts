/**
 * What an event's view shows of the articles and entities it names: a headline or name, and a URL
 * (see `eventViews`). An edit makes a new record for the article edited and for every entity it
 * names (their counts change), but seldom changes what is shown of them; the pages listing events
 * need looking at only when that changed, so watch builds tell those records apart here.
 */

/** A record an event names, as far as its view reads it. */
export type ShownRecord = { title: string; url: string } | { name: string; url: string };

/** What a view shows of a record. */
export interface Shown {
  /** The headline or name. */
  label: string;
  /** The URL. */
  url: string;
}

/** Each record's `shownOf`, for as long as the record lives. */
const shownKept = new WeakMap<object, Shown>();

/**
 * What a view shows of an article or entity (null when the archive has none). One object per
 * record, and the same object for a newer record showing the same (see `shownChangedIds`), so
 * pages comparing them mostly compare identities.
 */
export function shownOf(record: ShownRecord | undefined): Shown | null {
  if (!record) return null;
  let shown = shownKept.get(record);
  if (!shown) shownKept.set(record, (shown = { label: 'title' in record ? record.title : record.name, url: record.url }));
  return shown;
}

/**
 * Of `ids` (records whose object differs between `before` and `after`), those whose view differs:
 * added, gone, or showing another label or URL. A record showing the same is given its older
 * record's `Shown`, so references resolved from either are the same object.
 */
export function shownChangedIds(ids: Iterable<string>, before: ReadonlyMap<string, ShownRecord>, after: ReadonlyMap<string, ShownRecord>): string[] {
  const changed: string[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const now = after.get(id);
    if (old === now) continue;
    if (!old || !now) {
      changed.push(id);
      continue;
    }
    const shown = shownOf(old)!;
    if (shown.label === ('title' in now ? now.title : now.name) && shown.url === now.url) {
      if (!shownKept.has(now)) shownKept.set(now, shown);
    } else changed.push(id);
  }
  return changed;
}
