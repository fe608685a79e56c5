import type { Weekday } from './types';

/** When the automatic audit runs. */
export interface ScheduleConfig {
  frequency: 'monthly' | 'weekly';
  /** 1-28, used when monthly. */
  dayOfMonth: number;
  /** Used when weekly. */
  weekday: Weekday;
  /** 0-23, in the spreadsheet's time zone. */
  hour: number;
}

/** The default (README "Automation: the automatic audit"): monthly, on day 1, at 9 o'clock. */
export const DEFAULT_SCHEDULE: { frequency: 'monthly'; dayOfMonth: 1; weekday: 'MONDAY'; hour: 9 } =
  Object.freeze({ frequency: 'monthly', dayOfMonth: 1, weekday: 'MONDAY', hour: 9 } as const);

/** `ScriptApp.WeekDay` names, Monday first. */
export const WEEKDAYS: readonly Weekday[] = Object.freeze([
  'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY',
] as const);

/** Fields of a `Schedule` that are reported, not chosen; accepted and ignored on input. */
const REPORTED_FIELDS = ['enabled', 'nextRun', 'lastRun', 'lastError'];
const INPUT_FIELDS = ['frequency', 'dayOfMonth', 'weekday', 'hour'];

/**
 * The schedule `input` asks for, with `base` (default: DEFAULT_SCHEDULE) filling the fields it
 * leaves out. Throws an Error naming the field and its allowed values for anything else:
 * frequency monthly|weekly, dayOfMonth 1-28, weekday MONDAY..SUNDAY (any case), hour 0-23.
 */
export function parseScheduleInput(input: unknown, base: ScheduleConfig = DEFAULT_SCHEDULE): ScheduleConfig {
  const result: ScheduleConfig = { ...base };
  if (input === undefined || input === null) return result;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new Error('The schedule must be given as { frequency, dayOfMonth, weekday, hour }.');
  }
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!INPUT_FIELDS.includes(key) && !REPORTED_FIELDS.includes(key)) {
      throw new Error(`Unknown schedule field "${key}". Fields are: ${INPUT_FIELDS.join(', ')}.`);
    }
  }
  const { frequency, dayOfMonth, weekday, hour } = fields;
  if (frequency !== undefined) {
    const value = typeof frequency === 'string' ? frequency.trim().toLowerCase() : '';
    if (value !== 'monthly' && value !== 'weekly') throw new Error('frequency must be "monthly" or "weekly".');
    result.frequency = value;
  }
  if (dayOfMonth !== undefined) {
    result.dayOfMonth = wholeNumberIn(dayOfMonth, 1, 28, 'dayOfMonth must be a whole number from 1 to 28.');
  }
  if (weekday !== undefined) {
    const value = typeof weekday === 'string' ? weekday.trim().toUpperCase() : '';
    const found = WEEKDAYS.find((day) => day === value);
    if (!found) throw new Error(`weekday must be one of ${WEEKDAYS.join(', ')}.`);
    result.weekday = found;
  }
  if (hour !== undefined) {
    result.hour = wholeNumberIn(hour, 0, 23, 'hour must be a whole number from 0 to 23.');
  }
  return result;
}

function wholeNumberIn(value: unknown, min: number, max: number, rule: string): number {
  const number = typeof value === 'number' ? value
    : typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(rule);
  return number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The next run strictly after `nowMs`, as an ISO 8601 date-time with the zone's offset
 * ('2026-12-01T09:00:00-05:00'). `offsetMinutes(ms)` is the zone's UTC offset at that instant;
 * each candidate run uses the offset in force at it, so DST changes are respected.
 */
export function nextRunAfter(cfg: ScheduleConfig, nowMs: number, offsetMinutes: (ms: number) => number): string {
  const today = Math.floor((nowMs + offsetMinutes(nowMs) * MINUTE_MS) / DAY_MS);
  for (const day of candidateDays(cfg, today)) {
    const runMs = instantOfLocal(day * DAY_MS + cfg.hour * 60 * MINUTE_MS, offsetMinutes);
    if (runMs > nowMs) return isoDateTime(runMs, offsetMinutes(runMs));
  }
  throw new Error('Could not work out the next run of this schedule.');
}

/** Local calendar days (days since 1970-01-01) the schedule may run on, from `today` on. */
function candidateDays(cfg: ScheduleConfig, today: number): number[] {
  if (cfg.frequency === 'weekly') {
    const wanted = (WEEKDAYS.indexOf(cfg.weekday) + 1) % 7; // JavaScript: 0 = Sunday
    const days: number[] = [];
    for (let day = today; day <= today + 8; day++) {
      if (new Date(day * DAY_MS).getUTCDay() === wanted) days.push(day);
    }
    return days;
  }
  const date = new Date(today * DAY_MS);
  const days: number[] = [];
  for (let month = 0; month <= 2; month++) {
    const ms = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + month, cfg.dayOfMonth);
    days.push(Math.floor(ms / DAY_MS));
  }
  return days;
}

/**
 * The instant a local wall-clock time (given as ms as if it were UTC) happens. In a DST gap the
 * time does not exist and the instant an hour later on the wall clock is used; in an overlap,
 * the first occurrence.
 */
function instantOfLocal(localMs: number, offsetMinutes: (ms: number) => number): number {
  const before = localMs - offsetMinutes(localMs - DAY_MS) * MINUTE_MS;
  const after = localMs - offsetMinutes(localMs + DAY_MS) * MINUTE_MS;
  const candidates = [before, after].filter((ms) => ms + offsetMinutes(ms) * MINUTE_MS === localMs);
  if (candidates.length > 0) return Math.min(...candidates);
  return Math.max(before, after); // in a gap: the later reading, i.e. the wall clock jumped forward
}

/** `ms` written as an ISO 8601 date-time at the given UTC offset: '2026-11-28T04:10:00-05:00'. */
export function isoDateTime(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
    + `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
    + `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The schedule in words: 'Monthly on day 1 around 09:00' / 'Weekly on Monday around 09:00'.
 * "Around": Apps Script runs an atHour() trigger some time within that hour.
 */
export function describeSchedule(cfg: Pick<ScheduleConfig, 'frequency' | 'dayOfMonth' | 'hour'> & { weekday: string }): string {
  const when = cfg.frequency === 'weekly'
    ? `Weekly on ${cfg.weekday.charAt(0)}${cfg.weekday.slice(1).toLowerCase()}`
    : `Monthly on day ${cfg.dayOfMonth}`;
  return `${when} around ${pad(cfg.hour)}:00`;
}
