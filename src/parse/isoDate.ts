/**
 * Dates as Dossier stores them: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with their precision. Checked by
 * arithmetic, never through `Date`, which would quietly roll 2024-13-45 into 2025.
 */
import type { Precision } from '../types.js';

/** A date known to a day, a month or a year. */
export interface PartialDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  /** Which of the three forms `value` has. */
  precision: Precision;
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO-style date (a time part is allowed and ignored: the calendar date as written is kept). */
export function parseIsoDate(text: string): PartialDate | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (whyNotCalendarDate(text) !== null) return null;
  if (day !== undefined) return { value: `${year}-${pad(month!)}-${pad(day)}`, precision: 'day' };
  if (month !== undefined) return { value: `${year}-${pad(month)}`, precision: 'month' };
  return { value: year!, precision: 'year' };
}

/** Why an ISO-looking date is not a real one (`month 13`, `day 31 of April 2024`), or null when it is fine or not ISO-looking at all. */
export function whyNotCalendarDate(text: string): string | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return `month ${month}`;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `day ${day} of ${MONTH_NAMES[month - 1]} ${year}`;
  }
  return null;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** English month names, for messages and display. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function pad(part: string): string {
  return part.padStart(2, '0');
}
