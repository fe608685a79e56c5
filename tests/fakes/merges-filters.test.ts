// Merged cells, hidden rows and the basic filter, as a script sees them.
import { createFakeAppsScript, type FakeState } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function setup() {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
  const raw = env.spreadsheet.getActiveSheet().load([
    ['Client', 'Status', 'Paid', 'Outside'],
    ['Acme', 'Open', 300, 'a'],
    ['Bolt', 'Closed', 1200, 'b'],
    ['Cobalt', 'Open', 50, 'c'],
    ['Delta', '', 700, 'd'],
  ]);
  const g = scriptGlobals(env);
  return { env, raw, g, sheet: g.SpreadsheetApp.getActiveSheet() };
}

describe('merged cells', () => {
  it('merge keeps the top-left value; the covered cells read as empty', () => {
    const { sheet } = setup();
    const title = sheet.getRange('A1:B2');
    title.merge();
    expect(title.getValues()).toEqual([['Client', ''], ['', '']]);
    expect(title.getDisplayValues()).toEqual([['Client', ''], ['', '']]);
    expect(title.isPartOfMerge()).toBe(true);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('C1').isPartOfMerge()).toBe(false);
    expect(sheet.getRange('A1:D5').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    expect(sheet.getRange('B2:C3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    title.breakApart();
    expect(title.getValues()).toEqual([['Client', ''], ['', '']]); // the others' values are gone
    expect(sheet.getRange('A1:D5').getMergedRanges()).toEqual([]);
  });

  it('mergeAcross merges each row; partial overlaps are refused with the real text', () => {
    const { sheet } = setup();
    sheet.getRange('A2:C3').mergeAcross();
    expect(sheet.getRange('A1:D5').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A2:C2', 'A3:C3']);
    expect(sheet.getRange('A2:C3').getValues()).toEqual([['Acme', '', ''], ['Bolt', '', '']]);
    const partial = 'You must select all cells in a merged range to merge or unmerge them.';
    expect(() => sheet.getRange('B2:D2').merge()).toThrow(partial);
    expect(() => sheet.getRange('A2:B3').breakApart()).toThrow(partial);
    sheet.getRange('A2:D3').merge(); // absorbs the merges inside it
    expect(sheet.getRange('A1:D5').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A2:D3']);
    sheet.getRange('A4:A5').mergeVertically();
    expect(sheet.getRange('A4:A5').getValues()).toEqual([['Cobalt'], ['']]);
  });
});

describe('hidden rows', () => {
  it('hideRows/showRows/isRowHiddenByUser; hidden rows still read and write', () => {
    const { sheet, env } = setup();
    sheet.hideRows(2, 2);
    sheet.hideRows(5);
    expect([2, 3, 4, 5].map((r) => sheet.isRowHiddenByUser(r))).toEqual([true, true, false, true]);
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['Acme'], ['Bolt']]);
    sheet.getRange('D2').setValue('written');
    expect(env.spreadsheet.getActiveSheet().getRange('D2').getValue()).toBe('written');
    sheet.showRows(3);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
    sheet.unhideRow(sheet.getRange('A2:A5'));
    sheet.hideRow(sheet.getRange('A4'));
    expect([2, 4, 5].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, false]);
    expect(sheet.isRowHiddenByFilter(4)).toBe(false);
    expect(() => sheet.hideRows(1000, 2)).toThrow('Those rows are out of bounds.');
  });
});

describe('the basic filter', () => {
  it('createFilter, getFilter, a second filter refused, remove', () => {
    const { sheet } = setup();
    expect(sheet.getFilter()).toBeNull();
    expect(sheet.getRange('A1').getFilter()).toBeNull();
    const filter = sheet.getRange('A1:C5').createFilter();
    expect(filter.getRange().getA1Notation()).toBe('A1:C5');
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:C5');
    expect(sheet.getRange('Z9').getFilter()!.getRange().getA1Notation()).toBe('A1:C5');
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow('You can\'t create a filter in a sheet that already has a filter.');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('criteria hide rows below the header; getters give back what was set', () => {
    const { sheet, g } = setup();
    const filter = sheet.getRange('A1:C5').createFilter();
    const criteria = g.SpreadsheetApp.newFilterCriteria().setHiddenValues(['Closed']).build();
    filter.setColumnFilterCriteria(2, criteria);
    expect([2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, true, false, false]);
    expect(filter.getColumnFilterCriteria(2)!.getHiddenValues()).toEqual(['Closed']);
    expect(filter.getColumnFilterCriteria(2)!.getCriteriaType()).toBeNull();
    expect(filter.getColumnFilterCriteria(1)).toBeNull();
    filter.setColumnFilterCriteria(1, g.SpreadsheetApp.newFilterCriteria().whenTextEqualTo('acme').build());
    expect([2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, true, true, true]);
    const got = filter.getColumnFilterCriteria(1)!;
    expect(String(got.getCriteriaType())).toBe('TEXT_EQUAL_TO');
    expect(got.getCriteriaValues()).toEqual(['acme']);
    expect(got.copy().whenCellNotEmpty().build().getCriteriaValues()).toEqual([]);
    filter.removeColumnFilterCriteria(1).setColumnFilterCriteria(2, null);
    expect([2, 3, 4, 5].some((r) => sheet.isRowHiddenByFilter(r))).toBe(false);
    filter.setColumnFilterCriteria(2, g.SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build());
    expect(sheet.isRowHiddenByFilter(5)).toBe(true);
    expect(sheet.isRowHiddenByFilter(1)).toBe(false); // the header row never hides
    expect(() => filter.setColumnFilterCriteria(4, criteria)).toThrow('Invalid argument: columnPosition');
    filter.remove();
    expect(sheet.isRowHiddenByFilter(5)).toBe(false);
  });

  it('sort moves the filter\'s rows below its header, in its columns only (cells outside stay put)', () => {
    const { sheet, raw } = setup();
    const filter = sheet.getRange('A1:C5').createFilter();
    filter.sort(3, false);
    expect(raw.getRange('A1:D5').getValues()).toEqual([
      ['Client', 'Status', 'Paid', 'Outside'],
      ['Bolt', 'Closed', 1200, 'a'],
      ['Delta', '', 700, 'b'],
      ['Acme', 'Open', 300, 'c'],
      ['Cobalt', 'Open', 50, 'd'],
    ]);
    filter.sort(1, true);
    expect(raw.getRange('A2:A5').getValues().flat()).toEqual(['Acme', 'Bolt', 'Cobalt', 'Delta']);
  });

  it('grows and shrinks with rows and columns inserted or deleted inside it', () => {
    const { sheet, g } = setup();
    const filter = sheet.getRange('A1:C5').createFilter();
    filter.setColumnFilterCriteria(3, g.SpreadsheetApp.newFilterCriteria().whenNumberGreaterThan(100).build());
    sheet.insertRowsAfter(2, 2);
    expect(filter.getRange().getA1Notation()).toBe('A1:C7');
    sheet.insertRowsBefore(1, 1);
    expect(filter.getRange().getA1Notation()).toBe('A2:C8');
    sheet.insertRowsAfter(8, 1); // below the last row: not inside
    expect(filter.getRange().getA1Notation()).toBe('A2:C8');
    sheet.insertColumnsBefore(2, 1);
    expect(filter.getRange().getA1Notation()).toBe('A2:D8');
    expect(filter.getColumnFilterCriteria(4)).not.toBeNull(); // the criteria moved with their column
    sheet.deleteRows(3, 3);
    expect(filter.getRange().getA1Notation()).toBe('A2:D5');
    sheet.deleteColumns(1, 2);
    expect(filter.getRange().getA1Notation()).toBe('A2:B5');
    expect(filter.getColumnFilterCriteria(2)).not.toBeNull();
    sheet.deleteRows(2, 4);
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('state', () => {
  it('merges, hidden rows and the filter survive toJSON / restore', () => {
    const { env, sheet, g } = setup();
    sheet.getRange('A1:B1').merge();
    sheet.hideRows(4);
    sheet.getRange('A2:C5').createFilter().setColumnFilterCriteria(2,
      g.SpreadsheetApp.newFilterCriteria().setHiddenValues(['Closed']).whenTextContains('o').build());
    const state = JSON.parse(JSON.stringify(env.toJSON())) as FakeState;
    expect(state.spreadsheet.sheets[0]).toMatchObject({
      merges: ['A1:B1'], hiddenRows: [4],
      filter: { range: 'A2:C5', criteria: { B: { criteria: 'TEXT_CONTAINS', values: ['o'], hidden: ['Closed'], visible: null } } },
    });
    const copy = createFakeAppsScript({ state });
    const s2 = scriptGlobals(copy).SpreadsheetApp.getActiveSheet();
    expect(s2.getRange('A1:D1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1']);
    expect(s2.isRowHiddenByUser(4)).toBe(true);
    expect(s2.getFilter()!.getColumnFilterCriteria(2)!.getHiddenValues()).toEqual(['Closed']);
    expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(state));
  });
});
