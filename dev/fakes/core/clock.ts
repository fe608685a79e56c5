import { addCalendarDays } from './timezone';

/** The fake clock every service and the context `Date` read. */
export interface FakeClock {
  now(): Date;
  /** Fix the clock at an instant (Date or ISO string). */
  set(instant: Date | string): void;
  /** Move by whole calendar days in the spreadsheet's time zone (wall-clock time kept). */
  advanceDays(days: number): void;
  /** Move by milliseconds (Utilities.sleep uses this). */
  advance(ms: number): void;
  /** The current instant in epoch milliseconds. */
  nowMs(): number;
  /** Whether the clock is fixed (true once `now` was given or `set` called). */
  isFixed(): boolean;
}

/** Parses a Date or ISO string to epoch ms, rejecting what is not a date. */
export function toEpochMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${String(instant)}`);
  return ms;
}

/**
 * A clock fixed at `start` when given, else following real time. `timeZone` says which
 * calendar advanceDays counts in (read on each call: the spreadsheet zone can change).
 */
export function createClock(start: Date | string | undefined, timeZone: () => string): FakeClock {
  let fixedMs: number | null = start === undefined ? null : toEpochMs(start);
  let realOffsetMs = 0;
  const nowMs = (): number => (fixedMs !== null ? fixedMs : Date.now() + realOffsetMs);
  const moveTo = (ms: number): void => {
    if (fixedMs !== null) fixedMs = ms;
    else realOffsetMs += ms - nowMs();
  };
  return {
    now: () => new Date(nowMs()),
    nowMs,
    set: (instant) => { fixedMs = toEpochMs(instant); },
    advanceDays: (days) => moveTo(addCalendarDays(nowMs(), days, timeZone())),
    advance: (ms) => moveTo(nowMs() + ms),
    isFixed: () => fixedMs !== null,
  };
}

export { createZonedDate, isDate } from './zoned-date';
