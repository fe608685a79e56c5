// The findings of the trust review that need the fakes to be as harsh as Apps Script: a user
// sorting between an action's read and its write, a write that times out, Apps Script's
// 6-minute stop, a filter, Gmail's other errors, and permissions the user declined.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditContract, AuditReport, DraftResult, Permissions, Schedule } from '../../src/core/types';
import { isoDaysAgo, NOW } from './fixtures';

const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Last client activity', 'Client email', 'Contract URL'];
const GMAIL = 'https://www.googleapis.com/auth/gmail.compose';

function byClient(report: AuditReport, client: string): AuditContract {
  const found = report.contracts.find((c) => c.client === client);
  if (!found) throw new Error(`no contract for ${client}`);
  return found;
}

/** Five contracts: Alpha active, the rest dormant with emails; sorting by client descending reverses them. */
function fiveContracts(env: FakeAppsScript): void {
  const dormant = env.localDate(isoDaysAgo(45));
  env.spreadsheet.getActiveSheet().load([HEADER,
    ['Alpha', 'A', 'Upwork', 'Open', env.localDate(isoDaysAgo(2)), 'alpha@example.com', ''],
    ['Bravo', 'B', 'Upwork', 'Open', dormant, 'bravo@example.com', ''],
    ['Charlie', 'C', 'Upwork', 'Open', dormant, 'charlie@example.com', ''],
    ['Delta', 'D', 'Upwork', 'Open', dormant, 'delta@example.com', ''],
    ['Echo', 'E', 'Upwork', 'Open', dormant, 'echo@example.com', '']]);
}

function sortDescending(env: FakeAppsScript): void {
  const sheet = env.spreadsheet.getActiveSheet();
  sheet.sortRows(2, sheet.getLastRow(), { column: 1, ascending: false });
}

describe('3. a sort between an action\'s read and its write', () => {
  it('closeContract closes the contract it was asked to, after the sort', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const key = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Bravo').key;
    env.interleaveOnce('Range.getValues', 1, () => sortDescending(env));
    const report = runFresh<AuditReport>(env, 'closeContract', [key, 'Client not responsive']);
    const sheet = env.spreadsheet.getActiveSheet();
    const statuses = sheet.getRange('A2:D6').getValues().map((r) => `${r[0]} ${r[3]}`);
    expect(statuses).toEqual(['Echo Open', 'Delta Open', 'Charlie Open', 'Bravo Closed', 'Alpha Open']);
    expect(report.notice).toMatch(/^Closed "Bravo – B"/);
    expect(byClient(report, 'Bravo').row).toBe(5);
  });

  it('runAudit writes each state, note and follow-up reset on its own contract\'s row after the sort', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.getRange('B3').setValue(''); // Bravo: no job → Check data with a note
    runFresh(env, 'runAudit');
    env.interleaveOnce('Range.getValues', 1, () => sortDescending(env));
    runFresh(env, 'runAudit');
    const rows = sheet.getRange('A2:J6').getValues().map((r) => `${r[0]} ${r[9]}`);
    expect(rows).toEqual(['Echo Dormant', 'Delta Dormant', 'Charlie Dormant', 'Bravo Check data', 'Alpha Active']);
    expect(sheet.getRange('J5').getNote()).toMatch(/^Job is empty/);
    expect(sheet.getRange('J2').getNote()).toBe('');
  });

  it('a sheet that keeps moving gets nothing written, and the user is told', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const key = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Bravo').key;
    const before = env.spreadsheet.getActiveSheet().snapshot();
    let flip = false;
    const stop = env.interleave({ after: 'Range.getValues', every: true, run: () => {
      const sheet = env.spreadsheet.getActiveSheet();
      sheet.sortRows(2, sheet.getLastRow(), { column: 1, ascending: flip });
      flip = !flip;
    } });
    expect(() => runFresh(env, 'closeContract', [key, 'Client not responsive']))
      .toThrow(/sorted, inserted or deleted while the add-on was working, twice in a row, so nothing was written/);
    stop();
    const after = env.spreadsheet.getActiveSheet().snapshot();
    // Only the user's sorting changed the sheet: every row is as before, in some order.
    const sortKey = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sortKey(after as unknown[][])).toEqual(sortKey(before as unknown[][]));
  });

  it('rows inserted above while drafting: the record lands on the drafted contracts', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.interleaveOnce('GmailApp.createDraft', 1, () => {
      env.spreadsheet.getActiveSheet().insertRowsBefore(2, 2);
    });
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(result.report.contracts.filter((c) => c.followUps === 1).map((c) => [c.client, c.row]))
      .toEqual([['Bravo', 5], ['Charlie', 6], ['Delta', 7], ['Echo', 8]]);
  });
});

describe('5. never two drafts after a failure', () => {
  it('the record write times out after drafting: the rerun finds the drafts in Gmail and records them instead of drafting again', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.faults.failNext('RangeList.setValue', { executionScoped: true });
    const first = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.gmail.drafts).toHaveLength(4);
    expect(first.report.notice).toMatch(/not recorded in the sheet/);
    expect(runFresh<AuditReport>(env, 'runAudit').counts.followUpsDue).toBe(4); // nothing half-recorded
    env.calls.reset();
    const rerun = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.gmail.drafts).toHaveLength(4);
    expect(rerun.drafted).toHaveLength(4);
    expect(rerun.report.notice).toMatch(/^Recorded 4 drafts an earlier run had left in Gmail Drafts \(not drafted again\)/);
    expect(rerun.report.counts.followUpsDue).toBe(0);
    // The run after that is normal again: it reads no drafts.
    env.calls.reset();
    env.clock.advanceDays(7);
    runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.calls.byMethod()['GmailApp.getDrafts']).toBeUndefined();
    expect(env.gmail.drafts).toHaveLength(8);
  });

  it('a drafted row that is a duplicate for a while (not due) is still found in Drafts once it is due again', () => {
    // Found by the seeded interleaving test (tests/bundle/fuzz.test.ts, seed 30299).
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const sheet = env.spreadsheet.getActiveSheet();
    env.faults.failNext('RangeList.setValue', { executionScoped: true });
    runFresh<DraftResult>(env, 'draftFollowUps'); // 4 drafts, none recorded
    // The user pastes a copy of Bravo's row: both rows are Check data, so Bravo is not due.
    sheet.getRange(7, 1, 1, 7).setValues([sheet.getRange(3, 1, 1, 7).getValues()[0]]);
    const middle = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(middle.drafted.map((o) => o.client)).toEqual(['Charlie', 'Delta', 'Echo']); // recovered, not redrafted
    expect(env.gmail.drafts).toHaveLength(4);
    sheet.deleteRow(7);
    const after = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(after.drafted.map((o) => o.client)).toEqual(['Bravo']);
    expect(after.report.notice).toMatch(/earlier run had left in Gmail Drafts/);
    expect(env.gmail.drafts.filter((d) => d.to === 'bravo@example.com')).toHaveLength(1);
  });

  it('Mark sent whose audit refresh fails afterwards says it was recorded, so the user does not press again', () => {
    // Found by the seeded interleaving test: the follow-up was recorded, then the Audit column's
    // notes write timed out, and the user saw only an error.
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const key = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Bravo').key;
    env.faults.failNext('Range.setNotes', { executionScoped: true });
    const report = runFresh<AuditReport>(env, 'markFollowUpSent', [key]);
    expect(report.notice).toMatch(/^Recorded follow-up 1 of 3 for "Bravo – B"\. The Audit column was not refreshed \(.+\); Run audit refreshes it\.$/);
    const again = runFresh<AuditReport>(env, 'markFollowUpSent', [key]);
    expect(again.notice).toMatch(/already recorded today; nothing was added/);
    expect(env.spreadsheet.getActiveSheet().getRange('A3:H3').getValues()[0][7]).toBe(1);
  });

  it('Apps Script\'s 6-minute stop in the middle of drafting: the next run drafts only the rest', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.latency.set('GmailApp.createDraft', 100_000); // each draft takes 100 s
    env.limits.executionMs = 250_000;                 // so the third is past the limit
    expect(() => runFresh(env, 'draftFollowUps')).toThrow(/Exceeded maximum execution time/);
    expect(env.gmail.drafts.map((d) => d.to)).toEqual(['bravo@example.com', 'charlie@example.com', 'delta@example.com']);
    env.latency.clear();
    env.limits.executionMs = 360_000;
    const rerun = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.gmail.drafts.map((d) => d.to)).toEqual(['bravo', 'charlie', 'delta', 'echo'].map((n) => `${n}@example.com`));
    expect(rerun.drafted).toHaveLength(4);
    expect(rerun.report.counts.followUpsDue).toBe(0);
  });

  it('a final follow-up drafted yesterday (its subject names the close date) is still recognised today', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Follow-ups', 'Last follow-up'],
      ['Bravo', 'B', 'Upwork', 'Open', env.localDate(isoDaysAgo(60)), 'bravo@example.com', '', 2, env.localDate(isoDaysAgo(10))]]);
    env.faults.failNext('RangeList.setValue', { executionScoped: true });
    runFresh(env, 'draftFollowUps');
    expect(env.gmail.drafts[0].subject).toBe('Closing B on December 5, 2026');
    env.clock.advanceDays(1);
    const rerun = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.gmail.drafts).toHaveLength(1);
    expect(byClient(rerun.report, 'Bravo').followUps).toBe(3);
  });

  it('drafting uses its time budget and stops inside Apps Script\'s limit, with the record written', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.latency.set('GmailApp.createDraft', 100_000);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted).toHaveLength(3);
    expect(result.remaining).toBe(1);
    expect(result.report.counts.followUpsDue).toBe(1);
    expect(result.report.notice).toMatch(/1 follow-up left.*Stopped before Apps Script's 6-minute limit/);
  });
});

describe('7. a filter made before the add-on appended its columns', () => {
  it('the add-on brings its columns inside the filter, keeping the criteria, so sorting through the filter keeps counts with their rows', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const filter = sheet.getRange('A1:G6').createFilter();
    filter.setColumnFilterCriteria(3, g.SpreadsheetApp.newFilterCriteria().setHiddenValues(['Fiverr']).build());
    runFresh(env, 'draftFollowUps', [null, { limit: 1 }]); // Bravo gets follow-up 1
    const widened = sheet.getFilter()!;
    expect(widened.getRange().getA1Notation()).toBe('A1:J6');
    expect(widened.getColumnFilterCriteria(3)!.getHiddenValues()).toEqual(['Fiverr']);
    widened.sort(1, false); // the user sorts through the filter
    const rows = env.spreadsheet.getActiveSheet().getRange('A2:H6').getValues().map((r) => `${r[0]} ${r[7]}`);
    expect(rows).toEqual(['Echo ', 'Delta ', 'Charlie ', 'Bravo 1', 'Alpha ']);
    const next = runFresh<DraftResult>(env, 'draftFollowUps', [null, { limit: 1 }]);
    expect(next.drafted[0]).toMatchObject({ client: 'Echo', stage: 'first' });
  });
});

describe('9. only Gmail\'s daily limit stops a batch', () => {
  it('"Limit Exceeded: Email Body Size" fails that row alone; the others are drafted and recorded', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.gmail.failFor((recipient) => recipient.startsWith('charlie'), 'Limit Exceeded: Email Body Size.');
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Bravo', 'Delta', 'Echo']);
    expect(result.failed.map((o) => [o.client, o.error])).toEqual([['Charlie', 'Gmail refused the draft: Limit Exceeded: Email Body Size.']]);
    expect(result.remaining).toBe(0);
  });
});

describe('permissions the user declined (Google\'s granular consent)', () => {
  it('getPermissions says which features are allowed', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    expect(runFresh<Permissions>(env, 'getPermissions')).toEqual({ audit: true, drafts: true, schedule: true, digest: true });
    env.decline([GMAIL, 'https://www.googleapis.com/auth/script.send_mail']);
    expect(runFresh<Permissions>(env, 'getPermissions')).toEqual({ audit: true, drafts: false, schedule: true, digest: false });
  });

  it('drafts declined: the audit works, paste-ready text still comes back, rows with email fail with one plain sentence', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.spreadsheet.getActiveSheet().getRange('F3').setValue('');
    env.decline([GMAIL]);
    expect(runFresh<AuditReport>(env, 'runAudit').counts.dormant).toBe(4);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.toSend.map((o) => o.client)).toEqual(['Bravo']);
    expect(result.toSend[0].body).toMatch(/^Hi Bravo,/);
    expect(result.failed.map((o) => o.client)).toEqual(['Charlie', 'Delta', 'Echo']);
    expect(result.failed[0].error).toBe('Gmail drafts are off: you did not allow Contract Audit to create drafts in Gmail. '
      + 'To allow it, remove Contract Audit under Third-party apps & services in your Google Account, '
      + 'then open it again from Extensions > Contract Audit and allow what Google asks for.');
    expect(result.failed.every((o) => !/Required permissions|https:\/\//.test(o.error!))).toBe(true);
    expect(env.gmail.drafts).toHaveLength(0);
    // Mark sent still records a follow-up sent through the platform.
    expect(runFresh<AuditReport>(env, 'markFollowUpSent', [result.toSend[0].key]).notice).toMatch(/Recorded follow-up 1 of 3/);
  });

  it('schedule declined: enabling it says so in words; getSchedule shows it off; the rest works', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    env.decline(['https://www.googleapis.com/auth/script.scriptapp']);
    expect(() => runFresh(env, 'enableSchedule')).toThrow(/^The automatic audit is off: you did not allow Contract Audit to run on a schedule/);
    expect(runFresh<Schedule>(env, 'getSchedule').enabled).toBe(false);
    expect(env.triggers).toHaveLength(0);
    expect(runFresh<AuditReport>(env, 'runAudit').counts.open).toBe(5);
  });

  it('digest declined: the scheduled run still audits (and drafts), and records in lastError what it could not do', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    runFresh(env, 'saveSettings', [{ autoDraft: true }]);
    runFresh(env, 'enableSchedule');
    env.decline(['https://www.googleapis.com/auth/script.send_mail']);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.spreadsheet.getActiveSheet().getRange('J3').getValue()).toBe('Dormant');
    expect(env.gmail.drafts).toHaveLength(4);
    expect(env.mail.sent).toHaveLength(0);
    const { lastError } = runFresh<Schedule>(env, 'getSchedule');
    expect(lastError).toMatch(/The digest email is off/);
    expect(lastError!.length).toBeLessThanOrEqual(500);
  });

  it('drafts declined in a scheduled run with autoDraft: audited, nothing drafted, lastError says why', () => {
    const env = createFakeAppsScript({ now: NOW });
    fiveContracts(env);
    runFresh(env, 'saveSettings', [{ autoDraft: true }]);
    env.decline([GMAIL]);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.spreadsheet.getActiveSheet().getRange('J3').getValue()).toBe('Dormant');
    expect(runFresh<Schedule>(env, 'getSchedule').lastError).toMatch(/No follow-ups were drafted\. Gmail drafts are off/);
    expect(env.mail.sent).toHaveLength(1); // the digest still goes out
  });
});
