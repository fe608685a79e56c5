/**
 * Calendar days and offsets in the spreadsheet's time zone, through Utilities.formatDate
 * (the one time-zone-aware tool every Apps Script runtime has).
 */
import { dayFromYmd, ymdOfDay, type Day } from '../core/days';

/** A converter from Date values (cells, the clock) to calendar days in `timeZone`, memoised per instant. */
export function dayOfDateIn(timeZone: string): (d: Date) => Day {
  const memo = new Map<number, Day>();
  return (d: Date): Day => {
    const ms = d.getTime();
    let day = memo.get(ms);
    if (day === undefined) {
      // Not dayFromIso: a cell may hold a year of 5 digits (10000), which the audit then reports as bad data.
      const match = /^(\d+)-(\d{2})-(\d{2})$/.exec(Utilities.formatDate(d, timeZone, 'yyyy-MM-dd'));
      day = (match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null) ?? Math.floor(ms / 86400000);
      memo.set(ms, day);
    }
    return day;
  };
}

/** Today's calendar day in `timeZone`. */
export function todayIn(timeZone: string): Day {
  return dayOfDateIn(timeZone)(new Date());
}

/** The time zone's offset from UTC, in minutes, at the instant `ms` (e.g. -300 for New York in winter). */
export function offsetMinutesIn(timeZone: string): (ms: number) => number {
  return (ms: number): number => {
    const z = Utilities.formatDate(new Date(ms), timeZone, 'Z'); // '+0530', '-0500'
    const sign = z.charAt(0) === '-' ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
}

/**
 * The Date a date cell holding `day` has: the start of that day in `timeZone` (midnight, or
 * 01:00 where a DST change skips midnight, as in America/Santiago). Both offsets around the
 * change are tried, and the earliest instant that falls on `day` wins.
 */
export function dateOfDay(day: Day, timeZone: string): Date {
  const { year, month, day: d } = ymdOfDay(day);
  const utcMidnight = Date.UTC(year, month - 1, d);
  const offset = offsetMinutesIn(timeZone);
  const before = utcMidnight - offset(utcMidnight - 86400000) * 60000;
  const after = utcMidnight - offset(utcMidnight + 86400000) * 60000;
  const onDay = dayOfDateIn(timeZone);
  const candidates = [before, after, after + 3600000].filter((ms) => onDay(new Date(ms)) === day).sort((a, b) => a - b);
  return new Date(candidates.length > 0 ? candidates[0] : utcMidnight - offset(utcMidnight) * 60000);
}
