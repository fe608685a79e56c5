// Utilities.parseCsv as the fakes emulate it (with csv-parse), checked against csv-spectrum, a
// shared test corpus for CSV parsers, and reached the way a script reaches it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

const spectrum = dirname(require.resolve('csv-spectrum/package.json'));
const names = readdirSync(join(spectrum, 'csvs')).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/\.csv$/, ''));

function utilities() {
  return scriptGlobals(createFakeAppsScript({ now: '2026-11-28T15:00:00Z' })).Utilities;
}

describe('Utilities.parseCsv against csv-spectrum', () => {
  test('the corpus is there', () => expect(names.length).toBeGreaterThanOrEqual(12));

  test.each(names)('%s', (name) => {
    const csv = readFileSync(join(spectrum, 'csvs', `${name}.csv`), 'utf8');
    const json = JSON.parse(readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8')) as Record<string, string> | Record<string, string>[];
    const expected = Array.isArray(json) ? json : [json];
    // The corpus's own mistake: location_coordinates.json gives another phone number than its CSV holds.
    if (name === 'location_coordinates') expected[0]['Contact Phone Number'] = '2095257564';
    const rows = utilities().parseCsv(csv);
    const [header, ...data] = rows;
    const objects = data.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    expect(objects).toEqual(expected);
  });
});

describe('Utilities.parseCsv as Apps Script has it', () => {
  test('returns string[][]; rows may differ in length; CRLF, LF and CR all end a record', () => {
    expect(utilities().parseCsv('a,b\r\n1\n2,3,4\r5')).toEqual([['a', 'b'], ['1'], ['2', '3', '4'], ['5']]);
  });
  test('a byte-order mark stays in the first cell (the reader strips it)', () => {
    expect(utilities().parseCsv('\uFEFFDate,Amount\n')[0][0]).toBe('\uFEFFDate');
  });
  test('another delimiter', () => {
    expect(utilities().parseCsv('a;b\n"x;y";z', ';')).toEqual([['a', 'b'], ['x;y', 'z']]);
  });
  test('text that is not CSV throws an Exception', () => {
    expect(() => utilities().parseCsv('a,"b\n')).toThrow('Could not parse text.');
  });
  test('is a counted Utilities call', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    env.calls.reset();
    scriptGlobals(env).Utilities.parseCsv('a,b\n');
    expect(env.calls.byMethod()['Utilities.parseCsv']).toBe(1);
  });
});
