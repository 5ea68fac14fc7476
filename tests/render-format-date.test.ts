import { describe, expect, it } from 'vitest';
import { MONTH_NAMES } from '../src/parse/isoDate.js';
import { formatDate } from '../src/render/formatDate.js';

/** The general path of `formatDate` (split on `-`), which the char-code path for `YYYY-MM-DD` must agree with. */
function reference(date: string, precision?: string | null): string {
  const [year, month, day] = date.split('-');
  const known = precision ?? (day ? 'day' : month ? 'month' : 'year');
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (known === 'day' && day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (known !== 'year' && monthName) return `${monthName} ${year}`;
  return year ?? '';
}

describe('formatDate', () => {
  it('writes full dates as the general path does, at every precision', () => {
    const dates = ['2024-05-19', '2024-00-01', '2024-13-01', '2024-12-00', '0000-01-01', '2024-05', '2024', '2024-5-1', '2024-1a-01'];
    for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) dates.push(`2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    for (const date of dates) for (const precision of [undefined, null, 'day', 'month', 'year', '']) {
      expect(formatDate(date, precision as never), `${date} ${precision}`).toBe(reference(date, precision));
    }
    expect(formatDate('2024-05-09')).toBe('9 May 2024');
  });
});
