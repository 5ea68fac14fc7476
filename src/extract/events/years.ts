/**
 * Bare years (`in 1979`, `the 1979 hostage crisis`, `since 2010`), which chrono-node does not
 * report on their own. A four-digit number only counts as a year after a word that introduces
 * one, and not when it reads as a quantity (`of 1500 people`, `2,000`, `1990s`, `2004-05`, `2000%`).
 */
import type { CalendarDay } from './calendar.js';
import type { StatedDate } from './resolve.js';

const YEAR = /\b(in|since|by|until|till|from|during|before|after|of|the|early|late|mid|circa|around)[\s-]+(1\d{3}|20\d{2})\b/gi;

/** What may not follow a year: a plural or decade `s`, a range or a decimal, a percent sign. */
const NOT_A_YEAR_AFTER = /^(?:['’]?s\b|[-–/.,:]\d|\s*%)/;

/** A 24-hour clock time (`by 1030 GMT`, `from 1130 to 1215 GMT`), not a year. */
const CLOCK_TIME_AFTER = /^(?:\s*(?:-|–|to|and)\s*\d{4})?\s*(?:GMT|BST|UTC|CET|EST|EDT|PST|PDT|ET|hrs|hours|h|local time)\b/i;

/** Words that also introduce counts, after which a plural noun means the number is a quantity. */
const COUNT_LEAD = new Set(['of', 'the', 'around']);

const LOOSE_LEAD = new Set(['early', 'late', 'mid', 'circa', 'around', 'by', 'before', 'after']);

/** Bare years in `sentence` outside `covered` (spans chrono already read); `refYear` decides `future`. */
export function bareYears(sentence: string, covered: ReadonlyArray<[number, number]>, refYear: number | null): StatedDate[] {
  const out: StatedDate[] = [];
  for (const m of sentence.matchAll(YEAR)) {
    const lead = (m[1] ?? '').toLowerCase();
    const digits = m[2] ?? '';
    const start = (m.index ?? 0) + m[0].length - digits.length;
    const end = start + digits.length;
    const year = Number(digits);
    if (covered.some(([a, b]) => start < b && end > a)) continue;
    const after = sentence.slice(end, end + 24);
    if (NOT_A_YEAR_AFTER.test(after) || CLOCK_TIME_AFTER.test(after)) continue;
    if (COUNT_LEAD.has(lead) && (year < 1600 || /^\s+(?:people|staff|[a-z]*[^s\s]s)\b/.test(after))) continue;
    const day: CalendarDay = { year, month: 1, day: 1 };
    out.push({
      day,
      precision: 'year',
      approximate: LOOSE_LEAD.has(lead),
      future: refYear !== null && year > refYear,
      start,
      end,
      text: digits,
    });
  }
  return out;
}
