/**
 * The sidebar's pure pieces for Settings, the Upwork import and permissions, and the preview's
 * `--decline` option.
 */
import { DECLINABLE, parseArgs } from '../../dev/preview/args';
import { mergeSettings, DEFAULT_SETTINGS } from '../../src/core/settings';
import { FEATURE_SCOPES, NOT_ALLOWED } from '../../src/sheets/permissions';
import { parseFieldErrors, shortPlaceholderError } from '../../src/sidebar/errors';
import { addable, MAX_IMPORT_BYTES, refuseFile } from '../../src/sidebar/view-import';
import { featuresOff } from '../../src/sidebar/view-permissions';
import { hourLabel, scheduleText } from '../../src/sidebar/view-schedule';

function serverError(partial: unknown): string {
  try {
    mergeSettings(DEFAULT_SETTINGS, partial, ['Client', 'Job']);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseFieldErrors', () => {
  test('one entry per line of the server\'s message, each with its setting', () => {
    const message = serverError({ quietDays: 45, followUpEveryDays: 0, templates: { first: { body: 'Hi {{clinet}}' } } });
    expect(parseFieldErrors(message)).toEqual([
      { field: 'quietDays', message: 'Quiet after (days idle) must be a whole number from 1 to 29.' },
      { field: 'followUpEveryDays', message: 'Follow up every (days) must be a whole number from 1 to 60.' },
      { field: 'templates.first.body', message: '{{clinet}} is not a placeholder. Did you mean {{client}}?' },
    ]);
  });

  test('a sheet error line keeps its sentence whole; a line without a setting has none', () => {
    expect(parseFieldErrors('sheetName: There is no sheet named "X" in this spreadsheet. Check it.\nSomething else: went wrong.')).toEqual([
      { field: 'sheetName', message: 'There is no sheet named "X" in this spreadsheet. Check it.' },
      { field: null, message: 'Something else: went wrong.' },
    ]);
    expect(parseFieldErrors('The sidebar cannot reach the add-on here.')).toEqual([{ field: null, message: 'The sidebar cannot reach the add-on here.' }]);
  });

  test('an unknown placeholder without a near name points to the list above', () => {
    expect(shortPlaceholderError('Unknown placeholder {{zzzzzz}} in the first follow-up\'s body. Use one of: {{client}}, {{job}}.'))
      .toBe('{{zzzzzz}} is not a placeholder. Use one of the placeholders listed above.');
    expect(shortPlaceholderError('Quiet after (days idle) must be a whole number.')).toBe('Quiet after (days idle) must be a whole number.');
  });
});

describe('hours', () => {
  test('written "9:00", the same in the schedule sentence', () => {
    expect(hourLabel(9)).toBe('9:00');
    expect(hourLabel(0)).toBe('0:00');
    expect(hourLabel(14)).toBe('14:00');
    expect(scheduleText({ frequency: 'weekly', dayOfMonth: 1, weekday: 'FRIDAY', hour: 9 })).toBe('Weekly on Friday around 9:00');
    expect(scheduleText({ frequency: 'monthly', dayOfMonth: 3, weekday: 'MONDAY', hour: 17 })).toBe('Monthly on day 3 around 17:00');
  });
});

describe('the import picker', () => {
  test('refuses empty files and files over 5 MB in plain words, before reading them', () => {
    expect(refuseFile({ name: 'report.csv', size: 0 })).toBe('report.csv is empty. Pick the CSV file you downloaded from Upwork.');
    expect(refuseFile({ name: 'big.csv', size: MAX_IMPORT_BYTES + 1 })).toMatch(/^big\.csv is 5\.0 MB; the sidebar reads Upwork reports of up to 5 MB\./);
    expect(refuseFile({ name: 'huge.csv', size: 12 * 1024 * 1024 })).toMatch(/^huge\.csv is 12\.0 MB/);
    expect(refuseFile({ name: 'ok.csv', size: MAX_IMPORT_BYTES })).toBe('');
  });

  test('offers to add only the contracts found in no row, never the ambiguous ones', () => {
    const u = (reason: string, title = 'T') => ({ contractId: '1', title, client: '', lastPayment: '2026-10-02', reason });
    expect(addable([u('no row with this contract'), u('matches rows 7 and 12'),
      u('only row 4 has this title, and it is closed or not on Upwork'), u('no row with this contract', ''),
      u('an hourly invoice line names no contract, and no open Upwork row has this client', '')]).map((x) => x.reason))
      .toEqual(['no row with this contract']);
  });
});

describe('permissions in the sidebar', () => {
  test('features off, in display order', () => {
    expect(featuresOff({ audit: true, drafts: false, schedule: true, digest: false })).toEqual(['drafts', 'digest']);
    expect(featuresOff({ audit: true, drafts: true, schedule: true, digest: true })).toEqual([]);
    expect(featuresOff(null)).toEqual([]);
  });
});

describe('npm start -- --decline', () => {
  test('gmail, schedule and digest map to the scopes their feature needs', () => {
    expect(parseArgs(['--decline', 'gmail']).decline).toEqual([...FEATURE_SCOPES.drafts]);
    expect(parseArgs(['--decline=schedule']).decline).toEqual([...FEATURE_SCOPES.schedule]);
    expect(parseArgs(['--decline', 'gmail,digest', '--decline', 'Gmail']).decline)
      .toEqual([...FEATURE_SCOPES.drafts, ...FEATURE_SCOPES.digest]);
    expect(DECLINABLE.drafts).toEqual(DECLINABLE.gmail);
    expect(parseArgs(['my.csv', '--decline', 'schedule', '--port', '9000'])).toEqual({
      csvPath: 'my.csv', port: 9000, reset: false, help: false, decline: [...FEATURE_SCOPES.schedule],
    });
  });

  test('nothing declined unless asked; a wrong name is a clear error', () => {
    expect(parseArgs([]).decline).toBeUndefined();
    expect(() => parseArgs(['--decline'])).toThrow('--decline needs what to decline: gmail, drafts, schedule, digest.');
    expect(() => parseArgs(['--decline', 'calendar'])).toThrow('--decline calendar: not a permission the add-on asks for.');
  });
});
