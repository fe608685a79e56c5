// runAudit through the built dist/Code.js on the local Apps Script fakes: a messy real sheet in,
// states, notes, highlights and a report out, and every cell of the user's unchanged.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditReport } from '../../src/core/types';
import { loadMessySheet, NOW, TODAY, isoDaysAgo } from './fixtures';

function stateByClient(report: AuditReport): Record<string, string> {
  return Object.fromEntries(report.contracts.map((c) => [c.client, c.state]));
}

describe('runAudit on a messy sheet', () => {
  let env: FakeAppsScript;
  beforeEach(() => {
    env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
  });

  it('gives every data row exactly one state, in sheet order, skipping the blank row', () => {
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.today).toBe(TODAY);
    expect(report.timeZone).toBe('America/New_York');
    expect(report.contracts.map((c) => [c.row, c.state])).toEqual([
      [4, 'Active'], [5, 'Quiet'], [6, 'Dormant'], [8, 'Closed'], [9, 'Keep open'],
      [10, 'Check data'], [11, 'Check data'], [12, 'Check data'], [13, 'Check data'], [14, 'Check data'],
    ]);
    expect(report.counts).toEqual({ open: 8, active: 1, quiet: 1, dormant: 1, closeOut: 0, closed: 1,
      keepOpen: 1, checkData: 5, followUpsDue: 1 });
    expect(report.notice).toBe('');
    const acme = report.contracts[0];
    expect(acme).toMatchObject({ client: 'Acme Corp', job: 'Logo design', platform: 'Upwork', status: 'Open',
      idleDays: 5, followUps: 0, lastFollowUp: null, followUpDue: false, email: 'ops@acme.example',
      url: 'https://www.upwork.com/ab/c/1' });
    expect(report.contracts.find((c) => c.client === 'Cobalt Ltd')).toMatchObject({ idleDays: 45, followUpDue: true });
    expect(report.contracts.find((c) => c.client === 'Golf')!.idleDays).toBeNull();
  });

  it('appends Follow-ups, Last follow-up and Audit at the right and writes the states there', () => {
    runFresh(env, 'runAudit');
    const sheet = env.spreadsheet.getActiveSheet();
    expect(sheet.getRange('J3:L3').getValues()).toEqual([['Follow-ups', 'Last follow-up', 'Audit']]);
    const audit = sheet.getRange('L4:L14').getValues().map((r) => r[0]);
    expect(audit).toEqual(['Active', 'Quiet', 'Dormant', '', 'Closed', 'Keep open',
      'Check data', 'Check data', 'Check data', 'Check data', 'Check data']);
  });

  it('appends its columns after the last used column of the table, never over a cell of the user\'s', () => {
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('J1').setValue('printed on Monday'); // above the header: not part of the table
    sheet.getRange('K10').setValue('call back!');        // a scribble right of the table, no header
    runFresh(env, 'runAudit');
    expect(sheet.getRange('J1:L1').getValues()).toEqual([['printed on Monday', '', '']]);
    expect(sheet.getRange('K10').getValue()).toBe('call back!');
    expect(sheet.getRange('L3:N3').getValues()).toEqual([['Follow-ups', 'Last follow-up', 'Audit']]);
    expect(sheet.getRange('N4').getValue()).toBe('Active');
  });

  it('notes on each bad row say what to fix, and the problems list names the row', () => {
    const report = runFresh<AuditReport>(env, 'runAudit');
    const sheet = env.spreadsheet.getActiveSheet();
    const notes = sheet.getRange('L4:L14').getNotes().map((r) => r[0]);
    expect(notes.slice(0, 6)).toEqual(['', '', '', '', '', '']);
    expect(notes[6]).toMatch(/soon/);            // garbage start date
    expect(notes[7]).toMatch(/#REF!/);
    expect(notes[8]).toMatch(/number/i);
    expect(notes[9]).toMatch(/Pending/);
    expect(notes[10]).toMatch(/future|after today/i);
    expect(report.problems.map((p) => p.row)).toEqual([10, 11, 12, 13, 14]);
    for (const p of report.problems) expect(p.message).toContain(`Row ${p.row}`);
  });

  it('highlights with one rule per state over the data rows, in the colours the README lists, keeping the user\'s rule', () => {
    const sheet = env.spreadsheet.getActiveSheet();
    const userRule = SpreadsheetAppRule(env);
    runFresh(env, 'runAudit');
    const rules = sheet.conditionalRules();
    expect(rules[0]).toEqual(userRule);
    expect(rules.slice(1)).toEqual([
      { formula: '=$L4="Close out"', background: '#f4cccc', ranges: ['A4:L14'] },
      { formula: '=$L4="Dormant"', background: '#fce5cd', ranges: ['A4:L14'] },
      { formula: '=$L4="Quiet"', background: '#fff2cc', ranges: ['A4:L14'] },
      { formula: '=$L4="Check data"', background: '#d9d2e9', ranges: ['A4:L14'] },
    ]);
    expect(sheet.effectiveBackground(6, 1)).toBe('#fce5cd');  // Dormant row, first cell
    expect(sheet.effectiveBackground(5, 9)).toBe('#fff2cc');  // Quiet row, user's column
    expect(sheet.effectiveBackground(4, 1)).not.toBe('#fce5cd');
  });

  it('a row the user cleared loses its old state and highlight; its cells stay empty', () => {
    runFresh(env, 'runAudit');
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('A6:I6').setValues([['', '', '', '', '', '', '', '', '']]); // was Cobalt, Dormant
    runFresh(env, 'runAudit');
    expect(sheet.getRange('L6').getValue()).toBe('');
    expect(sheet.effectiveBackground(6, 1)).not.toBe('#fce5cd');
    expect(sheet.getRange('A6:K6').getValues()[0].every((v) => v === '')).toBe(true);
  });

  it('a second audit replaces its own rules instead of adding more', () => {
    runFresh(env, 'runAudit');
    runFresh(env, 'runAudit');
    expect(env.spreadsheet.getActiveSheet().conditionalRules()).toHaveLength(4);
  });

  it('leaves every cell, note, format and formula of the user exactly as it was', () => {
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('A4').setBackground('#00ff00');
    sheet.getRange('B5').setNote('ask about the invoice');
    sheet.getRange('E4:F14').setNumberFormat('dd mmm yyyy');
    const before = sheet.snapshot();
    runFresh(env, 'runAudit');
    const after = sheet.snapshot();
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < 9; c++) expect([r + 1, c + 1, after[r][c]]).toEqual([r + 1, c + 1, before[r][c]]);
    }
    expect(sheet.getRange('I4').getFormula()).toBe('=LEN(A4)');
  });

  it('resets the follow-up count when the client answered after the last follow-up, and writes the 0 back', () => {
    runFresh(env, 'runAudit');
    const sheet = env.spreadsheet.getActiveSheet();
    // Blue Fin (row 5): 2 follow-ups, the last 20 days ago, but the client replied 14 days ago.
    sheet.getRange('J5:K5').setValues([[2, env.localDate(isoDaysAgo(20))]]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.contracts.find((c) => c.client === 'Blue Fin')).toMatchObject({ followUps: 0, state: 'Quiet' });
    expect(sheet.getRange('J5').getValue()).toBe(0);
  });
});

function SpreadsheetAppRule(env: FakeAppsScript) {
  // A rule of the user's own, made through the API as a user script would.
  const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const rule = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('great client')
    .setBackground('#00ffff').setRanges([sheet.getRange('I4:I20')]).build();
  sheet.setConditionalFormatRules([rule]);
  return env.spreadsheet.getActiveSheet().conditionalRules()[0];
}

describe('finding the table', () => {
  it('refuses an empty spreadsheet with the headers it looked for, and writes nothing', () => {
    const env = createFakeAppsScript({ now: NOW });
    const before = env.spreadsheet.getActiveSheet().snapshot();
    expect(() => runFresh(env, 'runAudit')).toThrow(/Client[\s\S]*Job[\s\S]*Set up contracts sheet/);
    expect(env.spreadsheet.getActiveSheet().snapshot()).toEqual(before);
  });

  it('uses the first sheet with a table when the active one has none', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([['just notes'], ['nothing here']]);
    const contracts = env.spreadsheet.insertSheet('Jobs');
    contracts.load([['Customer', 'Project', 'Last reply'], ['Kilo', 'Mobile app', env.localDate(isoDaysAgo(31))]]);
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheets()[0]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.sheetName).toBe('Jobs');
    expect(report.contracts[0]).toMatchObject({ client: 'Kilo', job: 'Mobile app', state: 'Dormant', idleDays: 31 });
    expect(env.spreadsheet.getSheets()[0].snapshot()[0][0].value).toBe('just notes');
  });

  it('reads only the first rows of other sheets while looking, and saveSettings reads only the header rows', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Last activity'], ['Kilo', 'App', env.localDate(isoDaysAgo(3))]]);
    const raw = env.spreadsheet.insertSheet('Raw export');
    raw.load(Array.from({ length: 3000 }, (_, i) => [`line ${i}`, i]));
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheets()[1]); // a tab without a table, 3,000 rows
    env.calls.reset();
    runFresh(env, 'saveSettings', [{ senderName: 'Sam' }]);
    expect(env.calls.byMethod()['Sheet.getDataRange']).toBeUndefined();
    env.calls.reset();
    expect(runFresh<AuditReport>(env, 'runAudit').contracts.map((c) => c.client)).toEqual(['Kilo']);
    expect(env.calls.byMethod()['Sheet.getDataRange']).toBe(2); // the active tab, then the contracts sheet
  });

  it('a configured sheet is remembered by its ID: a rename keeps it; once deleted, it is an error with no fallback', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'saveSettings', [{ sheetName: env.spreadsheet.getActiveSheet().getName() }]);
    env.spreadsheet.getActiveSheet().setName('Renamed');
    env.spreadsheet.insertSheet('Another').load([['Client', 'Job', 'Start date'], ['Zulu', 'Z', env.localDate('2026-11-01')]]);
    expect(runFresh<AuditReport>(env, 'runAudit').sheetName).toBe('Renamed');
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Renamed')!);
    expect(() => runFresh(env, 'runAudit')).toThrow(/missing \(deleted\)/i);
  });

  it('uses the first of duplicate headers and says so in the problems', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([
      ['Client', 'Job', 'Last activity', 'Client'],
      ['Lima', 'Shop', env.localDate(isoDaysAgo(2)), 'Other'],
    ]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.contracts[0].client).toBe('Lima');
    expect(report.problems.some((p) => p.row === 1 && /Client/.test(p.message))).toBe(true);
  });
});

describe('dates and days in the spreadsheet\'s time zone', () => {
  it('counts calendar days in the spreadsheet zone, not UTC', () => {
    // 03:00 UTC on Nov 28 is still Nov 27 in New York.
    const env = createFakeAppsScript({ now: '2026-11-28T03:00:00Z' });
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Last activity'], ['Mike', 'Site', env.localDate('2026-11-13')]]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.today).toBe('2026-11-27');
    expect(report.contracts[0]).toMatchObject({ idleDays: 14, state: 'Quiet' });
  });

  it('reads text dates in the sheet locale: day first under en_GB', () => {
    const env = createFakeAppsScript({ now: NOW, locale: 'en_GB', timeZone: 'Europe/London' });
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Last activity'],
      ['Nora', 'Deck', '01/11/2026'], ['Oscar', 'Ads', '2026-11-27'], ['Papa', 'Blog', '1 October 2026']]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.contracts.map((c) => c.idleDays)).toEqual([27, 1, 58]);
  });
});

describe('one audit at a time', () => {
  it('refuses while another execution holds the document lock, and writes nothing', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    const before = env.spreadsheet.getActiveSheet().snapshot();
    env.lock.holdByOtherExecution();
    expect(() => runFresh(env, 'runAudit')).toThrow('An audit is already running');
    expect(env.spreadsheet.getActiveSheet().snapshot()).toEqual(before);
    env.lock.release();
    expect(() => runFresh(env, 'runAudit')).not.toThrow();
  });
});

describe('settings', () => {
  it('damaged stored settings fall back to defaults and say so in the problems', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    env.properties.document.set('contractAudit.settings', '{not json');
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.problems[0].message).toMatch(/settings/i);
    expect(report.contracts.find((c) => c.client === 'Blue Fin')!.state).toBe('Quiet');
  });

  it('thresholds from settings change the states', () => {
    const env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
    runFresh(env, 'saveSettings', [{ quietDays: 3, dormantDays: 10 }]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.contracts.find((c) => c.client === 'Acme Corp')!.state).toBe('Quiet');
    expect(report.contracts.find((c) => c.client === 'Blue Fin')!.state).toBe('Dormant');
  });

  it('invalid input names the field and stores nothing', () => {
    const env = createFakeAppsScript({ now: NOW });
    expect(() => runFresh(env, 'saveSettings', [{ quietDays: 40 }])).toThrow(/quietDays/);
    expect(() => runFresh(env, 'saveSettings', [{ maxFollowUps: 9 }])).toThrow(/maxFollowUps[\s\S]*5/);
    expect(runFresh(env, 'getSettings')).toMatchObject({ quietDays: 14, dormantDays: 30, maxFollowUps: 3 });
  });
});
