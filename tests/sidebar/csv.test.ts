import { addDays, formatCsv, parseCsv, toSheetValues } from '../../dev/preview/csv';

describe('parseCsv', () => {
  test('reads quoted fields with commas, quotes and newlines (RFC 4180)', () => {
    const rows = parseCsv('Client,Job\r\n"Maple, Fox","Say ""hi""\nthen wait"\nSam,Logo\n');
    expect(rows).toEqual([['Client', 'Job'], ['Maple, Fox', 'Say "hi"\nthen wait'], ['Sam', 'Logo']]);
  });
  test('keeps empty cells and a missing final newline', () => {
    expect(parseCsv('a,,c\n,b,')).toEqual([['a', '', 'c'], ['', 'b', '']]);
  });
  test('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/closing "/);
  });
  test('round-trips through formatCsv', () => {
    const rows = [['a,b', 'say "x"', 'line\nbreak', 'plain']];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});

describe('toSheetValues', () => {
  const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
  test('=TODAY()-N and ISO dates become dates, numbers numbers, the rest text; the header stays text', () => {
    const values = toSheetValues([['Client', '2026'], ['=TODAY()-3', '2026-10-01'], ['1250.5', 'soon'], ['007', '']], '2026-03-02', toDate);
    expect(values[0]).toEqual(['Client', '2026']);
    expect(values[1][0]).toEqual(toDate('2026-02-27'));
    expect(values[1][1]).toEqual(toDate('2026-10-01'));
    expect(values[2]).toEqual([1250.5, 'soon']);
    expect(values[3]).toEqual(['007', '']);
  });
  test('US-style dates (how an en_US sheet exports them) become dates; impossible days stay text', () => {
    const values = toSheetValues([['Start'], ['10/1/2026'], ['2/30/2026'], ['2026-02-30']], '2026-03-02', toDate);
    expect(values[1][0]).toEqual(toDate('2026-10-01'));
    expect(values[2][0]).toBe('2/30/2026');
    expect(values[3][0]).toBe('2026-02-30');
  });
  test('addDays crosses months and years', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
