/**
 * The timeline joined to the rest of the archive: events grouped by year and month for the
 * timeline pages, and indexed by article and by entity for their pages.
 */
import { isSplitYear, timelineMonthUrl, timelineYearOnlyUrl, timelineYearUrl } from '../extract/events/pages.js';
import type { TimelineEvent } from '../types.js';

/** The events of one month of one year (or, with `month` null, those known only to the year). */
export interface TimelineMonth {
  /** Month 1–12, or null for events dated only to the year. */
  month: number | null;
  /** `YYYY-MM` (or `YYYY` for the year-only group): the key and the list anchor's suffix. */
  key: string;
  /** HTML id of the group on its year page (`m-2024-05`, `y-2024`). */
  anchor: string;
  /** The page listing the group's events: the year page, or the month's own page in a split year. */
  url: string;
  /** The events, oldest first. */
  events: TimelineEvent[];
}

/** One year of the timeline: one page. */
export interface TimelineYear {
  /** The year. */
  year: number;
  /** URL of its page relative to the site root (`timeline/2024/`). */
  url: string;
  /** Its groups: year-only events first, then months in order. */
  months: TimelineMonth[];
  /** How many events it holds. */
  count: number;
  /** True when the year is too big for one page: its months get pages of their own. */
  split: boolean;
}

/**
 * Each list of events' years, made once per list (never change them): a watch session's timeline
 * memo hands back the very list of the last build when an edit changed no date, and grouping it
 * again was a walk over every event per edit.
 */
const groupedOf = new WeakMap<readonly TimelineEvent[], readonly TimelineYear[]>();

/** Groups events (already sorted by date) into years and months; the same list of events gives back the very same years (see `groupedOf`). */
export function groupTimeline(events: readonly TimelineEvent[]): readonly TimelineYear[] {
  let grouped = groupedOf.get(events);
  if (!grouped) groupedOf.set(events, (grouped = groupEvents(events)));
  return grouped;
}

function groupEvents(events: readonly TimelineEvent[]): TimelineYear[] {
  const years = new Map<number, TimelineYear>();
  // Events come sorted by date, so most fall in the group of the one before: found without a lookup or a new string.
  let last: { group: TimelineMonth; entry: TimelineYear } | null = null;
  for (const event of events) {
    if (last && last.group.month !== null && event.precision !== 'year' && event.date.startsWith(last.group.key)) {
      last.group.events.push(event);
      last.entry.count++;
      continue;
    }
    const year = Number(event.date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { year, url: timelineYearUrl(year), months: [], count: 0, split: false }));
    const month = event.precision === 'year' ? null : Number(event.date.slice(5, 7));
    const key = month === null ? String(year) : event.date.slice(0, 7);
    let group = entry.months.find((m) => m.key === key);
    if (!group) entry.months.push((group = { month, key, anchor: month === null ? `y-${year}` : `m-${key}`, url: entry.url, events: [] }));
    group.events.push(event);
    entry.count++;
    last = { group, entry };
  }
  const ordered = [...years.values()].sort((a, b) => a.year - b.year);
  for (const y of ordered) {
    y.months.sort((a, b) => (a.month ?? 0) - (b.month ?? 0));
    y.split = isSplitYear(y.count);
    if (y.split) for (const m of y.months) m.url = m.month === null ? timelineYearOnlyUrl(y.year) : timelineMonthUrl(m.key);
  }
  return ordered;
}

/** Event lists keyed by article id and by entity id, each list oldest first. */
export interface TimelineIndex {
  /** Events each article reports. */
  byArticle: Map<string, TimelineEvent[]>;
  /** Events each entity takes part in. */
  byEntity: Map<string, TimelineEvent[]>;
}

/** Each build's index, by its list of events (never changed once made): article pages, entity pages and the event views all ask. */
const indexOf = new WeakMap<readonly TimelineEvent[], TimelineIndex>();

export function indexTimeline(events: readonly TimelineEvent[]): TimelineIndex {
  let index = indexOf.get(events);
  if (!index) indexOf.set(events, (index = makeIndex(events)));
  return index;
}

function makeIndex(events: readonly TimelineEvent[]): TimelineIndex {
  const byArticle = new Map<string, TimelineEvent[]>();
  const byEntity = new Map<string, TimelineEvent[]>();
  const add = (map: Map<string, TimelineEvent[]>, key: string, event: TimelineEvent) => {
    const list = map.get(key);
    if (list) list.push(event);
    else map.set(key, [event]);
  };
  for (const event of events) {
    for (const id of event.articles) add(byArticle, id, event);
    for (const id of event.entities) add(byEntity, id, event);
  }
  return { byArticle, byEntity };
}
