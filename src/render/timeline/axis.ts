/**
 * The timeline's time axis as an SVG drawn at build time: one bar per year (or per month on a
 * year's page), as tall as the number of events, each bar a link into the list. Only geometry is
 * computed here; the `timeline-axis` partial writes the markup, so every label is escaped.
 */
import type { TimelineYear } from '../../link/timeline.js';
import { MONTH_NAMES } from '../../parse/isoDate.js';

/** One bar of the axis. */
export interface AxisBar {
  /** Label under the bar (`2024`, `May`); empty when there is no room. */
  label: string;
  /** Full description for the tooltip and screen readers (`May 2024: 3 events`). */
  title: string;
  /** Events in the period. */
  count: number;
  /** Target relative to the site root (a year page), or null when `fragment` is used. */
  url: string | null;
  /** Target on the same page (`#m-2024-05`), or null. */
  fragment: string | null;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width. */
  width: number;
  /** Height (0 for an empty period). */
  height: number;
  /** Horizontal centre, where the label sits. */
  centre: number;
}

/** The whole axis. */
export interface TimelineAxis {
  /** ViewBox width. */
  width: number;
  /** ViewBox height. */
  height: number;
  /** Y of the base line the bars stand on. */
  baseline: number;
  /** Bars from left to right; empty periods carry no link. */
  bars: AxisBar[];
  /** What the picture shows, for `aria-label`. */
  caption: string;
}

const WIDTH = 720;
/** Room left and right so the first and last labels are not cut off. */
const PAD = 24;
const BASELINE = 96;
const HEIGHT = 120;
const MAX_BAR = 84;
/** Spans longer than this many years show only the years that have events, side by side. */
const MAX_LINEAR_YEARS = 80;
/** Minimum distance between two labels, in viewBox units. */
const LABEL_GAP = 34;

interface Slot {
  label: string;
  title: string;
  count: number;
  url: string | null;
  fragment: string | null;
}

/** The archive-wide axis: one slot per year from the first to the last (or per year with events when that span is too long). */
export function yearAxis(years: readonly TimelineYear[]): TimelineAxis {
  if (years.length === 0) return layout([], 'No dated events');
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  const byYear = new Map(years.map((y) => [y.year, y]));
  const span = last - first + 1 <= MAX_LINEAR_YEARS ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : years.map((y) => y.year);
  const slots = span.map((year): Slot => {
    const entry = byYear.get(year);
    const count = entry?.count ?? 0;
    return { label: String(year), title: `${year}: ${plural(count)}`, count, url: entry ? entry.url : null, fragment: null };
  });
  return layout(slots, `Events per year, ${first} to ${last}`);
}

/** A year's axis: twelve months, each linking to its group on the page (or to its own page in a split year). */
export function monthAxis(year: TimelineYear): TimelineAxis {
  const slots = MONTH_NAMES.map((name, index): Slot => {
    const group = year.months.find((m) => m.month === index + 1);
    const count = group?.events.length ?? 0;
    const own = group !== undefined && group.url !== year.url; // a split year's month has its own page
    const fragment = group && !own ? `#${group.anchor}` : null;
    return { label: name.slice(0, 3), title: `${name} ${year.year}: ${plural(count)}`, count, url: own ? group.url : null, fragment };
  });
  return layout(slots, `Events per month in ${year.year}`);
}

function layout(slots: readonly Slot[], caption: string): TimelineAxis {
  const inner = WIDTH - 2 * PAD;
  const step = slots.length ? inner / slots.length : inner;
  const max = Math.max(1, ...slots.map((s) => s.count));
  let lastLabel = -Infinity;
  const bars = slots.map((slot, index): AxisBar => {
    const x = round(PAD + index * step + step * 0.1);
    const width = round(Math.max(1, step * 0.8));
    const height = slot.count === 0 ? 0 : round(Math.max(6, (slot.count / max) * MAX_BAR));
    const centre = round(PAD + index * step + step / 2);
    // Label a bar when there is room, always preferring periods that have events.
    const room = centre - lastLabel >= LABEL_GAP && (slot.count > 0 || step >= LABEL_GAP);
    if (room) lastLabel = centre;
    return { label: room ? slot.label : '', title: slot.title, count: slot.count, url: slot.url, fragment: slot.fragment, x, y: BASELINE - height, width, height, centre };
  });
  return { width: WIDTH, height: HEIGHT, baseline: BASELINE, bars, caption };
}

function plural(count: number): string {
  return count === 1 ? '1 event' : `${count} events`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
