/**
 * Calendar dates as articles write them. Strict on purpose: a date is only accepted when the whole
 * string is one date and that day exists, so `31 April 2024` or `2024-13-45` never roll over into
 * another month. Every pattern is anchored or bounded, so scanning untrusted text stays linear.
 */
import type { Block, Precision } from '../types.js';
import { blockTexts } from './text/vocabulary.js';

/** Month numbers by lower-case name and abbreviation (`sept` included, as news style writes it). */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Capitalised month names and abbreviations, for finding dates inside running text. */
const MONTH_ALTERNATION =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

const ORDINAL = '(?:st|nd|rd|th)?';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `30 January 2024`, `30th of Jan. 2024`, `30 January, 2024`. */
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})${ORDINAL} (?:of )?([A-Za-z]{3,9})\\.?,? (\\d{4})$`);
/** `January 30, 2024`, `Jan. 3 2020`, `May 20th, 2024`. */
const MONTH_DAY_YEAR = new RegExp(`^([A-Za-z]{3,9})\\.? (\\d{1,2})${ORDINAL},? (\\d{4})$`);
/** `January 2024`: a month-precision dateline. */
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?,? (\d{4})$/;

/** Full dates inside running text; each hit is re-checked with `parseFullDate`. */
const DATE_IN_TEXT = new RegExp(
  `\\b(?:\\d{1,2}${ORDINAL}\\s{1,3}(?:of\\s)?(?:${MONTH_ALTERNATION})\\.?,?\\s{1,3}\\d{4}` +
    `|(?:${MONTH_ALTERNATION})\\.?\\s{1,3}\\d{1,2}${ORDINAL},?\\s{1,3}\\d{4}` +
    `|\\d{4}-\\d{2}-\\d{2})\\b`,
  'g',
);

/** Dateline decorations that may surround the date: a label, a weekday, a time of day. */
const DATELINE_LABEL = /^(?:(?:first )?(?:published|posted|updated|last updated)(?: on)?:? )/i;
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,? /i;
const TIME_OF_DAY = /,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?$/i;

/**
 * Strictly parses one full calendar date written the common ways (`30 January 2024`,
 * `January 30, 2024`, `Jan. 3, 2020`, `2024-01-30`); returns `YYYY-MM-DD`, or null when the text is
 * not exactly one date or the day does not exist.
 */
export function parseFullDate(text: string): string | null {
  if (text.length > 60) return null;
  const t = text.trim().replace(/\s+/g, ' ');
  const iso = ISO_DATE.exec(t);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(t);
  if (dmy) return validDate(Number(dmy[3]), monthNumber(dmy[2]), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (mdy) return validDate(Number(mdy[3]), monthNumber(mdy[1]), Number(mdy[2]));
  return null;
}

/** A date standing alone as a dateline, with how precise it is. */
export interface DatelineDate {
  /** `YYYY-MM-DD` or `YYYY-MM`, matching `precision`. */
  date: string;
  /** `day` for a full date, `month` for `January 2024`. */
  precision: Precision;
}

/**
 * Reads a line that is nothing but a date: a full date, or a month and year, optionally with a
 * `Published:`-style label, a weekday and a time of day (`Tuesday, 30 January 2024, 10:32 GMT`).
 */
export function parseDateline(line: string): DatelineDate | null {
  if (line.length > 80) return null;
  let t = line.trim().replace(/\s+/g, ' ');
  t = t.replace(DATELINE_LABEL, '').replace(WEEKDAY, '').replace(TIME_OF_DAY, '');
  const full = parseFullDate(t);
  if (full) return { date: full, precision: 'day' };
  const my = MONTH_YEAR.exec(t);
  const month = my ? monthNumber(my[1]) : null;
  if (my && month !== null) {
    const year = Number(my[2]);
    if (year >= 1000) return { date: `${my[2]}-${pad(month)}`, precision: 'month' };
  }
  return null;
}

/** Every full date stated in a piece of running text, as `YYYY-MM-DD`, in order. */
export function datesInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(DATE_IN_TEXT)) {
    const date = parseFullDate(match[0]);
    if (date) found.push(date);
  }
  return found;
}

/**
 * The latest full date the article states anywhere in its blocks (embedded posts' dates
 * included), for use as an inferred publication date; null if it states none.
 */
export function latestStatedDate(blocks: Block[]): string | null {
  let latest: string | null = null;
  const consider = (date: string | null): void => {
    if (date !== null && (latest === null || date > latest)) latest = date;
  };
  for (const block of blocks) {
    for (const text of blockTexts(block)) datesInText(text).forEach(consider);
    if (block.type === 'embed') consider(block.date);
  }
  return latest;
}

function monthNumber(name: string | undefined): number | null {
  return MONTHS.get((name ?? '').toLowerCase()) ?? null;
}

/** `YYYY-MM-DD` when the day exists in the proleptic Gregorian calendar, else null. */
function validDate(year: number, month: number | null, day: number): string | null {
  if (month === null || month < 1 || month > 12 || year < 1000 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > (lengths[month - 1] ?? 0)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
