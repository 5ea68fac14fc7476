/**
 * Calendar arithmetic on plain `{ year, month, day }` values, always in UTC, so that no result
 * depends on the machine's time zone.
 */
import type { Precision } from '../../types.js';

/** A calendar date; `month` is 1–12. */
export interface CalendarDay {
  /** Full year. */
  year: number;
  /** Month, 1 to 12. */
  month: number;
  /** Day of the month, 1 to 31. */
  day: number;
}

/** Noon UTC of a day: a reference instant that no time zone offset can push into another day. */
export function noonUtc(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

/** The day `days` days after `d` (negative for before). */
export function addDays(d: CalendarDay, days: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days, 12));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** `d` formatted at `precision`: `2024-05-19`, `2024-05` or `2024`. */
export function formatDate(d: CalendarDay, precision: Precision): string {
  const y = String(d.year).padStart(4, '0');
  const m = String(d.month).padStart(2, '0');
  const day = String(d.day).padStart(2, '0');
  return precision === 'year' ? y : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${day}`;
}

/** Compares two days as far as `precision` goes: negative, zero or positive. */
export function compareAt(a: CalendarDay, b: CalendarDay, precision: Precision): number {
  if (a.year !== b.year || precision === 'year') return a.year - b.year;
  if (a.month !== b.month || precision === 'month') return a.month - b.month;
  return a.day - b.day;
}

/** Parses an article date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), filling missing parts with the middle of the period. */
export function parseArticleDate(date: string): CalendarDay | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 7, day: m[3] ? Number(m[3]) : m[2] ? 15 : 1 };
}

/** How many of the precisions are at least as fine as `p` (day 3, month 2, year 1). */
export function fineness(p: Precision): number {
  return p === 'day' ? 3 : p === 'month' ? 2 : 1;
}
