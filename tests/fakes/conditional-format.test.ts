// Conditional format rules: built, stored, read back as Apps Script objects, and evaluated for the preview.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function setup() {
  const env = createFakeAppsScript();
  const g = scriptGlobals(env);
  const sheet = g.SpreadsheetApp.getActiveSheet();
  env.spreadsheet.getActiveSheet().load([
    ['Client', 'Job', 'Audit'],
    ['Acme', 'Logo', 'Quiet'],
    ['Bolt', 'Site', 'Close out'],
    ['Cobalt', 'App', 'Active'],
    ['Delta', 'Copy', 'close OUT'],
  ]);
  return { env, g, sheet, testSheet: env.spreadsheet.getActiveSheet() };
}

describe('conditional format rules', () => {
  it('round-trip: criteria, values, colours (normalised), ranges; new objects on each read', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2="Close out"').setBackground('#F4CCCC').setFontColor('#990000').setBold(true)
      .setRanges([sheet.getRange('A2:C5')]).build();
    const text = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Quiet').setBackground('#fff2cc')
      .setRanges([sheet.getRange('C2:C5'), sheet.getRange('E2:E5')]).build();
    sheet.setConditionalFormatRules([rule, text]);
    const [first, second] = sheet.getConditionalFormatRules();
    const condition = first.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(g.SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(String(condition.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(condition.getCriteriaValues()).toEqual(['=$C2="Close out"']);
    expect([condition.getBackground(), condition.getFontColor(), condition.getBold()]).toEqual(['#f4cccc', '#990000', true]);
    expect(first.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:C5']);
    expect(first.getGradientCondition()).toBeNull();
    expect(second.getBooleanCondition()!.getCriteriaType()).toBe(g.SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
    expect(second.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C5', 'E2:E5']);
    expect(sheet.getConditionalFormatRules()[0]).not.toBe(first);
  });

  it('keeps other rules when a script filters and re-sets them; copy() makes an editable builder', () => {
    const { g, sheet, testSheet } = setup();
    const mine = g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee')
      .setRanges([sheet.getRange('B2:B5')]).build();
    const theirs = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2="Quiet"')
      .setBackground('#fff2cc').setRanges([sheet.getRange('A2:C5')]).build();
    sheet.setConditionalFormatRules([mine, theirs]);
    const kept = sheet.getConditionalFormatRules().filter((r) => r.getBooleanCondition()!.getCriteriaValues()[0] !== '=$C2="Quiet"');
    const recoloured = sheet.getConditionalFormatRules()[1].copy().setBackground('#d9d2e9').build();
    sheet.setConditionalFormatRules(kept.concat([recoloured]));
    expect(testSheet.conditionalRules()).toEqual([
      { formula: 'CELL_EMPTY', background: '#eeeeee', ranges: ['B2:B5'] },
      { formula: '=$C2="Quiet"', background: '#d9d2e9', ranges: ['A2:C5'] },
    ]);
    sheet.clearConditionalFormatRules();
    expect(testSheet.conditionalRules()).toEqual([]);
  });

  it('refuses a rule without a condition or ranges', () => {
    const { g } = setup();
    expect(() => g.SpreadsheetApp.newConditionalFormatRule().setBackground('#ffffff').build()).toThrow(/condition/);
    expect(() => g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().build()).toThrow(/range/);
  });
});

describe('effectiveBackground (what the person sees)', () => {
  it('colours whole rows by `=$C2="state"` rules: relative row, absolute column, ignoring case; first match wins', () => {
    const { g, sheet, testSheet } = setup();
    sheet.getRange('A4').setBackground('#00ff00');
    const rule = (state: string, color: string) => g.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$C2="${state}"`).setBackground(color).setRanges([sheet.getRange('A2:C5')]).build();
    const catchAll = g.SpreadsheetApp.newConditionalFormatRule().whenCellNotEmpty().setBackground('#cccccc')
      .setRanges([sheet.getRange('A3:C3')]).build();
    sheet.setConditionalFormatRules([rule('Close out', '#f4cccc'), rule('Quiet', '#fff2cc'), catchAll]);
    const row = (r: number) => [1, 2, 3].map((c) => testSheet.effectiveBackground(r, c));
    expect(row(2)).toEqual(['#fff2cc', '#fff2cc', '#fff2cc']);
    expect(row(3)).toEqual(['#f4cccc', '#f4cccc', '#f4cccc']);
    expect(row(4)).toEqual(['#00ff00', '#ffffff', '#ffffff']);
    expect(row(5)).toEqual(['#f4cccc', '#f4cccc', '#f4cccc']);
    expect(testSheet.effectiveBackground(1, 1)).toBe('#ffffff');
    expect(testSheet.effectiveBackground(3, 4)).toBe('#ffffff');
    sheet.getRange('C3').setValue('Active');
    expect(testSheet.effectiveBackground(3, 1)).toBe('#cccccc');
  });
});
