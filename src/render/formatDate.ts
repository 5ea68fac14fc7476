/**
 * Dates for readers, at exactly the precision known: `30 January 2024`, `January 2024`, `2024`.
 * Written out by hand rather than with Intl so the output never depends on the machine's locale or
 * time zone.
 */
import { MONTH_NAMES } from '../parse/isoDate.js';
import type { Precision } from '../types.js';

export function formatDate(date: string | null | undefined, precision?: Precision | null): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  const known = precision ?? (day ? 'day' : month ? 'month' : 'year');
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (known === 'day' && day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (known !== 'year' && monthName) return `${monthName} ${year}`;
  return year ?? '';
}
