// Menus, the schedule on a time-driven trigger, and the scheduled audit with its digest,
// through dist/Code.js on the fakes.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditReport, Schedule } from '../../src/core/types';
import { loadMessySheet, NOW, isoDaysAgo } from './fixtures';

function clockTriggers(env: FakeAppsScript) {
  return env.triggers.filter((t) => t.eventType === 'CLOCK');
}

describe('menus', () => {
  it('onOpen in AuthMode.NONE adds the add-on menu and touches no properties', () => {
    const env = createFakeAppsScript({ now: NOW });
    runFresh(env, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(env.ui.menus).toHaveLength(1);
    expect(env.ui.menus[0].items).toEqual([
      { caption: 'Open sidebar', functionName: 'showSidebar' },
      { caption: 'Run audit', functionName: 'runAudit' },
      { caption: 'Set up contracts sheet', functionName: 'setupContractsSheet' },
      { caption: 'Clear highlights', functionName: 'clearHighlights' },
    ]);
    expect(env.calls.service('PropertiesService')).toBe(0);
  });

  it('onInstall adds the same menu, then opens the sidebar on its first-run screen', () => {
    const env = createFakeAppsScript({ now: NOW });
    runFresh(env, 'onInstall');
    expect(env.ui.menus[0].items.map((i) => i.caption)).toContain('Run audit');
    expect(env.ui.sidebars).toHaveLength(1);
    // A spreadsheet without a contracts table: the sidebar knows, and says why.
    expect(env.ui.sidebars[0].html).toContain('No contracts table found');
  });
});

describe('setupContractsSheet and clearHighlights', () => {
  it('creates a ready Contracts sheet the audit recognises, and refuses a second time', () => {
    const env = createFakeAppsScript({ now: NOW });
    expect(runFresh(env, 'setupContractsSheet')).toEqual({ sheetName: 'Contracts' });
    const sheet = env.spreadsheet.getSheetByName('Contracts')!;
    expect(sheet.getFrozenRows()).toBe(1);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    for (const h of ['Client', 'Job', 'Status', 'Follow-ups', 'Last follow-up', 'Audit', 'Closed on', 'Close reason']) {
      expect(headers).toContain(h);
    }
    const statusCol = headers.indexOf('Status') + 1;
    const rule = sheet.getRange(2, statusCol).getDataValidation();
    expect(rule && rule.getCriteriaValues()[0]).toEqual(expect.arrayContaining(['Open', 'Closed', 'Keep open']));
    expect(() => runFresh(env, 'setupContractsSheet')).toThrow(/already exists/);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.sheetName).toBe('Contracts');
  });

  it('clearHighlights removes only the add-on\'s rules', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'runAudit');
    const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const mine = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$D4="Open"')
      .setBackground('#ffffff').setRanges([sheet.getRange('A4:A9')]).build();
    sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([mine]));
    expect(runFresh(env, 'clearHighlights')).toEqual({ removed: 4 });
    expect(env.spreadsheet.getActiveSheet().conditionalRules()).toEqual([
      { formula: '=$D4="Open"', background: '#ffffff', ranges: ['A4:A9'] }]);
  });
});

describe('the schedule', () => {
  let env: FakeAppsScript;
  beforeEach(() => {
    env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
  });

  it('enabling twice leaves one trigger with the right configuration and handler', () => {
    runFresh(env, 'enableSchedule');
    const schedule = runFresh<Schedule>(env, 'enableSchedule', [{ frequency: 'monthly', dayOfMonth: 15, hour: 7 }]);
    const clocks = clockTriggers(env);
    expect(clocks).toHaveLength(1);
    expect(clocks[0].getHandlerFunction()).toBe('scheduledAudit');
    expect(clocks[0].config).toMatchObject({ kind: 'monthDay', monthDay: 15, hour: 7, timeZone: 'America/New_York' });
    expect(schedule).toMatchObject({ enabled: true, frequency: 'monthly', dayOfMonth: 15, hour: 7,
      nextRun: '2026-12-15T07:00:00-05:00', lastRun: null, lastError: null });
  });

  it('defaults to monthly on day 1 at 9 o\'clock, and weekly is an option', () => {
    expect(runFresh<Schedule>(env, 'enableSchedule')).toMatchObject({ frequency: 'monthly', dayOfMonth: 1, hour: 9,
      nextRun: '2026-12-01T09:00:00-05:00' });
    const weekly = runFresh<Schedule>(env, 'enableSchedule', [{ frequency: 'weekly', weekday: 'MONDAY', hour: 8 }]);
    expect(weekly.nextRun).toBe('2026-11-30T08:00:00-05:00');
    expect(clockTriggers(env)[0].config).toMatchObject({ kind: 'weekDay', weekDay: 'MONDAY', hour: 8 });
  });

  it('other triggers of the user survive enable and disable', () => {
    env.addUserTrigger('myOwnOnEdit');
    env.addUserTrigger('scheduledAudit', 'another-document-id');
    runFresh(env, 'enableSchedule');
    runFresh(env, 'enableSchedule', [{ hour: 10 }]);
    const disabled = runFresh<Schedule>(env, 'disableSchedule');
    expect(disabled).toMatchObject({ enabled: false, nextRun: null });
    expect(env.triggers.map((t) => t.getHandlerFunction()).sort()).toEqual(['myOwnOnEdit', 'scheduledAudit']);
  });

  it('refuses input outside the ranges and keeps the current trigger', () => {
    runFresh(env, 'enableSchedule', [{ dayOfMonth: 5 }]);
    for (const bad of [{ dayOfMonth: 0 }, { dayOfMonth: 29 }, { hour: 24 }, { weekday: 'FUNDAY', frequency: 'weekly' },
      { frequency: 'daily' }]) {
      expect(() => runFresh(env, 'enableSchedule', [bad])).toThrow(/dayOfMonth|hour|weekday|frequency/);
    }
    expect(clockTriggers(env)).toHaveLength(1);
    expect(runFresh<Schedule>(env, 'getSchedule')).toMatchObject({ enabled: true, dayOfMonth: 5 });
  });
});

describe('scheduledAudit', () => {
  it('audits, highlights and sends one digest when something needs attention', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'enableSchedule');
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.spreadsheet.getActiveSheet().getRange('L6').getValue()).toBe('Dormant');
    expect(env.mail.sent).toHaveLength(1);
    expect(env.mail.sent[0].to).toBe('freelancer@example.com');
    expect(env.mail.sent[0].body).toContain('Cobalt Ltd');
    expect(env.mail.sent[0].body).toContain(env.spreadsheet.getUrl());
    expect(env.gmail.drafts).toHaveLength(0);
    const schedule = runFresh<Schedule>(env, 'getSchedule');
    expect(schedule.lastRun).toBe('2026-11-28T10:00:00-05:00');
    expect(schedule.lastError).toBeNull();
  });

  it('sends no email when nothing needs attention', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Last activity'], ['Fine', 'Work', env.localDate(isoDaysAgo(2))]]);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.mail.sent).toHaveLength(0);
    expect(runFresh<Schedule>(env, 'getSchedule').lastRun).not.toBeNull();
  });

  it('drafts the due follow-ups when autoDraft is on, and says so in the digest', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'saveSettings', [{ autoDraft: true }]);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.gmail.drafts.map((d) => d.to)).toEqual(['cto@cobalt.example']);
    expect(env.mail.sent[0].body).toMatch(/1 follow-up draft/);
  });

  it('stores lastError instead of failing silently when the configured sheet is missing', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'saveSettings', [{ sheetName: env.spreadsheet.getActiveSheet().getName() }]);
    env.spreadsheet.insertSheet('Old contracts').load([['Client', 'Job', 'Start date'], ['Zulu', 'Z', env.localDate('2026-11-01')]]);
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheets()[0]);
    expect(() => runFresh(env, 'scheduledAudit', undefined, { trigger: true })).not.toThrow();
    const schedule = runFresh<Schedule>(env, 'getSchedule');
    expect(schedule.lastError).toMatch(/missing/);
    expect(schedule.lastError).toMatch(/^2026-11-28T10:00:00-05:00/);
    expect(env.mail.sent).toHaveLength(0);
  });

  it('says so in lastError when the digest has no address to go to', () => {
    const env = createFakeAppsScript({ now: NOW, userEmail: '' });
    loadMessySheet(env);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.mail.sent).toHaveLength(0);
    expect(runFresh<Schedule>(env, 'getSchedule').lastError).toMatch(/digest was not sent/);
  });

  it('says so in lastError when the add-on needs authorization again, without half-running', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    env.requireReauthorization(true);
    const before = env.spreadsheet.getActiveSheet().snapshot();
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.spreadsheet.getActiveSheet().snapshot()).toEqual(before);
    expect(runFresh<Schedule>(env, 'getSchedule').lastError).toMatch(/permission/);
  });
});
