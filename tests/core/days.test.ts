import { addDays, dayFromIso, dayFromYmd, daysInMonth, humanDate, isoOfDay, ymdOfDay } from '../../src/core/days';

describe('dayFromYmd', () => {
  test.each([
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11017],
    [2026, 10, 1, 20727],
  ])('%i-%i-%i is day %i', (y, m, d, expected) => {
    expect(dayFromYmd(y, m, d)).toBe(expected);
  });

  test.each([
    [2026, 2, 29], [2026, 2, 30], [2026, 4, 31], [2026, 13, 1], [2026, 0, 10], [2026, 1, 0],
    [2100, 2, 29], [2026.5, 1, 1], [NaN, 1, 1],
  ])('%s-%s-%s is not a real date', (y, m, d) => {
    expect(dayFromYmd(y, m, d)).toBeNull();
  });

  test('leap days exist in leap years only', () => {
    expect(dayFromYmd(2028, 2, 29)).not.toBeNull();
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
  });

  test('years below 100 are not moved to the 1900s', () => {
    expect(isoOfDay(dayFromYmd(26, 10, 1)!)).toBe('0026-10-01');
  });
});

describe('ISO round trip and arithmetic', () => {
  test.each(['2026-10-01', '2028-02-29', '2026-12-31', '2027-01-01', '1999-12-31', '2026-11-01'])(
    '%s survives a round trip', (iso) => {
      const day = dayFromIso(iso);
      expect(day).not.toBeNull();
      expect(isoOfDay(day!)).toBe(iso);
    });

  test.each(['2026-2-01', '26-10-01', '2026-10-01T00:00', ' 2026-10-01', '2026-02-30', '2026/10/01', ''])(
    'dayFromIso refuses %p', (text) => {
      expect(dayFromIso(text)).toBeNull();
    });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-10-31', 1, '2026-11-01'],
    ['2026-10-31', 2, '2026-11-02'], // across the US DST change: a day is a day
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-05', 30, '2026-12-05'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(isoOfDay(addDays(dayFromIso(from)!, n))).toBe(to);
  });

  test('ymdOfDay splits a day', () => {
    expect(ymdOfDay(dayFromIso('2028-02-29')!)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  test.each([[2026, 2, 28], [2028, 2, 29], [2026, 4, 30], [2026, 12, 31]])('%i-%i has %i days', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe('humanDate', () => {
  test.each([
    ['2026-12-05', 'December 5, 2026'],
    ['2026-01-01', 'January 1, 2026'],
    ['2028-02-29', 'February 29, 2028'],
  ])('%s reads as %s', (iso, text) => {
    expect(humanDate(dayFromIso(iso)!)).toBe(text);
  });
});
