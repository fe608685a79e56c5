/**
 * Calendar days as plain numbers: no time zones, no clocks. A `Day` counts days since
 * 1970-01-01 in the proleptic Gregorian calendar, so one day is always exactly 1 and the
 * arithmetic cannot be shifted by daylight saving time or by the machine's time zone.
 */

/** A calendar date as a whole number of days since 1970-01-01 (proleptic Gregorian). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

const MONTH_NAMES: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The English name of a month, 1 = January. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** The day for year/month/day (month 1-12), or null when that is not a real date (Feb 30). */
export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The year, month (1-12) and day of month of a day. */
export function ymdOfDay(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** How many days a month has (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO form of a day: '2026-10-01'. */
export function isoOfDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** The day written strictly as 'YYYY-MM-DD', or null (wrong shape or not a real date). */
export function dayFromIso(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!match) return null;
  return dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The day `n` days after `day` (before it when n is negative). */
export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** A day written for people, in English: 'December 5, 2026'. */
export function humanDate(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${monthName(month)} ${d}, ${year}`;
}
