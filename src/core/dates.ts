/**
 * Reading a date cell (README "Your contracts sheet" → Dates). A cell is a date only when it is
 * unmistakably one: a Date value, ISO text, the sheet locale's numeric form with a 4-digit year,
 * or an English month name. Anything else is bad data with a reason, never a guess.
 */
import { Day, dayFromYmd, daysInMonth, isoOfDay, monthName, ymdOfDay } from './days';

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
  const wanted = canonicalLocale(locale);
  return !MONTH_FIRST_LOCALES.some((l) => l.toLowerCase() === wanted);
}

/**
 * Languages (or language_COUNTRY) whose numeric dates use '.' or '-' between day, month and year
 * (de_DE 01.10.2026, nl_NL 01-10-2026); every other locale writes '/'. A date typed with another
 * locale's separator (01.10.2026 under en_US) is not read: it was written for another order.
 */
const DOT_LOCALES: readonly string[] = ['de', 'ru', 'pl', 'fi', 'da', 'nb', 'no', 'nn', 'tr', 'uk', 'ro', 'he', 'iw',
  'lv', 'et', 'sr', 'cs', 'sk', 'sl', 'hr', 'bg', 'be', 'kk', 'az', 'hy', 'ka', 'mk', 'bs', 'is', 'it_ch', 'fr_ch'];
const DASH_LOCALES: readonly string[] = ['nl_nl', 'es_cl', 'fy'];

function canonicalLocale(locale: string): string {
  return String(locale || '').trim().replace(/-/g, '_').toLowerCase();
}

/** The separator the locale writes numeric day/month dates with: '/', '.' or '-'. */
export function dateSeparator(locale: string): string {
  const wanted = canonicalLocale(locale);
  const language = wanted.split('_')[0];
  const inList = (list: readonly string[]) => list.indexOf(wanted) >= 0 || list.indexOf(language) >= 0;
  if (inList(DASH_LOCALES)) return '-';
  if (inList(DOT_LOCALES)) return '.';
  return '/';
}

/** How the locale writes October 1, 2026 in numbers: '10/01/2026', '01/10/2026', '01.10.2026'. */
export function numericExample(locale: string): string {
  const sep = dateSeparator(locale);
  return isDayFirstLocale(locale) ? `01${sep}10${sep}2026` : `10${sep}01${sep}2026`;
}

/** The first year the audit accepts: earlier dates are typing mistakes (a time, a wrong century). */
export const FIRST_YEAR = 2000;

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
    return plausible({ kind: 'date', day: dayOfDate(date) }, '');
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
  return plausible(readDateText(text, locale), text);
}

/**
 * A date before 2000 or after 9999 is a typing mistake, not a contract date: a time typed alone
 * (Sheets stores 9:30 as December 30, 1899), a year written 0026 or 1850, a year 10000 cell.
 */
function plausible(cell: DateCell, text: string): DateCell {
  if (cell.kind !== 'date') return cell;
  const { year } = ymdOfDay(cell.day);
  const shown = text ? `${quoted(text)} is` : 'The cell holds';
  if (year === 1899 && isoOfDay(cell.day) === '1899-12-30') {
    return bad(text, `${shown} a time of day, not a date. ${DATE_EXAMPLE}`);
  }
  if (year < FIRST_YEAR) return bad(text, `${shown} a date in the year ${year}, before ${FIRST_YEAR}: check the year. ${DATE_EXAMPLE}`);
  if (year > 9999) return bad(text, `${shown} a date in the year ${year}: check the year. ${DATE_EXAMPLE}`);
  return cell;
}

function bad(text: string, reason: string): DateCell {
  return { kind: 'bad', text, reason };
}

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

function readDateText(text: string, locale: string): DateCell {
  const dayFirst = isDayFirstLocale(locale);
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
    if (match[2] !== dateSeparator(locale)) {
      return bad(text, `${quoted(text)} is not written the way this spreadsheet writes dates `
        + `(${numericExample(locale)} is October 1, 2026 here). ${DATE_EXAMPLE}`);
    }
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
