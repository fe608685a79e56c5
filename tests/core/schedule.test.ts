import {
  DEFAULT_SCHEDULE, WEEKDAYS, parseScheduleInput, nextRunAfter, isoDateTime, describeSchedule, ScheduleConfig,
} from '../../src/core/schedule';

/** A zone's UTC offset in minutes at an instant, from the system's time zone data. */
function offsetIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (ms) => {
    const name = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
}
const NEW_YORK = offsetIn('America/New_York');
const LONDON = offsetIn('Europe/London');
const KATHMANDU = offsetIn('Asia/Kathmandu');
const utc = (iso: string): number => Date.parse(iso);
const monthly = (dayOfMonth: number, hour = 9): ScheduleConfig => ({ ...DEFAULT_SCHEDULE, dayOfMonth, hour });
const weekly = (weekday: ScheduleConfig['weekday'], hour = 9): ScheduleConfig => ({ ...DEFAULT_SCHEDULE, frequency: 'weekly', weekday, hour });

describe('parseScheduleInput', () => {
  it('no input: the default, monthly on day 1 at 9', () => {
    expect(parseScheduleInput(undefined)).toEqual({ frequency: 'monthly', dayOfMonth: 1, weekday: 'MONDAY', hour: 9 });
    expect(parseScheduleInput({})).toEqual(DEFAULT_SCHEDULE);
  });
  it('fills what is left out from the base', () => {
    const base: ScheduleConfig = { frequency: 'weekly', dayOfMonth: 15, weekday: 'FRIDAY', hour: 17 };
    expect(parseScheduleInput({ hour: 8 }, base)).toEqual({ ...base, hour: 8 });
  });
  it('accepts weekday and frequency in any case, and whole-number text', () => {
    expect(parseScheduleInput({ frequency: 'Weekly', weekday: 'friday', hour: '7', dayOfMonth: '28' }))
      .toEqual({ frequency: 'weekly', weekday: 'FRIDAY', hour: 7, dayOfMonth: 28 });
  });
  it('accepts a Schedule as returned by getSchedule', () => {
    expect(parseScheduleInput({ enabled: true, frequency: 'monthly', dayOfMonth: 3, weekday: 'MONDAY', hour: 0,
      nextRun: null, lastRun: null, lastError: null })).toEqual({ frequency: 'monthly', dayOfMonth: 3, weekday: 'MONDAY', hour: 0 });
  });
  it.each([
    [{ frequency: 'daily' }, 'frequency must be "monthly" or "weekly".'],
    [{ dayOfMonth: 29 }, 'dayOfMonth must be a whole number from 1 to 28.'],
    [{ dayOfMonth: 0 }, 'dayOfMonth must be a whole number from 1 to 28.'],
    [{ dayOfMonth: 1.5 }, 'dayOfMonth must be a whole number from 1 to 28.'],
    [{ weekday: 'Funday' }, 'weekday must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY.'],
    [{ weekday: 1 }, 'weekday must be one of MONDAY'],
    [{ hour: 24 }, 'hour must be a whole number from 0 to 23.'],
    [{ hour: -1 }, 'hour must be a whole number from 0 to 23.'],
    [{ hour: 'nine' }, 'hour must be a whole number from 0 to 23.'],
    [{ minute: 5 }, 'Unknown schedule field "minute".'],
    ['monthly', 'The schedule must be given as'],
  ])('refuses %j', (input, message) => {
    expect(() => parseScheduleInput(input)).toThrow(message);
  });
  it('WEEKDAYS are the ScriptApp.WeekDay names, Monday first', () => {
    expect(WEEKDAYS).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
  });
});

describe('isoDateTime', () => {
  it('writes the local time with the offset', () => {
    expect(isoDateTime(utc('2026-11-28T09:10:00Z'), -300)).toBe('2026-11-28T04:10:00-05:00');
    expect(isoDateTime(utc('2026-11-28T09:10:05Z'), 0)).toBe('2026-11-28T09:10:05+00:00');
    expect(isoDateTime(utc('2026-11-28T23:30:00Z'), 345)).toBe('2026-11-29T05:15:00+05:45');
    expect(isoDateTime(utc('2026-11-28T02:00:00Z'), -210)).toBe('2026-11-27T22:30:00-03:30');
  });
});

describe('nextRunAfter', () => {
  it('monthly: day 1 of next month at 9:00 local', () => {
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-11-28T09:10:00Z'), NEW_YORK)).toBe('2026-12-01T09:00:00-05:00');
  });
  it('monthly: later this month when the day is still ahead', () => {
    expect(nextRunAfter(monthly(28, 17), utc('2026-11-28T09:10:00Z'), NEW_YORK)).toBe('2026-11-28T17:00:00-05:00');
  });
  it('strictly after now: at the very run time, the next one', () => {
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-12-01T14:00:00Z'), NEW_YORK)).toBe('2027-01-01T09:00:00-05:00');
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-12-01T13:59:59Z'), NEW_YORK)).toBe('2026-12-01T09:00:00-05:00');
  });
  it('uses the local date, not the UTC date', () => {
    // 2026-11-30 23:30 in New York is already December 1 in UTC.
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-12-01T04:30:00Z'), NEW_YORK)).toBe('2026-12-01T09:00:00-05:00');
  });
  it('rolls over the year', () => {
    expect(nextRunAfter(monthly(15), utc('2026-12-20T12:00:00Z'), LONDON)).toBe('2027-01-15T09:00:00+00:00');
  });
  it('DST: the run after the change has the new offset', () => {
    // US DST starts 2026-03-08; Europe 2026-03-29; US ends 2026-11-01.
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-03-02T12:00:00Z'), NEW_YORK)).toBe('2026-04-01T09:00:00-04:00');
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-03-02T12:00:00Z'), LONDON)).toBe('2026-04-01T09:00:00+01:00');
    expect(nextRunAfter(DEFAULT_SCHEDULE, utc('2026-10-05T12:00:00Z'), NEW_YORK)).toBe('2026-11-01T09:00:00-05:00');
    expect(nextRunAfter(weekly('SUNDAY'), utc('2026-03-07T20:00:00Z'), NEW_YORK)).toBe('2026-03-08T09:00:00-04:00');
  });
  it('DST: an hour that does not exist that day runs an hour later on the clock', () => {
    expect(nextRunAfter(weekly('SUNDAY', 2), utc('2026-03-07T20:00:00Z'), NEW_YORK)).toBe('2026-03-08T03:00:00-04:00');
  });
  it('DST: an hour that happens twice runs at its first occurrence', () => {
    expect(nextRunAfter(weekly('SUNDAY', 1), utc('2026-10-31T20:00:00Z'), NEW_YORK)).toBe('2026-11-01T01:00:00-04:00');
  });
  it('weekly: the next such weekday, or today if the hour is still ahead', () => {
    // 2026-11-28 is a Saturday.
    expect(nextRunAfter(weekly('MONDAY'), utc('2026-11-28T09:10:00Z'), NEW_YORK)).toBe('2026-11-30T09:00:00-05:00');
    expect(nextRunAfter(weekly('SATURDAY', 10), utc('2026-11-28T09:10:00Z'), NEW_YORK)).toBe('2026-11-28T10:00:00-05:00');
    expect(nextRunAfter(weekly('SATURDAY', 4), utc('2026-11-28T09:10:00Z'), NEW_YORK)).toBe('2026-12-05T04:00:00-05:00');
  });
  it('works east of UTC with a non-hour offset', () => {
    expect(nextRunAfter(monthly(1, 0), utc('2026-11-30T18:00:00Z'), KATHMANDU)).toBe('2026-12-01T00:00:00+05:45');
    expect(nextRunAfter(monthly(1, 0), utc('2026-11-30T18:20:00Z'), KATHMANDU)).toBe('2027-01-01T00:00:00+05:45');
  });
});

describe('describeSchedule', () => {
  it('says when it runs', () => {
    expect(describeSchedule(DEFAULT_SCHEDULE)).toBe('Monthly on day 1 around 09:00');
    expect(describeSchedule(weekly('MONDAY'))).toBe('Weekly on Monday around 09:00');
    expect(describeSchedule(monthly(15, 17))).toBe('Monthly on day 15 around 17:00');
    expect(describeSchedule(weekly('SUNDAY', 0))).toBe('Weekly on Sunday around 00:00');
  });
});
