// The user's own edits (test helpers) and the script's sorts: whole rows move with every cell
// property; Range.sort moves only the range; inserted and deleted rows carry notes, validations,
// hidden rows and merges along.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function contracts() {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
  const sheet = env.spreadsheet.getActiveSheet().load([
    ['Client', 'Job', 'Paid', 'Audit'],
    ['Acme', 'Logo', 300, 'Quiet'],
    ['Bolt', 'Site', 1200, 'Active'],
    ['Cobalt', 'App', 50, 'Dormant'],
  ]);
  sheet.getRange('D3').setNote('note on Bolt').setBackground('#d9d2e9').setFontWeight('bold').setFormula('=C3*2');
  sheet.getRange('C3').setNumberFormat('#,##0');
  const g = scriptGlobals(env);
  g.SpreadsheetApp.getActiveSheet().getRange('B3')
    .setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Site', 'App']).build());
  env.calls.reset();
  return { env, sheet, g };
}

describe('sortRows (the user sorts whole rows)', () => {
  it('moves every cell property with its row', () => {
    const { sheet } = contracts();
    const boltBefore = sheet.snapshot()[2];
    sheet.sortRows(2, 4, { column: 3, ascending: false });
    expect(sheet.getRange('A2:A4').getValues().flat()).toEqual(['Bolt', 'Acme', 'Cobalt']);
    expect(sheet.snapshot()[1]).toEqual(boltBefore);
    expect(sheet.cell('D2')).toMatchObject({ note: 'note on Bolt', background: '#d9d2e9', fontWeight: 'bold', formula: '=C3*2' });
    expect(sheet.cell('B2').validation).toMatchObject({ criteria: 'VALUE_IN_LIST' });
    expect(sheet.cell('D3').note).toBe('');
    expect(sheet.cell('B3').validation).toBeNull();
  });

  it('takes a comparator of row values', () => {
    const { sheet } = contracts();
    sheet.sortRows(2, 4, (a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(sheet.getRange('B2:B4').getValues().flat()).toEqual(['App', 'Logo', 'Site']);
  });

  it('orders like Sheets: numbers, text (ignoring case), booleans; blanks last either way; stable', () => {
    const env = createFakeAppsScript();
    const sheet = env.spreadsheet.getActiveSheet().load([['b', 1], [true, 2], ['', 3], [10, 4], ['A', 5], [2, 6], ['a', 7], [false, 8]]);
    sheet.sortRows(1, 8, { column: 1 });
    expect(sheet.getRange('A1:B8').getValues()).toEqual([[2, 6], [10, 4], ['A', 5], ['a', 7], ['b', 1], [false, 8], [true, 2], ['', 3]]);
    sheet.sortRows(1, 8, { column: 1, ascending: false });
    expect(sheet.getRange('B1:B8').getValues().flat()).toEqual([2, 8, 1, 5, 7, 4, 6, 3]);
  });
});

describe('Range.sort and Sheet.sort (scripts)', () => {
  it('sorts by a column number, {column, ascending} or an array; only the range moves', () => {
    const { env, g } = contracts();
    const raw = env.spreadsheet.getActiveSheet();
    raw.getRange('E2:E4').setValues([['x2'], ['x3'], ['x4']]); // outside the sorted range
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A2:D4').sort(3);
    expect(raw.getRange('A2:A4').getValues().flat()).toEqual(['Cobalt', 'Acme', 'Bolt']);
    sheet.getRange('A2:D4').sort({ column: 1, ascending: false });
    expect(raw.getRange('A2:A4').getValues().flat()).toEqual(['Cobalt', 'Bolt', 'Acme']);
    sheet.getRange('A2:D4').sort([{ column: 4, ascending: true }, { column: 1 }]);
    expect(raw.getRange('D2:D4').getValues().flat()).toEqual(['Active', 'Dormant', 'Quiet']);
    expect(raw.getRange('E2:E4').getValues().flat()).toEqual(['x2', 'x3', 'x4']);
    expect(raw.cell('D2').note).toBe('note on Bolt');
    expect(() => sheet.getRange('A2:D4').sort(5)).toThrow('Invalid argument: sortSpecObj');
    expect(() => sheet.getRange('A2:D4').sort('C')).toThrow(/don't match the method signature for SpreadsheetApp.Range.sort/);
    expect(env.calls.byMethod()['Range.sort']).toBe(5);
  });

  it('Sheet.sort sorts whole rows below the frozen rows', () => {
    const { env, g } = contracts();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(env.spreadsheet.getActiveSheet().getRange('A1:A4').getValues().flat()).toEqual(['Client', 'Cobalt', 'Bolt', 'Acme']);
  });
});

describe('inserted and deleted rows and columns carry everything along', () => {
  it('notes, validations, formats and formulas move with the rows', () => {
    const { sheet } = contracts();
    sheet.insertRowsBefore(2, 2);
    expect(sheet.cell('D5')).toMatchObject({ note: 'note on Bolt', formula: '=C3*2', background: '#d9d2e9' });
    expect(sheet.cell('B5').validation).toMatchObject({ criteria: 'VALUE_IN_LIST' });
    sheet.insertRowsAfter(1, 1);
    expect(sheet.cell('D6').note).toBe('note on Bolt');
    sheet.deleteRows(2, 3);
    expect(sheet.cell('D3').note).toBe('note on Bolt');
    expect(sheet.cell('B3').validation).not.toBeNull();
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('hidden rows and merges follow inserted and deleted rows; deleted columns shift cells left', () => {
    const { sheet } = contracts();
    sheet.hideRows(3);
    sheet.getRange('A6:B7').merge();
    sheet.insertRowsBefore(2, 1);
    expect([sheet.isRowHiddenByUser(3), sheet.isRowHiddenByUser(4)]).toEqual([false, true]);
    expect(sheet.getRange('A1:D10').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A7:B8']);
    sheet.insertRowsAfter(7, 2); // inside the merge: it grows
    expect(sheet.getRange('A1:D20').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A7:B10']);
    sheet.deleteRows(4, 1);
    expect(sheet.isRowHiddenByUser(4)).toBe(false);
    sheet.deleteRows(6, 4); // the whole merge
    expect(sheet.getRange('A1:D20').getMergedRanges()).toEqual([]);
    sheet.deleteColumns(1, 1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Job', 'Paid', 'Audit']]);
    expect(sheet.getMaxColumns()).toBe(25);
    expect(() => sheet.deleteColumns(30, 1)).toThrow('Those columns are out of bounds.');
  });
});
