/**
 * Turns the date expressions chrono-node finds in one sentence into resolved calendar dates with
 * an honest precision, keeping only those that name a point in time (not a duration, a clock time
 * or a word that merely looks like a date), and resolving relative ones against the article's
 * publication date, backwards for past-tense reporting.
 */
// The English locale alone: importing the package root loads every locale (~0.2 s at start-up).
import type * as chrono from 'chrono-node/en';
import type { Precision } from '../../types.js';
import { addDays, compareAt, fineness, noonUtc, type CalendarDay } from './calendar.js';
import { parseDates } from './chronoGate.js';
import { clauseTense, isApproximate } from './cues.js';

/** The publication date relative expressions resolve against. */
export interface DateReference {
  /** The article's date, with missing parts filled with the middle of the period. */
  day: CalendarDay;
  /** How precisely the article's date is known: relative expressions finer than this are not placed. */
  precision: Precision;
}

/** A date stated by a sentence. */
export interface StatedDate {
  /** The resolved day (for month or year precision, its other parts mean nothing). */
  day: CalendarDay;
  /** How precisely the text gives the date. */
  precision: Precision;
  /** True when the text gives it loosely. */
  approximate: boolean;
  /** True when it lies after the publication date. */
  future: boolean;
  /** Offset of the expression in the sentence. */
  start: number;
  /** Offset just after it. */
  end: number;
  /** The expression as written. */
  text: string;
}

/** Any reference works for absolute dates; this fixed one keeps undated articles deterministic. */
const UNDATED_REFERENCE: CalendarDay = { year: 2000, month: 1, day: 1 };

/** Relative expressions that count from the story's own timeline, not from the publication date. */
const NARRATIVE_RELATIVE = /^(?:next|previous|following|same) (?:day|week|month|year)$/i;

/** `later in the year`, `five years after`, `two days later`: relative to the story, not the publication. */
const STORY_RELATIVE = /^(?:in )?the (?:day|week|month|year)$|\b(?:after|later|before|earlier|on)$/i;

/** `the last few years`, `next three months`: a stretch of time, not a point in it. */
const STRETCH = /^(?:the )?(?:last|past|next|coming)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades)$/i;

/** Durations and clock times: not points on a calendar. */
const DURATION = /(?:^|\s)(?:for|past|over|after)\s|\b(?:hours?|minutes?|seconds?)\b/i;

/** Words before a relative expression that make it a length of time (`for 10 years`). */
const DURATION_LEAD = /\b(?:for|over|past|last|during|than)\s+$/i;

/** Words just before a bare month name that make it a date (`in May`, `since March`, `early June`). */
const MONTH_LEAD = /\b(?:in|for|since|by|until|till|from|during|through|throughout|early|late|mid|last|this|next|before|after|of)[\s-]*$/i;

/** The date expressions chrono-node finds in `sentence`, resolved; `reference` null for an undated article. */
export function chronoDates(sentence: string, reference: DateReference | null): { dates: StatedDate[]; spans: Array<[number, number]> } {
  const ref = reference?.day ?? UNDATED_REFERENCE;
  const results = parseDates(sentence, { instant: noonUtc(ref), timezone: 0 });
  const dates: StatedDate[] = [];
  const spans: Array<[number, number]> = [];
  for (const result of results) {
    spans.push([result.index, result.index + result.text.length]);
    const stated = resolveResult(result, sentence, reference);
    if (stated) dates.push(stated);
  }
  return { dates, spans };
}

function resolveResult(result: chrono.ParsedResult, sentence: string, reference: DateReference | null): StatedDate | null {
  const s = result.start;
  const text = result.text.replace(/[\s,.;:]+$/, '');
  const start = result.index;
  const end = start + text.length;
  const tags = result.tags();
  const certain = { year: s.isCertain('year'), month: s.isCertain('month'), day: s.isCertain('day'), weekday: s.isCertain('weekday') };
  if (!certain.year && !certain.month && !certain.day && !certain.weekday) return null; // a clock time, `this morning`
  if (tags.has('casualReference/now') || DURATION.test(text)) return null;
  if (tags.has('result/relativeDate') && DURATION_LEAD.test(sentence.slice(Math.max(0, start - 12), start))) return null;
  const bare = text.replace(/^(?:on|in|at)\s+/i, '');
  if (NARRATIVE_RELATIVE.test(bare) && /\bthe\s+$/i.test(sentence.slice(Math.max(0, start - 5), start))) return null;
  if (STORY_RELATIVE.test(bare) || STRETCH.test(bare)) return null;
  if (tags.has('parser/SlashDateFormatParser') && !certain.year) return null; // `9/11`: a name, not a date
  const weekdayOnly = certain.weekday && !certain.day && !certain.month;
  // `Sunday Times`, `Monday Night Football`: a weekday starting a capitalised name.
  if (weekdayOnly && !certain.year && /^\s+\p{Lu}/u.test(sentence.slice(end, end + 3))) return null;
  const monthOnly = certain.month && !certain.day && !certain.year && !certain.weekday;
  if (monthOnly && (!/\p{Lu}/u.test(text) || !MONTH_LEAD.test(sentence.slice(Math.max(0, start - 24), start)))) return null;

  const precision: Precision = certain.day || certain.weekday ? 'day' : certain.month ? 'month' : 'year';
  const year = s.get('year');
  const month = s.get('month');
  const dayOfMonth = s.get('day');
  if (year === null || month === null || dayOfMonth === null || year < 1000 || year > 2999) return null;
  let day: CalendarDay = { year, month, day: dayOfMonth };

  const absolute = certain.year && new RegExp(`\\b${year}\\b`).test(text);
  if (!absolute) {
    // `in the year to October`: a statistic's period, whose end chrono does not read.
    if (/^in the \w+ to\b/i.test(text)) return null;
    // Relative or year-less: needs a publication date at least as precise as the expression.
    if (!reference || fineness(precision) > fineness(reference.precision)) return null;
    day = leanWithTense(day, precision, certain, sentence, start, end, reference.day);
  }
  let stated: Precision = precision;
  let approximate = isApproximate(sentence, start, end);
  // `within 50 days` is a deadline, not a day: place it loosely, at the precision its span allows.
  if (/^within\b/i.test(bare) || /\bwithin\s+$/i.test(sentence.slice(Math.max(0, start - 8), start))) {
    approximate = true;
    stated = deadlinePrecision(text);
  }
  const future = reference !== null && isAfter(day, precision, reference.day, sentence, start);
  return { day, precision: stated, approximate, future, start, end, text };
}

/** Number words chrono reads in spans (`within two weeks`). */
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * How precisely a deadline (`within 50 days`) places its end: a few days or a fortnight still name
 * the day loosely, longer spans only the month, spans of several months or years only the year.
 */
function deadlinePrecision(text: string): Precision {
  const m = /(\d+|[a-z]+)\s+(day|week|month|year)s?\b/i.exec(text);
  if (!m) return 'month';
  const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? 10);
  const days = count * { day: 1, week: 7, month: 30, year: 365 }[m[2]!.toLowerCase() as 'day' | 'week' | 'month' | 'year'];
  return days <= 14 ? 'day' : days <= 92 ? 'month' : 'year';
}

/**
 * chrono picks the nearest weekday and the nearest year for `on Sunday` and `March 3`; news
 * reports the past, so in a past-tense clause a date after publication moves back a week (or a
 * year), and in a future-tense clause a date before it moves forward.
 */
function leanWithTense(
  day: CalendarDay,
  precision: Precision,
  certain: { year: boolean; month: boolean; day: boolean; weekday: boolean },
  sentence: string,
  start: number,
  end: number,
  ref: CalendarDay,
): CalendarDay {
  const weekdayOnly = certain.weekday && !certain.day && !certain.month;
  const yearImplied = !certain.year && (certain.month || certain.day);
  if (!weekdayOnly && !yearImplied) return day;
  const tense = clauseTense(sentence, start, end);
  const order = compareAt(day, ref, precision);
  const shift = tense === 'past' && order > 0 ? -1 : tense === 'future' && order < 0 ? 1 : 0;
  if (shift === 0) return day;
  return weekdayOnly ? addDays(day, 7 * shift) : { ...day, year: day.year + shift };
}

/** After the publication date at the date's precision; `later this year` counts as after. */
function isAfter(day: CalendarDay, precision: Precision, ref: CalendarDay, sentence: string, start: number): boolean {
  const order = compareAt(day, ref, precision);
  return order > 0 || (order === 0 && precision !== 'day' && /\blater\s+$/i.test(sentence.slice(Math.max(0, start - 8), start)));
}
