// Sheets and ranges as a script sees them: values, dates, A1 notation, sizes, errors, formats.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function setup(options = {}) {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z', ...options });
  const g = scriptGlobals(env);
  const sheet = g.SpreadsheetApp.getActiveSheet();
  return { env, g, sheet, testSheet: env.spreadsheet.getActiveSheet() };
}

describe('getValues', () => {
  it('returns Date objects for date cells (new each call), numbers, booleans, text and "" for empty', () => {
    const { env, g, sheet, testSheet } = setup();
    testSheet.load([['Client', 'Start', 'Earned', 'Paid'], ['Acme', env.localDate('2026-10-01'), 1200, true], ['', '', '', '']]);
    const values = sheet.getRange('A1:D3').getValues();
    expect(values[0]).toEqual(['Client', 'Start', 'Earned', 'Paid']);
    expect(values[1][0]).toBe('Acme');
    expect(values[1][1]).toBeInstanceOf(g.Date);
    expect(values[1][1]).toBeInstanceOf(Date);
    expect((values[1][1] as Date).toISOString()).toBe('2026-10-01T04:00:00.000Z');
    expect(values[1].slice(2)).toEqual([1200, true]);
    expect(values[2]).toEqual(['', '', '', '']);
    const again = sheet.getRange('B2').getValue();
    expect(again).not.toBe(values[1][1]);
    (values[1][1] as Date).setFullYear(1999);
    expect((sheet.getRange('B2').getValue() as Date).getFullYear()).toBe(2026);
  });

  it('localDate is midnight of that day in the spreadsheet time zone', () => {
    const tokyo = createFakeAppsScript({ timeZone: 'Asia/Tokyo' });
    expect(tokyo.localDate('2026-03-01').toISOString()).toBe('2026-02-28T15:00:00.000Z');
    const ny = createFakeAppsScript();
    expect(ny.localDate('2026-07-01').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(ny.localDate('2026-12-01').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    // Chile skips midnight on 2026-09-06 (00:00 becomes 01:00): the day starts at 01:00 local.
    const santiago = createFakeAppsScript({ timeZone: 'America/Santiago' });
    expect(santiago.localDate('2026-09-06').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // New York repeats 01:00 on 2026-11-01; midnight is unambiguous, in daylight time.
    expect(ny.localDate('2026-11-01').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('keeps the wall-clock day when the spreadsheet time zone changes, as Sheets does', () => {
    const { env, sheet, testSheet } = setup();
    testSheet.load([[env.localDate('2026-10-01')]]);
    env.spreadsheet.setSpreadsheetTimeZone('Europe/London');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('10/1/2026');
  });

  it('returns an error cell\'s text', () => {
    const { sheet, testSheet } = setup();
    testSheet.load([['#REF!']]);
    expect(sheet.getRange('A1').getValues()).toEqual([['#REF!']]);
  });
});

describe('setValues', () => {
  it('refuses data of the wrong size with Apps Script\'s exact messages', () => {
    const { sheet } = setup();
    const range = sheet.getRange(2, 1, 3, 2);
    expect(() => range.setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(() => range.setValues([[1, 2], [3, 4, 5], [6, 7]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(() => range.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValues/);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('stores Dates, numbers and booleans; reads strings as typed input unless the cell is plain text', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1:F1').setValues([[env.localDate('2026-12-05'), 7, false, '2026-10-01', '=A1+1', "'0042"]]);
    const [date, n, b, iso, formula, quoted] = sheet.getRange('A1:F1').getValues()[0];
    expect((date as Date).toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect([n, b]).toEqual([7, false]);
    expect(iso).toBeInstanceOf(Date);
    expect(sheet.getRange('D1').getDisplayValue()).toBe('2026-10-01');
    expect(formula).toBe('');
    expect(sheet.getRange('E1').getFormula()).toBe('=A1+1');
    expect(quoted).toBe('0042');
    sheet.getRange('G1').setNumberFormat('@').setValue('0042');
    expect(sheet.getRange('G1').getValue()).toBe('0042');
    sheet.getRange('H1').setValue('10/01/2026');
    expect((sheet.getRange('H1').getValue() as Date).toISOString()).toBe('2026-10-01T04:00:00.000Z');
  });

  it('reads numeric dates day-first under en_GB', () => {
    const { sheet } = setup({ locale: 'en_GB', timeZone: 'Europe/London' });
    sheet.getRange('A1').setValue('01/10/2026');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01/10/2026');
  });

  it('replaces a formula, and keeps the last value when a formula is set', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('B2');
    cell.setValue(5);
    cell.setFormula('=SUM(A:A)');
    expect([cell.getFormula(), cell.getValue()]).toEqual(['=SUM(A:A)', 5]);
    cell.setValues([[6]]);
    expect([cell.getFormula(), cell.getValue()]).toEqual(['', 6]);
  });

  it('refuses a value a reject-input dropdown does not allow, writing nothing', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).setAllowInvalid(false).build();
    sheet.getRange('A2:A3').setDataValidation(rule);
    expect(() => sheet.getRange('A2:A3').setValues([['closed'], ['Archived']])).toThrow(
      'The data you entered in cell A3 violates the data validation rules set on this cell.');
    expect(sheet.getRange('A2:A3').getValues()).toEqual([[''], ['']]);
    sheet.getRange('A2').setValue('Closed');
    expect(sheet.getRange('A2').getValue()).toBe('Closed');
  });
});

describe('sizes and A1 notation', () => {
  let env: FakeAppsScript;
  beforeEach(() => { env = createFakeAppsScript(); });

  it('getLastRow/getLastColumn count cells with content, 0 when empty; formatting does not count', () => {
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('Z900').setBackground('#ff0000').setNote('just a note');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C7').setValue('x');
    sheet.getRange('E2').setFormula('=1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E7');
    sheet.getRange('C7').setValue('');
    expect(sheet.getLastRow()).toBe(2);
  });

  it('parses A1 forms and reports them back', () => {
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    const cases: [string, number[], string][] = [
      ['B2', [2, 2, 1, 1], 'B2'], ['B2:D9', [2, 2, 8, 3], 'B2:D9'], ['d9:b2', [2, 2, 8, 3], 'B2:D9'],
      ['A:A', [1, 1, 1000, 1], 'A:A'], ['B:C', [1, 2, 1000, 2], 'B:C'], ['2:2', [2, 1, 1, 26], '2:2'],
      ['$A$1:$B$2', [1, 1, 2, 2], 'A1:B2'], ['A3:C', [3, 1, 998, 3], 'A3:C1000'],
    ];
    for (const [a1, [row, column, rows, columns], back] of cases) {
      const range = sheet.getRange(a1);
      expect([a1, range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns(), range.getA1Notation()])
        .toEqual([a1, row, column, rows, columns, back]);
    }
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    expect(() => sheet.getRange('hello world')).toThrow('Range not found');
    expect(scriptGlobals(env).SpreadsheetApp.getActive().getRange("'Sheet1'!C3").getA1Notation()).toBe('C3');
  });

  it('refuses ranges outside the grid with the real messages, until the grid grows', () => {
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 3);
    expect(sheet.getMaxColumns()).toBe(29);
    expect(sheet.getRange(1, 29).getA1Notation()).toBe('AC1');
  });

  it('inserting rows moves the cells below; load() grows the grid', () => {
    const testSheet = env.spreadsheet.getActiveSheet();
    testSheet.load([['a'], ['b'], ['c']]);
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().map((r) => r[0])).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(1002);
    testSheet.load(Array.from({ length: 1500 }, (_, i) => [i, 'x', 'y']));
    expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([1500, 1500]);
  });
});

describe('notes, backgrounds, formats, font weights, display values', () => {
  it('round-trip through the API and show in the test snapshot', () => {
    const env = createFakeAppsScript();
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange('A1:B2');
    range.setNotes([['n1', null], ['', 'n4']]);
    range.setBackgrounds([['#FFF2CC', null], ['red', '#abc']]);
    range.setNumberFormats([['yyyy-mm-dd', '0.00'], ['@', '#,##0']]);
    range.setFontWeights([['bold', 'normal'], [null, 'bold']]);
    expect(range.getNotes()).toEqual([['n1', ''], ['', 'n4']]);
    expect(range.getBackgrounds()).toEqual([['#fff2cc', '#ffffff'], ['#ff0000', '#aabbcc']]);
    expect(range.getNumberFormats()).toEqual([['yyyy-mm-dd', '0.00'], ['@', '#,##0']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal'], ['normal', 'bold']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
    const cell = env.spreadsheet.getActiveSheet().cell('B2');
    expect(cell).toEqual({ value: '', formula: '', note: 'n4', background: '#aabbcc', numberFormat: '#,##0',
      fontWeight: 'bold', validation: null });
  });

  it('displays values by their number format or the locale default', () => {
    const env = createFakeAppsScript();
    const sheet = scriptGlobals(env).SpreadsheetApp.getActiveSheet();
    env.spreadsheet.getActiveSheet().load([[env.localDate('2026-12-05'), 1234.5, 0.25, true, new Date('2026-12-05T19:30:00Z')]]);
    const display = () => sheet.getRange('A1:E1').getDisplayValues()[0];
    expect(display()).toEqual(['12/5/2026', '1234.5', '0.25', 'TRUE', '12/5/2026 14:30:00']);
    sheet.getRange('A1:C1').setNumberFormats([['mmmm d, yyyy', '#,##0.00', '0%']]);
    expect(display().slice(0, 3)).toEqual(['December 5, 2026', '1,234.50', '25%']);
    sheet.getRange('A1').setNumberFormat('ddd dd/mm/yy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('Sat 05/12/26');
    sheet.getRange('E1').setNumberFormat('h:mm am/pm');
    expect(sheet.getRange('E1').getDisplayValue()).toBe('2:30 pm');
  });

  it('reports dropdown rules as Apps Script does', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('C2:C4').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed'], true).build());
    const rule = sheet.getRange('C3').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Open', 'Closed'], true]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
  });
});

describe('spreadsheet and sheets', () => {
  it('refuses a duplicate sheet name (ignoring case) with the real message; finds sheets ignoring case', () => {
    const env = createFakeAppsScript();
    const ss = scriptGlobals(env).SpreadsheetApp.getActive();
    const contracts = ss.insertSheet('Contracts');
    expect(ss.getActiveSheet().getName()).toBe('Contracts');
    expect(() => ss.insertSheet('contracts')).toThrow('A sheet with the name "contracts" already exists. Please enter another name.');
    expect(ss.getSheetByName('CONTRACTS')!.getSheetId()).toBe(contracts.getSheetId());
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Contracts']);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('tracks the active sheet and selection', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    const ss = g.SpreadsheetApp.getActive();
    const other = ss.insertSheet('Other');
    ss.setActiveSheet(ss.getSheets()[0]);
    other.getRange('B4:D4').activate();
    expect(g.SpreadsheetApp.getActiveSheet().getName()).toBe('Other');
    expect(g.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B4:D4');
    ss.getSheets()[0].setActiveSelection('C3');
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Sheet1');
    expect(env.spreadsheet.getActiveRange().getA1Notation()).toBe('C3');
  });

  it('freezes rows and records toasts', () => {
    const env = createFakeAppsScript();
    const ss = scriptGlobals(env).SpreadsheetApp.getActive();
    ss.getActiveSheet().setFrozenRows(1);
    expect(ss.getActiveSheet().getFrozenRows()).toBe(1);
    ss.toast('Audit done', 'Contract Audit');
    expect(env.ui.toasts).toEqual(['Audit done']);
  });
});
