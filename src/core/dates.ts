/**
 * Reading a date cell (SPEC "The contracts sheet" → Dates). A cell is a date only when it is
 * unmistakably one: a Date value, ISO text, the sheet locale's numeric form with a 4-digit year,
 * or an English month name. Anything else is bad data with a reason, never a guess.
 */
import { Day, dayFromYmd, daysInMonth, monthName } from './days';

export type DateCell =
  | { kind: 'empty' }
  | { kind: 'date'; day: Day }
  | { kind: 'bad'; text: string; reason: string };

/** How every reason ends: the one way to write a date that always works. */
export const DATE_EXAMPLE = 'Write it like 2026-10-01.';

/** Locales that write numeric dates month first (10/01/2026 = October 1). All others: day first. */
export const MONTH_FIRST_LOCALES: readonly string[] = ['en_US', 'en_PH', 'fil_PH', 'es_US'];

/** Whether the locale writes numeric dates day first (en_GB: 01/10/2026 = 1 October). */
export function isDayFirstLocale(locale: string): boolean {
  const wanted = String(locale).trim().replace(/-/g, '_').toLowerCase();
  return !MONTH_FIRST_LOCALES.some((l) => l.toLowerCase() === wanted);
}

const MONTHS_BY_NAME: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = { sept: 9 };
  for (let m = 1; m <= 12; m++) {
    const name = monthName(m).toLowerCase();
    table[name] = m;
    table[name.slice(0, 3)] = m;
  }
  return table;
})();

/** Error values Sheets shows in a cell; getValues() returns them as these strings. */
const ERROR_VALUE = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;

/** An optional time after the date: ' 10:00', 'T10:00:00', ' 9:30 PM'. The time is ignored. */
const TIME = String.raw`(?:[T ]\s*(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?`;
const ORDINAL = '(?:st|nd|rd|th)?';

const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const NUMERIC_SHORT_YEAR = /^\d{1,2}([-/.])\d{1,2}\1\d{2}$/;
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]+)\.?[\s-]*(\d{1,2})${ORDINAL},?[\s-]+(\d{2}|\d{4})${TIME}$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})${ORDINAL}\.?[\s-]*([A-Za-z]+)\.?,?[\s-]+(\d{2}|\d{4})${TIME}$`);

/**
 * Read one cell from getValues(). `dayOfDate` converts a Date value to its calendar day in the
 * spreadsheet's time zone (the adapter supplies it); `locale` is the spreadsheet's locale.
 */
export function readDateCell(value: unknown, locale: string, dayOfDate: (d: Date) => Day): DateCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    if (isNaN(date.getTime())) return bad('', `The cell holds an invalid date. ${DATE_EXAMPLE}`);
    return { kind: 'date', day: dayOfDate(date) };
  }
  if (typeof value === 'number') {
    return bad(String(value), `${String(value)} is a number, not a date. ${DATE_EXAMPLE}`);
  }
  if (typeof value === 'boolean') {
    const text = value ? 'TRUE' : 'FALSE';
    return bad(text, `${text} is a checkbox value, not a date. ${DATE_EXAMPLE}`);
  }
  const text = String(value).trim();
  if (text === '') return { kind: 'empty' };
  return readDateText(text, isDayFirstLocale(locale));
}

function bad(text: string, reason: string): DateCell {
  return { kind: 'bad', text, reason };
}

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

function readDateText(text: string, dayFirst: boolean): DateCell {
  if (ERROR_VALUE.test(text)) {
    return bad(text, `The cell shows the error ${text.toUpperCase()}, not a date. Fix the formula, or ${lowerFirst(DATE_EXAMPLE)}`);
  }
  let match = YEAR_FIRST.exec(text);
  if (match) return fromParts(text, Number(match[1]), Number(match[3]), Number(match[4]));

  match = NUMERIC.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = Number(match[4]);
    const order = dayFirst ? 'day/month/year' : 'month/day/year';
    if ((dayFirst ? second : first) > 12) {
      return bad(text, `${quoted(text)} is not a date in this spreadsheet's order (${order}). ${DATE_EXAMPLE}`);
    }
    return dayFirst ? fromParts(text, year, second, first) : fromParts(text, year, first, second);
  }
  if (NUMERIC_SHORT_YEAR.test(text)) return shortYear(text);

  match = MONTH_DAY_YEAR.exec(text);
  if (match && monthNumber(match[1]) !== null) {
    if (match[3].length === 2) return shortYear(text);
    return fromParts(text, Number(match[3]), monthNumber(match[1])!, Number(match[2]));
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match && monthNumber(match[2]) !== null) {
    if (match[3].length === 2) return shortYear(text);
    return fromParts(text, Number(match[3]), monthNumber(match[2])!, Number(match[1]));
  }
  return bad(text, `${quoted(text)} is not a date. ${DATE_EXAMPLE}`);
}

function monthNumber(word: string): number | null {
  return MONTHS_BY_NAME[word.toLowerCase()] ?? null;
}

function shortYear(text: string): DateCell {
  return bad(text, `${quoted(text)} has a 2-digit year; write all 4 digits. ${DATE_EXAMPLE}`);
}

function fromParts(text: string, year: number, month: number, day: number): DateCell {
  const result = dayFromYmd(year, month, day);
  if (result !== null) return { kind: 'date', day: result };
  const why = month < 1 || month > 12
    ? `there is no month ${month}`
    : `${monthName(month)} ${year} has ${daysInMonth(year, month)} days`;
  return bad(text, `${quoted(text)} is not a real date (${why}). ${DATE_EXAMPLE}`);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
