// Google's granular consent: the user may grant only some of the manifest's scopes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeAppsScript, MANIFEST_SCOPES } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

const SCOPE = (name: string) => `https://www.googleapis.com/auth/${name}`;
const GMAIL = SCOPE('gmail.compose');
const SHEETS = SCOPE('spreadsheets.currentonly');

describe('the manifest scopes', () => {
  it('are those of appsscript.json, all granted by default', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect([...MANIFEST_SCOPES]).toEqual(manifest.oauthScopes);
    expect(createFakeAppsScript().grantedScopes()).toEqual(manifest.oauthScopes);
  });
});

describe('calls needing a scope the user declined', () => {
  it('are refused with Apps Script\'s permission error, each with its scope', () => {
    const env = createFakeAppsScript({ grantedScopes: [] });
    const g = scriptGlobals(env);
    const refused: [string, string, () => unknown][] = [
      ['GmailApp.createDraft', GMAIL, () => g.GmailApp.createDraft('a@x.example', 's', 'b')],
      ['GmailApp.getDrafts', GMAIL, () => g.GmailApp.getDrafts()],
      ['MailApp.sendEmail', SCOPE('script.send_mail'), () => g.MailApp.sendEmail('a@x.example', 's', 'b')],
      ['MailApp.getRemainingDailyQuota', SCOPE('script.send_mail'), () => g.MailApp.getRemainingDailyQuota()],
      ['ScriptApp.newTrigger', SCOPE('script.scriptapp'), () => g.ScriptApp.newTrigger('f')],
      ['ScriptApp.getProjectTriggers', SCOPE('script.scriptapp'), () => g.ScriptApp.getProjectTriggers()],
      ['Session.getActiveUser', SCOPE('userinfo.email'), () => g.Session.getActiveUser().getEmail()],
      ['SpreadsheetApp.getActiveSpreadsheet', SHEETS, () => g.SpreadsheetApp.getActiveSpreadsheet()],
      ['Ui.showSidebar', SCOPE('script.container.ui'), () => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('x'))],
    ];
    for (const [name, scope, call] of refused) {
      expect(call).toThrow(`You do not have permission to call ${name}. Required permissions: ${scope}`);
    }
    // Menus, builders, enums and services needing no scope still work.
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Run audit', 'runAudit').addToUi();
    g.SpreadsheetApp.newFilterCriteria().whenCellEmpty().build();
    expect(String(g.ScriptApp.AuthMode.FULL)).toBe('FULL');
    g.PropertiesService.getUserProperties().setProperty('k', 'v');
    expect(env.ui.menus).toHaveLength(1);
  });

  it('decline and grant change what the next calls may do', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    g.GmailApp.createDraft('a@x.example', 's', 'b');
    env.decline(GMAIL);
    expect(env.grantedScopes()).not.toContain(GMAIL);
    expect(() => g.GmailApp.createDraft('a@x.example', 's', 'b')).toThrow(/Required permissions: .*gmail\.compose/);
    env.grant([GMAIL]);
    g.GmailApp.createDraft('a@x.example', 's', 'b');
    expect(env.gmail.drafts).toHaveLength(2);
  });
});

describe('ScriptApp.getAuthorizationInfo', () => {
  it('REQUIRED when any manifest scope is missing; with a scope list, judges only those', () => {
    const env = createFakeAppsScript();
    const { ScriptApp } = scriptGlobals(env);
    const full = ScriptApp.AuthMode.FULL;
    expect(ScriptApp.getAuthorizationInfo(full).getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(ScriptApp.getAuthorizationInfo(full).getAuthorizedScopes()).toEqual([...MANIFEST_SCOPES]);
    env.decline(GMAIL);
    const all = ScriptApp.getAuthorizationInfo(full);
    expect(all.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(all.getAuthorizationUrl()).toMatch(/^https:\/\//);
    expect(all.getAuthorizedScopes()).not.toContain(GMAIL);
    const sheetsOnly = ScriptApp.getAuthorizationInfo(full, [SHEETS]);
    expect(sheetsOnly.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(sheetsOnly.getAuthorizationUrl()).toBeNull();
    const both = ScriptApp.getAuthorizationInfo(full, [SHEETS, GMAIL]);
    expect(both.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(both.getAuthorizedScopes()).toEqual([SHEETS]);
    expect(() => ScriptApp.getAuthorizationInfo(full, 'x' as never)).toThrow(/don't match the method signature/);
  });

  it('requireReauthorization still makes everything REQUIRED', () => {
    const env = createFakeAppsScript();
    const { ScriptApp } = scriptGlobals(env);
    env.requireReauthorization(true);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [SHEETS]).getAuthorizationStatus())
      .toBe(ScriptApp.AuthorizationStatus.REQUIRED);
  });
});

describe('ScriptApp.requireScopes / requireAllScopes', () => {
  it('return when granted; otherwise record a consent prompt and end the execution', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    g.ScriptApp.requireScopes(g.ScriptApp.AuthMode.FULL, [SHEETS, GMAIL]);
    g.ScriptApp.requireAllScopes(g.ScriptApp.AuthMode.FULL);
    expect(env.ui.consentPrompts).toEqual([]);
    env.decline([GMAIL]);
    expect(() => g.ScriptApp.requireScopes(g.ScriptApp.AuthMode.FULL, [SHEETS, GMAIL]))
      .toThrow('Authorization is required to perform that action.');
    expect(env.ui.consentPrompts).toEqual([{ scopes: [GMAIL] }]);
    // The execution is over: even calls needing nothing throw.
    expect(() => g.PropertiesService.getUserProperties()).toThrow('Authorization is required to perform that action.');
    const next = scriptGlobals(env);
    expect(() => next.ScriptApp.requireAllScopes(next.ScriptApp.AuthMode.FULL)).toThrow('Authorization is required');
    expect(env.ui.consentPrompts).toHaveLength(2);
  });

  it('shows no prompt in a time-driven run (nobody is there), but still ends it', () => {
    const env = createFakeAppsScript({ grantedScopes: [SHEETS] });
    const g = scriptGlobals(env, { trigger: true });
    expect(() => g.ScriptApp.requireAllScopes(g.ScriptApp.AuthMode.FULL)).toThrow('Authorization is required');
    expect(env.ui.consentPrompts).toEqual([]);
  });

  it('the granted scopes survive toJSON / restore', () => {
    const env = createFakeAppsScript();
    env.decline(GMAIL);
    const copy = createFakeAppsScript({ state: JSON.parse(JSON.stringify(env.toJSON())) });
    expect(copy.grantedScopes()).toEqual(env.grantedScopes());
  });
});
