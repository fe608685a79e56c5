// getDisplayValues under number formats (currency, percent, grouping, bracketed currency codes,
// dates), and currency or grouped numbers typed with setValue.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function sheetFor(locale = 'en_US') {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z', locale });
  return { env, sheet: scriptGlobals(env).SpreadsheetApp.getActiveSheet() };
}

describe('getDisplayValues follows number formats', () => {
  it.each([
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-1234.5, '$#,##0.00', '-$1,234.50'],
    [1234.5, '"$"#,##0.00', '$1,234.50'],
    [0.15, '0%', '15%'],
    [0.15, '0.0%', '15.0%'],
    [1234567, '#,##0', '1,234,567'],
    [1234.5, '[$€]#,##0.00', '€1,234.50'],
    [1234.5, '[$€-407]#,##0.00', '€1,234.50'],
    [1234.5, '#,##0.00 [$€]', '1,234.50 €'],
    [-1234.5, '$#,##0.00;[Red]($#,##0.00)', '($1,234.50)'],
    [-5, '#,##0;(#,##0)', '(5)'],
    [0.5, '0.00', '0.50'],
  ])('%p as %s shows %s', (value, format, shown) => {
    const { sheet } = sheetFor();
    const cell = sheet.getRange('A1').setValue(value).setNumberFormat(format);
    expect(cell.getDisplayValue()).toBe(shown);
    expect(cell.getValue()).toBe(value);
  });

  it('dates under date formats and the locale default', () => {
    const { env, sheet } = sheetFor();
    sheet.getRange('A1:C1').setValues([[env.localDate('2026-10-01'), env.localDate('2026-10-01'), env.localDate('2026-10-01')]]);
    sheet.getRange('B1').setNumberFormat('mmmm d, yyyy');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['10/1/2026', 'October 1, 2026', '2026-10-01']]);
  });
});

describe('typed currency and grouped numbers (setValue reads strings as typed input)', () => {
  it('$1,234.50 becomes 1234.5 with a currency format; 1,234 becomes 1234', () => {
    const { sheet } = sheetFor();
    sheet.getRange('A1:D1').setValues([['$1,234.50', '1,234', '-$20', '1,23']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1234.5, 1234, -20, '1,23']]);
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['"$"#,##0.00', '#,##0', '"$"#,##0.00']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['$1,234.50', '1,234', '-$20.00']]);
  });

  it('leaves them as text in a plain-text cell', () => {
    const { sheet } = sheetFor();
    sheet.getRange('A1').setNumberFormat('@').setValue('$1,234.50');
    expect(sheet.getRange('A1').getValue()).toBe('$1,234.50');
  });
});
