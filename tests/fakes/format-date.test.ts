// Utilities.formatDate with real time zones (incl. DST changes) and Utilities.formatString.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

const { Utilities } = scriptGlobals(createFakeAppsScript());
const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate', () => {
  it('formats one instant in several zones', () => {
    const instant = at('2026-12-05T03:30:45.123Z');
    expect(Utilities.formatDate(instant, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-12-05 03:30:45.123');
    expect(Utilities.formatDate(instant, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-12-04 22:30');
    expect(Utilities.formatDate(instant, 'Asia/Kolkata', 'yyyy-MM-dd HH:mm XXX')).toBe('2026-12-05 09:00 +05:30');
    expect(Utilities.formatDate(instant, 'Pacific/Auckland', 'd MMM yyyy, h:mm a Z')).toBe('5 Dec 2026, 4:30 PM +1300');
  });

  it('follows DST changes (New York, 8 March 2026 at 2:00 local)', () => {
    expect(Utilities.formatDate(at('2026-03-08T06:59:00Z'), 'America/New_York', "HH:mm XXX")).toBe('01:59 -05:00');
    expect(Utilities.formatDate(at('2026-03-08T07:00:00Z'), 'America/New_York', "HH:mm XXX")).toBe('03:00 -04:00');
    expect(Utilities.formatDate(at('2026-03-08T07:00:00Z'), 'America/New_York', 'z')).toBe('EDT');
    expect(Utilities.formatDate(at('2026-11-01T05:30:00Z'), 'America/New_York', 'HH:mm z')).toBe('01:30 EDT');
    expect(Utilities.formatDate(at('2026-11-01T06:30:00Z'), 'America/New_York', 'HH:mm z')).toBe('01:30 EST');
  });

  it('supports names, 12-hour clocks, quotes and ISO offsets', () => {
    const instant = at('2026-12-05T17:05:09Z');
    expect(Utilities.formatDate(instant, 'UTC', 'EEEE, MMMM d, yyyy')).toBe('Saturday, December 5, 2026');
    expect(Utilities.formatDate(instant, 'UTC', "EEE yy M/d hh:mm:ss a 'o''clock'")).toBe("Sat 26 12/5 05:05:09 PM o'clock");
    expect(Utilities.formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-12-05T17:05:09Z');
    expect(Utilities.formatDate(instant, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-12-05T18:05:09+01:00');
    expect(Utilities.formatDate(instant, 'GMT+2', 'HH:mm')).toBe('19:05');
  });

  it('falls back to GMT for an unknown zone (as Java does) and refuses a non-Date', () => {
    expect(Utilities.formatDate(at('2026-12-05T17:05:09Z'), 'Mars/Olympus', 'HH:mm')).toBe('17:05');
    expect(() => Utilities.formatDate('2026-12-05' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    expect(() => Utilities.formatDate(at('2026-12-05T00:00:00Z'), 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities.formatString and sleep', () => {
  it('formats sprintf-style', () => {
    expect(Utilities.formatString('%s has %d open jobs (%.1f%%)', 'Ann', 3, 42.25)).toBe('Ann has 3 open jobs (42.3%)');
    expect(Utilities.formatString('[%5s][%-4d][%03d]', 'ab', 7, 5)).toBe('[   ab][7   ][005]');
  });

  it('sleep advances the fake clock without waiting', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    const g = scriptGlobals(env);
    const started = Date.now();
    g.Utilities.sleep(120_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(new g.Date().toISOString()).toBe('2026-11-28T15:02:00.000Z');
    expect(g.Date.now()).toBe(Date.parse('2026-11-28T15:02:00.000Z'));
  });
});
