// Authorization modes, call counting and what a script can see on the fake objects.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

describe('AuthMode.NONE (add-on onOpen in a document where it was never used)', () => {
  it('may build the add-on menu', () => {
    const env = createFakeAppsScript();
    const { SpreadsheetApp } = scriptGlobals(env, { authMode: 'NONE' });
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator()
      .addItem('Run audit', 'runAudit').addToUi();
    expect(env.ui.menus).toEqual([{
      title: 'Contract Audit',
      items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }, { caption: 'Run audit', functionName: 'runAudit' }],
      entries: [{ type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' }, { type: 'separator' },
        { type: 'item', caption: 'Run audit', functionName: 'runAudit' }],
    }]);
  });

  it('refuses properties, mail, drafts, triggers, locks, cache, the user\'s email and the sheet', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env, { authMode: 'NONE' });
    const refused: [string, () => unknown][] = [
      ['PropertiesService.getDocumentProperties', () => g.PropertiesService.getDocumentProperties()],
      ['GmailApp.createDraft', () => g.GmailApp.createDraft('a@x.example', 's', 'b')],
      ['MailApp.sendEmail', () => g.MailApp.sendEmail('a@x.example', 's', 'b')],
      ['ScriptApp.getUserTriggers', () => g.ScriptApp.getUserTriggers(null as never)],
      ['ScriptApp.newTrigger', () => g.ScriptApp.newTrigger('f')],
      ['LockService.getDocumentLock', () => g.LockService.getDocumentLock()],
      ['CacheService.getDocumentCache', () => g.CacheService.getDocumentCache()],
      ['Session.getActiveUser', () => g.Session.getActiveUser().getEmail()],
      ['SpreadsheetApp.getActiveSpreadsheet', () => g.SpreadsheetApp.getActiveSpreadsheet()],
      ['SpreadsheetApp.getActiveSheet', () => g.SpreadsheetApp.getActiveSheet().getRange('A1').getValues()],
      ['Ui.showSidebar', () => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('x'))],
    ];
    for (const [name, call] of refused) {
      expect(call).toThrow(`You do not have permission to call ${name}.`);
    }
    expect(g.ScriptApp.AuthMode.NONE).toBeDefined();
    expect(g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL).getAuthorizationStatus())
      .toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
  });
});

describe('AuthMode.LIMITED (simple triggers)', () => {
  it('may use the document and properties, not mail, drafts or triggers', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env, { authMode: 'LIMITED' });
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(g.SpreadsheetApp.getActiveSheet().getRange('A1').getValue()).toBe('');
    expect(() => g.GmailApp.createDraft('a@x.example', 's', 'b')).toThrow(/You do not have permission to call GmailApp.createDraft/);
    expect(() => g.ScriptApp.newTrigger('f')).toThrow(/You do not have permission to call ScriptApp.newTrigger/);
  });
});

describe('call counting', () => {
  it('counts every call reached from SpreadsheetApp by Class.method, and other services apart', () => {
    const env = createFakeAppsScript();
    env.spreadsheet.getActiveSheet().load([['a', 'b'], ['c', 'd']]);
    const g = scriptGlobals(env);
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
    range.getValues();
    range.getValues();
    g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([range]).build();
    g.PropertiesService.getDocumentProperties().getProperty('x');
    expect(env.calls.byMethod()).toEqual({
      'ConditionalFormatRuleBuilder.build': 1, 'ConditionalFormatRuleBuilder.setRanges': 1,
      'ConditionalFormatRuleBuilder.whenCellEmpty': 1, 'Properties.getProperty': 1,
      'PropertiesService.getDocumentProperties': 1, 'Range.getValues': 2, 'Sheet.getLastColumn': 1,
      'Sheet.getLastRow': 1, 'Sheet.getRange': 1, 'Spreadsheet.getActiveSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'SpreadsheetApp.newConditionalFormatRule': 1,
    });
    expect(env.calls.spreadsheet()).toBe(11);
    expect(env.calls.spreadsheetData()).toBe(2); // the two getValues: getters and builders move no data
    expect(env.calls.service('PropertiesService')).toBe(2);
    expect(env.calls.service('GmailApp')).toBe(0);
    env.calls.reset();
    expect(env.calls.spreadsheet()).toBe(0);
  });

  it('does not count test-side calls or helpers', () => {
    const env = createFakeAppsScript();
    const testSheet = env.spreadsheet.getActiveSheet();
    testSheet.load([['x']]);
    testSheet.snapshot();
    testSheet.cell('A1');
    testSheet.getRange('A1').getValues();
    expect(env.calls.spreadsheet()).toBe(0);
  });
});

describe('what a script can see', () => {
  it('only real API members: no test helpers or internals, and assignments are refused', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    const sheet = g.SpreadsheetApp.getActiveSheet() as unknown as Record<string, unknown>;
    expect(typeof sheet.getRange).toBe('function');
    expect(sheet.load).toBeUndefined();
    expect(sheet.snapshot).toBeUndefined();
    expect(sheet.parent).toBeUndefined();
    expect(sheet.cellAt).toBeUndefined();
    expect('getLastRow' in sheet).toBe(true);
    expect('load' in sheet).toBe(false);
    expect(Reflect.set(sheet, 'getRange', () => 1)).toBe(false);
    expect(Reflect.set(sheet, 'extra', 1)).toBe(false);
    expect(sheet.extra).toBeUndefined();
  });

  it('HtmlService templates: scriptlets, escaping, and the sidebar record', () => {
    const env = createFakeAppsScript({ htmlFiles: { sidebar: '<title><?= title ?></title><script>var B = <?!= json ?>;</script>' } });
    const g = scriptGlobals(env);
    const template = g.HtmlService.createTemplateFromFile('sidebar') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    template.title = 'Jobs <&> "you"';
    template.json = JSON.stringify({ a: 1 });
    const output = template.evaluate().setTitle('Contract Audit').setWidth(300);
    g.SpreadsheetApp.getUi().showSidebar(output);
    expect(env.ui.sidebars).toEqual([{
      title: 'Contract Audit',
      html: '<title>Jobs &lt;&amp;&gt; &quot;you&quot;</title><script>var B = {"a":1};</script>',
    }]);
    expect(() => g.HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
    expect(g.SpreadsheetApp.getUi().alert('Done')).toBe(g.SpreadsheetApp.getUi().Button.OK);
    expect(env.ui.alerts).toEqual(['Done']);
  });
});
