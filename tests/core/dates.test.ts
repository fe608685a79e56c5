import { isoOfDay } from '../../src/core/days';
import { DateCell, isDayFirstLocale, readDateCell } from '../../src/core/dates';

/** The adapter's conversion in these tests: the Date's UTC calendar day. */
const utcDay = (d: Date): number => Math.floor(d.getTime() / 86_400_000);

function read(value: unknown, locale = 'en_US'): string {
  const cell: DateCell = readDateCell(value, locale, utcDay);
  if (cell.kind === 'date') return isoOfDay(cell.day);
  if (cell.kind === 'empty') return 'empty';
  return 'bad';
}

describe('isDayFirstLocale', () => {
  test.each([
    ['en_US', false], ['en_PH', false], ['fil_PH', false], ['es_US', false], ['en-US', false],
    ['en_GB', true], ['de_DE', true], ['fr_FR', true], ['en_AU', true], ['pt_BR', true], ['', true],
  ])('%p → day first: %p', (locale, expected) => {
    expect(isDayFirstLocale(locale)).toBe(expected);
  });
});

describe('readDateCell accepts real dates', () => {
  test.each([
    ['2026-10-01', 'en_US', '2026-10-01'],
    ['  2026-10-01  ', 'en_GB', '2026-10-01'],
    ['2026-10-01T10:00', 'en_US', '2026-10-01'],
    ['2026-10-01 10:00', 'en_US', '2026-10-01'],
    ['2026-10-01T10:00:30', 'en_US', '2026-10-01'],
    ['2026/10/01', 'ja_JP', '2026-10-01'],
    ['2026.10.01', 'de_DE', '2026-10-01'],
    ['10/01/2026', 'en_US', '2026-10-01'],
    ['10/01/2026', 'en_GB', '2026-01-10'],
    ['01/10/2026', 'en_GB', '2026-10-01'],
    ['1.10.2026', 'de_DE', '2026-10-01'],
    ['01-10-2026', 'es_CL', '2026-10-01'],
    ['2026.10.01', 'en_US', '2026-10-01'],
    ['2000-01-01', 'en_US', '2000-01-01'],
    ['01.10.2026', 'de_DE', '2026-10-01'],
    ['01-10-2026', 'nl_NL', '2026-10-01'],
    ['12/25/2026', 'en_US', '2026-12-25'],
    ['25/12/2026', 'en_GB', '2026-12-25'],
    ['10/01/2026 14:30:00', 'en_US', '2026-10-01'],
    ['2/29/2028', 'en_US', '2028-02-29'],
    ['Oct 1, 2026', 'en_GB', '2026-10-01'],
    ['October 1 2026', 'en_US', '2026-10-01'],
    ['october 1, 2026', 'en_US', '2026-10-01'],
    ['Oct. 1, 2026', 'en_US', '2026-10-01'],
    ['Sept 1, 2026', 'en_US', '2026-09-01'],
    ['Sep 30 2026', 'en_US', '2026-09-30'],
    ['1 October 2026', 'en_US', '2026-10-01'],
    ['1 Oct 2026', 'en_US', '2026-10-01'],
    ['1-Oct-2026', 'en_GB', '2026-10-01'],
    ['1 Oct. 2026', 'en_GB', '2026-10-01'],
    ['December 31, 2026', 'en_US', '2026-12-31'],
    ['October 1st, 2026', 'en_US', '2026-10-01'],
  ])('%p under %s is %s', (text, locale, iso) => {
    expect(read(text, locale)).toBe(iso);
  });

  test('a Date value is converted by the adapter, in the spreadsheet time zone', () => {
    const seen: Date[] = [];
    const cell = readDateCell(new Date(Date.UTC(2026, 9, 1, 4)), 'en_US', (d) => { seen.push(d); return 12345; });
    expect(cell).toEqual({ kind: 'date', day: 12345 });
    expect(seen).toHaveLength(1);
  });

  test('a Date from another realm is still a date', () => {
    const vm = require('vm') as typeof import('vm');
    const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 9, 1))');
    expect(foreign instanceof Date).toBe(false);
    expect(read(foreign)).toBe('2026-10-01');
  });
});

describe('readDateCell: empty cells', () => {
  test.each([[''], ['   '], [null], [undefined]])('%p is empty', (value) => {
    expect(read(value)).toBe('empty');
  });
});

describe('readDateCell never guesses', () => {
  test.each([
    ['soon', 'en_US', '"soon" is not a date. Write it like 2026-10-01.'],
    ['#REF!', 'en_US', 'The cell shows the error #REF!, not a date. Fix the formula, or write it like 2026-10-01.'],
    ['#N/A', 'en_US', 'The cell shows the error #N/A, not a date. Fix the formula, or write it like 2026-10-01.'],
    ['#VALUE!', 'en_US', 'The cell shows the error #VALUE!, not a date. Fix the formula, or write it like 2026-10-01.'],
    ['10/01/26', 'en_US', '"10/01/26" has a 2-digit year; write all 4 digits. Write it like 2026-10-01.'],
    ['Oct 1, 26', 'en_US', '"Oct 1, 26" has a 2-digit year; write all 4 digits. Write it like 2026-10-01.'],
    ['31/02/2026', 'en_GB', '"31/02/2026" is not a real date (February 2026 has 28 days). Write it like 2026-10-01.'],
    ['2026-02-30', 'en_GB', '"2026-02-30" is not a real date (February 2026 has 28 days). Write it like 2026-10-01.'],
    ['2026-13-01', 'en_GB', '"2026-13-01" is not a real date (there is no month 13). Write it like 2026-10-01.'],
    ['25/12/2026', 'en_US', '"25/12/2026" is not a date in this spreadsheet\'s order (month/day/year). Write it like 2026-10-01.'],
    ['12/25/2026', 'en_GB', '"12/25/2026" is not a date in this spreadsheet\'s order (day/month/year). Write it like 2026-10-01.'],
    ['Octember 1, 2026', 'en_US', '"Octember 1, 2026" is not a date. Write it like 2026-10-01.'],
    ['next Monday', 'en_US', '"next Monday" is not a date. Write it like 2026-10-01.'],
    ['10/01-2026', 'en_US', '"10/01-2026" is not a date. Write it like 2026-10-01.'],
    ['2026-10-01T25:00', 'en_US', '"2026-10-01T25:00" is not a date. Write it like 2026-10-01.'],
  ])('%p under %s', (text, locale, reason) => {
    expect(readDateCell(text, locale, utcDay)).toEqual({ kind: 'bad', text, reason });
  });

  test.each([
    ['01.10.2026', 'en_US', '10/01/2026'],
    ['01-10-2026', 'en_US', '10/01/2026'],
    ['01/10/2026', 'de_DE', '01.10.2026'],
    ['01.10.2026', 'en_GB', '01/10/2026'],
    ['01/10/2026', 'nl_NL', '01-10-2026'],
  ])('%p under %s is written with another locale\'s separator: bad, never read in the wrong order', (text, locale, example) => {
    expect(readDateCell(text, locale, utcDay)).toEqual({ kind: 'bad', text,
      reason: `"${text}" is not written the way this spreadsheet writes dates (${example} is October 1, 2026 here). Write it like 2026-10-01.` });
  });

  test.each([
    ['0026-10-01', '"0026-10-01" is a date in the year 26, before 2000: check the year. Write it like 2026-10-01.'],
    ['10/01/1850', '"10/01/1850" is a date in the year 1850, before 2000: check the year. Write it like 2026-10-01.'],
    ['1999-12-31', '"1999-12-31" is a date in the year 1999, before 2000: check the year. Write it like 2026-10-01.'],
  ])('%p: a year before 2000 is a typing mistake', (text, reason) => {
    expect(readDateCell(text, 'en_US', utcDay)).toEqual({ kind: 'bad', text, reason });
  });

  test('date cells holding a typed time, an old year or year 10000 are bad, with a note', () => {
    const time = new Date(Date.UTC(1899, 11, 30, 9, 30));
    expect(readDateCell(time, 'en_US', utcDay)).toEqual({ kind: 'bad', text: '',
      reason: 'The cell holds a time of day, not a date. Write it like 2026-10-01.' });
    const old = new Date(Date.UTC(1850, 0, 1));
    expect(readDateCell(old, 'en_US', utcDay)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('year 1850, before 2000') });
    const far = new Date(Date.UTC(10000, 0, 1));
    expect(readDateCell(far, 'en_US', utcDay)).toMatchObject({ kind: 'bad', reason: expect.stringContaining('year 10000') });
  });

  test('a number is not a date, and the reason says so', () => {
    expect(readDateCell(46296, 'en_US', utcDay)).toEqual({
      kind: 'bad', text: '46296', reason: '46296 is a number, not a date. Write it like 2026-10-01.',
    });
  });

  test('booleans (checkboxes) are not dates', () => {
    const cell = readDateCell(true, 'en_US', utcDay);
    expect(cell.kind).toBe('bad');
    expect(cell.kind === 'bad' && cell.reason).toContain('TRUE');
  });

  test('an Invalid Date is bad', () => {
    const cell = readDateCell(new Date(NaN), 'en_US', utcDay);
    expect(cell.kind).toBe('bad');
  });

  test('long garbage is shortened in the reason', () => {
    const text = 'x'.repeat(200);
    const cell = readDateCell(text, 'en_US', utcDay);
    expect(cell.kind === 'bad' && cell.reason.length).toBeLessThan(100);
    expect(cell.kind === 'bad' && cell.text).toBe(text);
  });
});
