/**
 * Dates for readers, at exactly the precision known: `30 January 2024`, `January 2024`, `2024`.
 * Written out by hand rather than with Intl so the output never depends on the machine's locale or
 * time zone.
 */
import { MONTH_NAMES } from '../parse/isoDate.js';
import type { Precision } from '../types.js';

export function formatDate(date: string | null | undefined, precision?: Precision | null): string {
  if (!date) return '';
  if (isFullDate(date)) {
    // `YYYY-MM-DD`, read by char codes (the common case, on every card and event of every page):
    // the same text as the general path below, without splitting.
    const monthName = MONTH_NAMES[digits(date, 5) - 1];
    const year = date.slice(0, 4);
    const known = precision ?? 'day';
    if (known === 'day' && monthName !== undefined) return `${digits(date, 8)} ${monthName} ${year}`;
    if (known !== 'year' && monthName !== undefined) return `${monthName} ${year}`;
    return year;
  }
  const [year, month, day] = date.split('-');
  const known = precision ?? (day ? 'day' : month ? 'month' : 'year');
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (known === 'day' && day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (known !== 'year' && monthName) return `${monthName} ${year}`;
  return year ?? '';
}

/** `YYYY-MM-DD`: four digits, two, two. */
function isFullDate(date: string): boolean {
  if (date.length !== 10 || date.charCodeAt(4) !== 0x2d || date.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) {
    const c = date.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/** The two-digit number at `at`. */
function digits(date: string, at: number): number {
  return (date.charCodeAt(at) - 0x30) * 10 + (date.charCodeAt(at + 1) - 0x30);
}
