/**
 * chrono-node's casual English parse, with the same results, but cheaper. chrono runs each of its
 * 18 parsers' regexes over every sentence; each starts with `(\W|^)`, so V8 tries the whole large
 * alternation at every position, and most sentences cannot match most parsers (a sentence with no
 * month name cannot hold `March 3`). Here each parser first gets a cheap literal test that is a
 * necessary condition of its regex; parsers whose test fails are left out of that sentence's run,
 * and a sentence no parser can match skips chrono entirely.
 *
 * Why the results cannot change:
 * - Each test asks for a piece of text (a literal, or digits) that every match of the parser's
 *   regex contains, with the same `i` flag (ASCII case folding, as chrono's regexes have no `u`).
 *   It is a test of containment with no anchors or word boundaries, so it also holds for the tails
 *   of the sentence chrono re-runs a parser on after a rejected match.
 * - A parser that cannot match adds no result. chrono concatenates results in parser order and
 *   sorts them by position with a stable sort, so leaving such parsers out keeps the order.
 * - Refiners only transform the results they are given (merging ones need two), so no results in,
 *   none out.
 * - A parser this file does not know (a chrono update) always runs. `tests/chrono-gate.test.ts`
 *   compares every result with plain `chrono.parse` on sentences of every kind.
 */
import * as chrono from 'chrono-node/en';

type Parser = chrono.Chrono['parsers'][number];

/** The literal pieces the tests look for; computed once per sentence, shared by parsers. */
interface Hints {
  /** A digit. */
  digit: boolean;
  /** Four digits in a row. */
  fourDigits: boolean;
  /** A three-letter month stem (every month name and abbreviation chrono knows contains one). */
  month: boolean;
}

const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/**
 * Necessary conditions by parser class (chrono-node 2.10, English casual configuration): what any
 * match of the parser's regex must contain.
 */
const GATES: ReadonlyMap<string, (text: string, hints: Hints) => boolean> = new Map<string, (text: string, hints: Hints) => boolean>([
  // `2024-01-30`, `2024/Jan/30`: four digits, then more.
  ['ENYearMonthDayParser', (_, h) => h.fourDigits],
  // `2024-01-30T…`: four digits and a hyphen before a digit.
  ['ISOFormatParser', (t, h) => h.fourDigits && /\d{4}-\d/.test(t)],
  // `1/30`, `30.1.2024`: a digit, a separator, a digit.
  ['SlashDateFormatParser', (t, h) => h.digit && /\d[/.-]\d/.test(t)],
  // `within|in|for` + an amount: `within` contains `in`.
  ['ENTimeUnitWithinFormatParser', (t) => /in|for/i.test(t)],
  ['ENMonthNameLittleEndianParser', (_, h) => h.month],
  ['ENMonthNameMiddleEndianParser', (_, h) => h.month],
  // Weekday names and abbreviations, `weekend`, `weekday`.
  ['ENWeekdayParser', (t) => /sun|mon|tue|wed|thu|fri|sat|week/i.test(t)],
  // `1/2024`: a digit, a slash, a digit.
  ['ENSlashMonthFormatParser', (t, h) => h.digit && /\d\/\d/.test(t)],
  // `10:30`, `5pm`, `at 5`: the hour's digits.
  ['ENTimeExpressionParser', (_, h) => h.digit],
  ['ENTimeUnitAgoFormatParser', (t) => /ago|before|earlier/i.test(t)],
  ['ENTimeUnitLaterFormatParser', (t) => /later|after|from now|henceforth|forward|out/i.test(t)],
  // `2024 March`, `1066 AD Oct`: digits and a month.
  ['ENYearMonthNameParser', (_, h) => h.digit && h.month],
  // `last night` is covered by `last`.
  ['ENCasualDateParser', (t) => /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last/i.test(t)],
  // `midnight` is covered by `night`.
  ['ENCasualTimeParser', (t) => /morning|afternoon|evening|night|midday|noon/i.test(t)],
  ['ENEndOfCurrentMonthParser', (t) => /month/i.test(t)],
  ['ENMonthNameParser', (_, h) => h.month],
  // `after this` is covered by `after`.
  ['ENRelativeDateFormatParser', (t) => /this|last|past|next|after/i.test(t)],
  ['ENTimeUnitCasualRelativeFormatParser', (t) => /this|last|past|next|after|[+-]/i.test(t)],
]);

const ALWAYS = (): boolean => true;

/** The casual English configuration's parsers, each with its test, in chrono's order. */
const PARSERS: ReadonlyArray<{ parser: Parser; mayMatch: (text: string, hints: Hints) => boolean }> = chrono.casual.parsers.map((parser) => ({
  parser,
  mayMatch: GATES.get(parser.constructor.name) ?? ALWAYS,
}));

/** A private copy of the casual parser, whose parser list is set per sentence. */
const gated = chrono.casual.clone();

/** Exactly `chrono.parse(text, reference, option)` (the casual English parser), faster. */
export function parseDates(text: string, reference: chrono.ParsingReference | Date, option?: chrono.ParsingOption): chrono.ParsedResult[] {
  const hints: Hints = { digit: /\d/.test(text), fourDigits: /\d{4}/.test(text), month: MONTH.test(text) };
  const parsers: Parser[] = [];
  for (const { parser, mayMatch } of PARSERS) if (mayMatch(text, hints)) parsers.push(parser);
  if (parsers.length === 0) return [];
  gated.parsers = parsers;
  return gated.parse(text, reference, option);
}
