// toJSON / restore: the whole account survives a trip through a JSON file.
import { createFakeAppsScript, type FakeState } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function populated() {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z', timeZone: 'Europe/London', locale: 'en_GB' });
  const g = scriptGlobals(env);
  const ss = g.SpreadsheetApp.getActive();
  const sheet = ss.insertSheet('Contracts');
  env.spreadsheet.getSheetByName('Contracts')!.load([
    ['Client', 'Start', 'Audit'], ['Acme', env.localDate('2026-10-01'), 'Quiet'], ['Bolt', env.localDate('2026-03-29'), 'Active'],
  ]);
  sheet.getRange('C2').setNote('Last activity is after today').setBackground('#d9d2e9').setFontWeight('bold');
  sheet.getRange('B2:B3').setNumberFormat('d mmm yyyy');
  sheet.getRange('D2').setFormula('=B2+1');
  sheet.getRange('E2:E3').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).build());
  sheet.setFrozenRows(1);
  sheet.setConditionalFormatRules([g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2="Quiet"')
    .setBackground('#fff2cc').setRanges([sheet.getRange('A2:C3')]).build()]);
  sheet.getRange('A3').activate();
  g.PropertiesService.getDocumentProperties().setProperty('settings', '{"quietDays":10}');
  g.PropertiesService.getUserProperties().setProperty('seen', 'yes');
  g.CacheService.getDocumentCache()!.put('report', 'cached', 300);
  g.GmailApp.createDraft('ann@acme.example', 'Hi', 'Body');
  g.MailApp.sendEmail('me@x.example', 'Digest', 'text');
  g.ScriptApp.newTrigger('scheduledAudit').timeBased().onMonthDay(1).atHour(9).create();
  env.addUserTrigger('elsewhere', 'doc-2');
  g.SpreadsheetApp.getUi().createAddonMenu().addItem('Run audit', 'runAudit').addToUi();
  env.lock.holdByOtherExecution();
  env.gmail.failAfter(3);
  return env;
}

describe('toJSON / restore', () => {
  it('round-trips sheets, cells (dates as local ISO), rules, properties, cache, mail, triggers and UI', () => {
    const env = populated();
    const json = JSON.stringify(env.toJSON());
    const state = JSON.parse(json) as FakeState;
    expect(state.spreadsheet.sheets[1].cells.B2).toEqual({ date: '2026-10-01T00:00:00.000', numberFormat: 'd mmm yyyy' });

    const copy = createFakeAppsScript({ state });
    expect(JSON.stringify(copy.toJSON())).toBe(json);
    const before = env.spreadsheet.getSheetByName('Contracts')!;
    const after = copy.spreadsheet.getSheetByName('Contracts')!;
    expect(after.snapshot()).toEqual(before.snapshot());
    expect(after.conditionalRules()).toEqual([{ formula: '=$C2="Quiet"', background: '#fff2cc', ranges: ['A2:C3'] }]);
    expect(after.effectiveBackground(2, 1)).toBe('#fff2cc');
    expect(after.getFrozenRows()).toBe(1);
    expect(copy.spreadsheet.getActiveSheet().getName()).toBe('Contracts');
    expect(copy.spreadsheet.getActiveRange().getA1Notation()).toBe('A3');

    const g = scriptGlobals(copy);
    const value = g.SpreadsheetApp.getActive().getSheetByName('Contracts')!.getRange('B3').getValue() as Date;
    expect(value).toBeInstanceOf(g.Date);
    expect(value.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(g.SpreadsheetApp.getActive().getSheetByName('Contracts')!.getRange('B2').getDisplayValue()).toBe('1 Oct 2026');
    expect(g.PropertiesService.getDocumentProperties().getProperty('settings')).toBe('{"quietDays":10}');
    expect(g.CacheService.getDocumentCache()!.get('report')).toBe('cached');
    expect(copy.gmail.drafts).toEqual(env.gmail.drafts);
    expect(copy.mail.sent).toEqual(env.mail.sent);
    expect(copy.triggers.map((t) => [t.getHandlerFunction(), t.documentId, t.config])).toEqual(
      env.triggers.map((t) => [t.getHandlerFunction(), t.documentId, t.config]));
    expect(copy.ui.menus).toEqual(env.ui.menus);
    expect(g.LockService.getDocumentLock().tryLock(100)).toBe(false);
    expect(copy.clock.now().toISOString()).toBe('2026-11-28T15:00:00.000Z');
    expect(() => g.ScriptApp.newTrigger('again').timeBased().everyDays(1).atHour(3).create()).toThrow(/too many time-based triggers/);
  });

  it('restore() replaces the account in place', () => {
    const env = populated();
    const blank = createFakeAppsScript();
    blank.restore(env.toJSON());
    expect(blank.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Contracts']);
    expect(blank.properties.user.get('seen')).toBe('yes');
  });
});
