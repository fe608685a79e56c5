// The Date scripts get: follows the fake clock, and local time is the script's time zone (as in Apps Script).
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

describe('the script Date', () => {
  const env = createFakeAppsScript({ now: '2026-03-08T06:30:00Z', scriptTimeZone: 'America/New_York' });
  const { Date: ScriptDate } = scriptGlobals(env);

  it('reads local parts in the script time zone, whatever the machine zone', () => {
    const now = new ScriptDate();
    expect([now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes()]).toEqual([2026, 2, 8, 1, 30]);
    expect(now.getDay()).toBe(0);
    expect(now.getTimezoneOffset()).toBe(300);
    expect(now.toString()).toBe('Sun Mar 08 2026 01:30:00 GMT-0500 (Eastern Standard Time)');
  });

  it('builds and moves dates in local time across the DST change', () => {
    const midnight = new ScriptDate(2026, 2, 8);
    expect(midnight.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    const next = new ScriptDate(midnight.getTime());
    next.setDate(next.getDate() + 1);
    expect(next.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    next.setHours(9, 15);
    expect(next.toISOString()).toBe('2026-03-09T13:15:00.000Z');
    expect(new ScriptDate('2026-03-09T09:15:00').getTime()).toBe(next.getTime());
    expect(new ScriptDate('2026-03-09').toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(ScriptDate.parse('2026-03-09T13:15:00Z')).toBe(next.getTime());
  });

  it('is the class of values the fakes return, and accepts any Date in instanceof', () => {
    expect(new Date(0)).toBeInstanceOf(ScriptDate);
    expect(new ScriptDate(0)).toBeInstanceOf(Date);
    expect(typeof (ScriptDate as unknown as () => string)()).toBe('string');
  });
});
