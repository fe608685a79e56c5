// Follow-ups and close-out through dist/Code.js: drafts, paste-ready text, the cadence to
// Close out day by day, the reset on a reply, quotas, row safety after a sort, and closing.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditContract, AuditReport, DraftResult } from '../../src/core/types';
import { loadMessySheet, NOW, isoDaysAgo } from './fixtures';

const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Last client activity', 'Client email', 'Contract URL'];

function contract(report: AuditReport, client: string): AuditContract {
  const found = report.contracts.find((c) => c.client === client);
  if (!found) throw new Error(`no contract for ${client}`);
  return found;
}

function at(env: FakeAppsScript, iso: string): void {
  env.clock.set(`${iso}T15:00:00Z`);
}

describe('the follow-up cadence, day by day, to Close out', () => {
  it('drafts first, second and final follow-ups a week apart, then says Close out', () => {
    const env = createFakeAppsScript({ now: '2026-10-31T15:00:00Z' });
    env.spreadsheet.getActiveSheet().load([HEADER,
      ['Quinn & Co', 'Brand refresh', 'Upwork', 'Open', env.localDate('2026-10-01'), 'quinn@example.com', 'https://www.upwork.com/c/9']]);
    const seen: string[] = [];
    const stages: string[] = [];
    for (let day = 0; day <= 22; day++) {
      const iso = new Date(Date.UTC(2026, 9, 31 + day)).toISOString().slice(0, 10);
      at(env, iso);
      const result = runFresh<DraftResult>(env, 'draftFollowUps');
      for (const d of result.drafted) stages.push(`${iso} ${d.stage}`);
      const c = contract(result.report, 'Quinn & Co');
      seen.push(`${iso} ${c.state} ${c.followUps}`);
    }
    expect(stages).toEqual(['2026-10-31 first', '2026-11-07 second', '2026-11-14 final']);
    expect(env.gmail.drafts).toHaveLength(3);
    expect(seen).toContain('2026-11-06 Dormant 1');
    expect(seen).toContain('2026-11-20 Dormant 3');  // 6 days after the final one
    expect(seen).toContain('2026-11-21 Close out 3'); // closeAfterDays (7) after it
    expect(env.gmail.drafts[2].body).toContain('November 21, 2026'); // the final names the close date
    const sheet = env.spreadsheet.getActiveSheet();
    expect(sheet.getRange('H1:J1').getValues()).toEqual([['Follow-ups', 'Last follow-up', 'Audit']]);
    expect(sheet.getRange('H2').getValue()).toBe(3);
    expect(sheet.getRange('J2').getValue()).toBe('Close out');
  });

  it('a reply from the client after the follow-ups resets the count and the state', () => {
    const env = createFakeAppsScript({ now: '2026-11-21T15:00:00Z' });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Follow-ups', 'Last follow-up'],
      ['Romeo', 'Shop', 'Upwork', 'Open', env.localDate('2026-10-01'), 'r@example.com', '', 3, env.localDate('2026-11-14')]]);
    expect(contract(runFresh<AuditReport>(env, 'runAudit'), 'Romeo').state).toBe('Close out');
    sheet.getRange('E2').setValue(env.localDate('2026-11-20'));
    const after = contract(runFresh<AuditReport>(env, 'runAudit'), 'Romeo');
    expect(after).toMatchObject({ state: 'Active', followUps: 0, idleDays: 1 });
    expect(sheet.getRange('H2').getValue()).toBe(0);
  });
});

describe('draftFollowUps', () => {
  let env: FakeAppsScript;
  beforeEach(() => { env = createFakeAppsScript({ now: NOW }); });

  function loadDue(rows: [string, string, string][]): void {
    env.spreadsheet.getActiveSheet().load([HEADER,
      ...rows.map(([client, job, email]) => [client, job, 'Upwork', 'Open', env.localDate(isoDaysAgo(40)), email, ''])]);
  }

  it('drafts for rows with an email, returns paste-ready text for the others, and records only the drafts', () => {
    loadDue([['Sierra', 'Logo', 'sierra@example.com'], ['Tango', 'Video', '']]);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Sierra']);
    expect(result.toSend.map((o) => o.client)).toEqual(['Tango']);
    expect(result.toSend[0].body).toContain('Video');
    expect(env.gmail.drafts).toHaveLength(1);
    expect(env.gmail.drafts[0]).toMatchObject({ to: 'sierra@example.com', subject: result.drafted[0].subject });
    expect(contract(result.report, 'Sierra')).toMatchObject({ followUps: 1, lastFollowUp: '2026-11-28', followUpDue: false });
    expect(contract(result.report, 'Tango')).toMatchObject({ followUps: 0, followUpDue: true });
    expect(result.report.notice).toBe('Drafted 1 follow-up for Sierra in Gmail Drafts (not sent); ' +
      '1 message for Tango to send through the platform, then mark sent.');
  });

  it('running it twice makes no duplicate draft', () => {
    loadDue([['Sierra', 'Logo', 'sierra@example.com'], ['Uniform', 'Copy', 'u@example.com']]);
    runFresh(env, 'draftFollowUps');
    const second = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(second.drafted).toEqual([]);
    expect(env.gmail.drafts).toHaveLength(2);
  });

  it('carries names with HTML, quotes, emoji and non-Latin text into the draft as plain text, unchanged', () => {
    const client = '<img src=x onerror=alert(1)> "Zoë" & 日本 🚀';
    loadDue([[client, 'Ünïcode <b>job</b>', 'z@example.com']]);
    runFresh(env, 'draftFollowUps');
    expect(env.gmail.drafts[0].body).toContain(client);
    expect(env.gmail.drafts[0].body + env.gmail.drafts[0].subject).toContain('Ünïcode <b>job</b>');
    expect(env.gmail.drafts[0].options).not.toHaveProperty('htmlBody');
  });

  it('an invalid address fails that row with the reason; the others are drafted', () => {
    loadDue([['Victor', 'Site', 'not-an-email'], ['Whiskey', 'App', 'w@example.com']]);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ client: 'Victor' });
    expect(result.failed[0].error).toMatch(/not-an-email/);
    expect(result.drafted.map((o) => o.client)).toEqual(['Whiskey']);
    expect(contract(result.report, 'Victor').followUps).toBe(0);
  });

  it('Gmail quota exhausted half-way: the batch stops, the drafted stay recorded, a rerun carries on without duplicates', () => {
    loadDue([['A1', 'J', 'a1@example.com'], ['A2', 'J', 'a2@example.com'], ['A3', 'J', 'a3@example.com'],
      ['A4', 'J', 'a4@example.com'], ['A5', 'J', 'a5@example.com']]);
    env.gmail.failAfter(2);
    const first = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(first.drafted.map((o) => o.client)).toEqual(['A1', 'A2']);
    // The row that met the limit fails with the reason; the two the batch did not reach are counted as left.
    expect(first.failed.map((o) => o.client)).toEqual(['A3']);
    expect(first.failed[0].error).toMatch(/daily limit/i);
    expect(first.remaining).toBe(2);
    expect(first.report.notice).toMatch(/2 follow-ups left/);
    expect(first.report.counts.followUpsDue).toBe(3);
    env.gmail.clearFailures();
    env.clock.advanceDays(1);
    const rerun = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(rerun.drafted.map((o) => o.client)).toEqual(['A3', 'A4', 'A5']);
    expect(env.gmail.drafts.map((d) => d.to)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'].map((a) => `${a}@example.com`));
  });

  it('with keys, drafts only those contracts', () => {
    loadDue([['Xray', 'One', 'x@example.com'], ['Yankee', 'Two', 'y@example.com']]);
    const keys = runFresh<AuditReport>(env, 'runAudit').contracts.map((c) => c.key);
    const result = runFresh<DraftResult>(env, 'draftFollowUps', [[keys[1]]]);
    expect(result.drafted.map((o) => o.client)).toEqual(['Yankee']);
    expect(env.gmail.drafts).toHaveLength(1);
  });

  it('a sort while Gmail drafts are made cannot put the record on another contract', () => {
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([HEADER,
      ['Alpha', 'Due', 'Upwork', 'Open', env.localDate(isoDaysAgo(60)), 'a@example.com', ''],
      ['Zulu', 'Active', 'Upwork', 'Open', env.localDate(isoDaysAgo(2)), '', '']]);
    runFresh(env, 'runAudit');
    env.gmail.afterDraft = () => {
      // The user sorts Z to A in the sheet while the add-on talks to Gmail.
      const rows = sheet.getRange('A2:J3').getValues();
      sheet.getRange('A2:J3').setValues([rows[1], rows[0]]);
    };
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Alpha']);
    expect(sheet.getRange('A3').getValue()).toBe('Alpha');
    expect(sheet.getRange('H3:J3').getValues()[0].map((v) => (v instanceof Date ? 'date' : v))).toEqual([1, 'date', 'Dormant']);
    expect(sheet.getRange('H2:J2').getValues()).toEqual([['', '', 'Active']]);
    expect(contract(result.report, 'Alpha')).toMatchObject({ row: 3, followUps: 1, followUpDue: false });
  });

  it('records only the drafted rows\' cells: text the user typed in other rows stays text', () => {
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Follow-ups', 'Last follow-up'],
      ['Bravo', 'Odd cells', 'Upwork', 'Open', env.localDate(isoDaysAgo(40)), '', '', '+1', '5/6/26'],
      ['Charlie', 'Due', 'Upwork', 'Open', env.localDate(isoDaysAgo(40)), 'c@example.com', '', '', '']]);
    sheet.getRange('H2:I2').setNumberFormat('@'); // kept as typed text, as a user's plain-text cells are
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Charlie']);
    expect(sheet.getRange('H2:I2').getValues()).toEqual([['+1', '5/6/26']]);
    expect(contract(result.report, 'Bravo').state).toBe('Check data');
  });

  it('200 due rows finish well inside the 6-minute limit, with a constant number of sheet calls', () => {
    loadDue(Array.from({ length: 200 }, (_, i): [string, string, string] => [`Client ${i}`, `Job ${i}`, `c${i}@example.com`]));
    env.calls.reset();
    const started = Date.now();
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(Date.now() - started).toBeLessThan(10000);
    expect(result.drafted).toHaveLength(200);
    expect(env.calls.spreadsheet()).toBeLessThan(60);
  });
});

describe('markFollowUpSent', () => {
  it('records a follow-up sent through the platform, once a day', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER, ['Zulu', 'Deck', 'Fiverr', 'Open', env.localDate(isoDaysAgo(35)), '', '']]);
    const key = runFresh<AuditReport>(env, 'runAudit').contracts[0].key;
    const report = runFresh<AuditReport>(env, 'markFollowUpSent', [key]);
    expect(report.contracts[0]).toMatchObject({ followUps: 1, lastFollowUp: '2026-11-28', followUpDue: false });
    expect(report.notice).toMatch(/follow-up 1 of 3/);
    const again = runFresh<AuditReport>(env, 'markFollowUpSent', [key]);
    expect(again.contracts[0].followUps).toBe(1);
    expect(again.notice).toMatch(/already/);
  });
});

describe('markFollowUpSent refuses what is not due', () => {
  it('a Close out row cannot get a fourth follow-up', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Follow-ups', 'Last follow-up'],
      ['Delta', 'Ads', 'Upwork', 'Open', env.localDate(isoDaysAgo(60)), '', '', 3, env.localDate(isoDaysAgo(10))]]);
    const key = runFresh<AuditReport>(env, 'runAudit').contracts[0].key;
    const before = sheet.snapshot();
    expect(() => runFresh(env, 'markFollowUpSent', [key])).toThrow(/No follow-up is due[\s\S]*Close out/);
    expect(sheet.snapshot()).toEqual(before);
  });
});

describe('closeContract and row safety', () => {
  let env: FakeAppsScript;
  beforeEach(() => {
    env = createFakeAppsScript({ now: NOW });
    loadMessySheet(env);
  });

  it('closes the right contract after the rows were sorted, and reminds to end it on Upwork with the link', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Cobalt Ltd').key;
    const sheet = env.spreadsheet.getActiveSheet();
    // The user sorts the data rows by client, Z to A.
    const data = sheet.getRange('A4:L14').getValues();
    data.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    sheet.getRange('A4:L14').setValues(data);
    const before = sheet.snapshot();
    const report = runFresh<AuditReport>(env, 'closeContract', [key, 'Client not responsive']);
    const row = contract(report, 'Cobalt Ltd').row;
    expect(sheet.getRange(row, 1).getValue()).toBe('Cobalt Ltd');
    expect(sheet.getRange(row, 4).getValue()).toBe('Closed');
    expect(sheet.getRange('M3:N3').getValues()).toEqual([['Closed on', 'Close reason']]);
    expect(sheet.getRange(row, 14).getValue()).toBe('Client not responsive');
    const closedOn = sheet.getRange(row, 13).getValue() as Date;
    expect(closedOn.getTime()).toBe(env.localDate('2026-11-28').getTime());
    expect(contract(report, 'Cobalt Ltd').state).toBe('Closed');
    expect(report.notice).toMatch(/Upwork/);
    expect(report.notice).toContain('https://www.upwork.com/ab/c/3');
    // No other contract changed: every other row's user cells are as before.
    const after = sheet.snapshot();
    for (let r = 3; r < 14; r++) {
      if (r + 1 === row) continue;
      expect(after[r].slice(0, 9)).toEqual(before[r].slice(0, 9));
    }
  });

  it('refuses a key whose contract was deleted, and writes nothing', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Cobalt Ltd').key;
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('A6:I6').setValues([['', '', '', '', '', '', '', '', '']]);
    const before = sheet.snapshot();
    expect(() => runFresh(env, 'closeContract', [key, 'Client not responsive'])).toThrow(/no longer in the sheet[\s\S]*Nothing was changed/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('refuses a key two rows now match, and writes nothing', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Cobalt Ltd').key;
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('A7:I7').setValues(sheet.getRange('A6:I6').getValues());
    const before = sheet.snapshot();
    expect(() => runFresh(env, 'closeContract', [key, 'Client not responsive'])).toThrow(/Rows 6 and 7/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('refuses an unknown reason, listing the allowed ones, and an unknown key', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Cobalt Ltd').key;
    const before = env.spreadsheet.getActiveSheet().snapshot();
    expect(() => runFresh(env, 'closeContract', [key, 'Bored'])).toThrow(
      /Client not responsive[\s\S]*Job completed successfully[\s\S]*Job completed unsuccessfully[\s\S]*Another reason/);
    expect(() => runFresh(env, 'closeContract', ['c0000000000000000', 'Another reason'])).toThrow(/no longer in the sheet/);
    expect(env.spreadsheet.getActiveSheet().snapshot()).toEqual(before);
  });

  it('acts on the sheet the audit came from, even when another tab with a table is active', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Cobalt Ltd').key;
    const audited = env.spreadsheet.getActiveSheet();
    const archive = env.spreadsheet.insertSheet('Archive');
    archive.load(audited.getRange('A3:I6').getValues());
    env.spreadsheet.setActiveSheet(archive);
    runFresh(env, 'closeContract', [key, 'Client not responsive']);
    expect(audited.getRange('D6').getValue()).toBe('Closed');
    expect(archive.getRange('D4').getValue()).toBe('');
  });

  it('writes the close date as the right day where a DST change skips midnight (America/Santiago)', () => {
    const chile = createFakeAppsScript({ now: '2026-09-06T15:00:00Z', timeZone: 'America/Santiago' });
    const sheet = chile.spreadsheet.getActiveSheet();
    sheet.load([HEADER, ['Echo', 'Logo', 'Upwork', 'Open', chile.localDate('2026-07-01'), '', '']]);
    const key = runFresh<AuditReport>(chile, 'runAudit').contracts[0].key;
    runFresh(chile, 'closeContract', [key, 'Another reason']);
    expect((sheet.getRange('K2').getValue() as Date).getTime()).toBe(chile.localDate('2026-09-06').getTime());
  });

  it('selectRow selects the contract\'s row wherever it is now', () => {
    const key = contract(runFresh<AuditReport>(env, 'runAudit'), 'Blue Fin').key;
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.insertRowsAfter(3, 2);
    runFresh(env, 'selectRow', [key]);
    const range = env.spreadsheet.getActiveRange();
    expect(range && range.getRow()).toBe(7);
  });
});
