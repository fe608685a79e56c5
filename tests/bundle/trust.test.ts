// Issue "Trust in a real sheet", through dist/Code.js: every write where the user meant it,
// never twice, nothing guessed. Each block reproduces one finding of the hostile review.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditContract, AuditReport, DraftResult, Schedule, SidebarBootstrap } from '../../src/core/types';
import { isoDaysAgo, NOW } from './fixtures';

const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Last client activity', 'Client email', 'Contract URL'];

function byClient(report: AuditReport, client: string): AuditContract {
  const found = report.contracts.find((c) => c.client === client);
  if (!found) throw new Error(`no contract for ${client}`);
  return found;
}

function bootstrapOf(env: FakeAppsScript): SidebarBootstrap {
  runFresh(env, 'showSidebar');
  const html = env.ui.sidebars[env.ui.sidebars.length - 1].html;
  const json = /<script type="application\/json" id="bootstrap">([\s\S]*?)<\/script>/.exec(html)![1];
  return JSON.parse(json) as SidebarBootstrap;
}

/** Two tabs that both hold a contracts table with the same client, as people keep this year's and last year's. */
function twoTabs(env: FakeAppsScript): void {
  const dormant = env.localDate(isoDaysAgo(45));
  env.spreadsheet.getActiveSheet().setName('2026');
  env.spreadsheet.getActiveSheet().load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', dormant, '', '']]);
  env.spreadsheet.insertSheet('2025').load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', dormant, '', '']]);
  env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2026')!); // inserting a sheet activates it
}

/** Sets a dropdown through the script-side API (as the user would in Data > Data validation). */
function dropdown(env: FakeAppsScript, a1: string, values: string[]): void {
  const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(false).build();
  g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(a1).setDataValidation(rule);
}

describe('1. one sheet for the sidebar, actions and the schedule, remembered by ID', () => {
  it('a card of one tab never closes a row of another tab', () => {
    const env = createFakeAppsScript({ now: NOW });
    twoTabs(env);
    const tab2026 = env.spreadsheet.getSheetByName('2026')!;
    const tab2025 = env.spreadsheet.getSheetByName('2025')!;
    env.spreadsheet.setActiveSheet(tab2026);
    const shown = runFresh<AuditReport>(env, 'runAudit');
    expect([shown.sheetName, shown.sheetId]).toEqual(['2026', tab2026.getSheetId()]);
    const key2026 = byClient(shown, 'Acme').key;

    // The user clicks another tab: the sidebar and its actions stay on the audited sheet.
    env.spreadsheet.setActiveSheet(tab2025);
    expect(bootstrapOf(env).report!.sheetName).toBe('2026');
    // Now Run audit on the other tab, then a stale card of 2026 is clicked: refused, nothing written.
    const other = runFresh<AuditReport>(env, 'runAudit');
    expect(other.sheetName).toBe('2025');
    expect(byClient(other, 'Acme').key).not.toBe(key2026);
    expect(() => runFresh(env, 'closeContract', [key2026, 'Client not responsive']))
      .toThrow('That contract is on the sheet "2026", but the add-on now works on "2025". Run the audit again');
    expect(tab2025.getRange('D2').getValue()).toBe('Open');
    expect(tab2026.getRange('D2').getValue()).toBe('Open');
    // And the card of 2025 closes the row of 2025, saying so.
    const closed = runFresh<AuditReport>(env, 'closeContract', [byClient(other, 'Acme').key, 'Client not responsive']);
    expect(closed.sheetName).toBe('2025');
    expect(tab2025.getRange('D2').getValue()).toBe('Closed');
    expect(tab2026.getRange('D2').getValue()).toBe('Open');
  });

  it('a rename does not lose the remembered sheet', () => {
    const env = createFakeAppsScript({ now: NOW });
    twoTabs(env);
    runFresh(env, 'runAudit');
    env.spreadsheet.getSheetByName('2026')!.setName('Current');
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2025')!);
    expect(bootstrapOf(env).report!.sheetName).toBe('Current');
  });

  it('the scheduled run audits the remembered sheet, not the first tab, and never makes another sheet "the last audited"', () => {
    const env = createFakeAppsScript({ now: NOW });
    twoTabs(env);
    // The user audits 2025 (the second tab); the first tab is 2026.
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2025')!);
    runFresh(env, 'runAudit');
    runFresh(env, 'enableSchedule');
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.mail.sent[0].body).toContain('Contract audit of "2025"');
    expect(env.spreadsheet.getSheetByName('2026')!.getRange('H1').getValue()).toBe(''); // never audited
    expect(bootstrapOf(env).report!.sheetName).toBe('2025');
  });

  it('the scheduled run stores lastError and writes nothing when the remembered sheet is gone', () => {
    const env = createFakeAppsScript({ now: NOW });
    twoTabs(env);
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2025')!);
    runFresh(env, 'runAudit');
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('2025')!);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(runFresh<Schedule>(env, 'getSchedule').lastError).toMatch(/audited last is gone \(deleted\), so nothing was audited/);
    expect(env.spreadsheet.getSheetByName('2026')!.getRange('H1').getValue()).toBe('');
    expect(env.mail.sent).toHaveLength(0);
  });

  it('with nothing remembered, enableSchedule remembers the sheet the sidebar shows', () => {
    const env = createFakeAppsScript({ now: NOW });
    twoTabs(env);
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2025')!);
    runFresh(env, 'enableSchedule');
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('2026')!);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.mail.sent[0].body).toContain('Contract audit of "2025"');
  });
});

describe('2. the same contract twice', () => {
  it('rows differing only in case or spacing are all Check data, with a note naming the others, and are never drafted', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(45));
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([HEADER,
      ['Acme Corp', 'Logo design', 'Upwork', 'Open', d, 'a@example.com', ''],
      ['Bravo', 'Site', 'Upwork', 'Open', d, 'b@example.com', ''],
      ['ACME  corp', ' logo DESIGN', 'upwork', 'Open', d, 'a@example.com', ''],
      ['Acme Corp', 'Logo design', 'Upwork', 'Closed', d, 'a@example.com', '']]);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Bravo']);
    expect(env.gmail.drafts.map((x) => x.to)).toEqual(['b@example.com']);
    const states = result.report.contracts.map((c) => `${c.row} ${c.state}`);
    expect(states).toEqual(['2 Check data', '3 Dormant', '4 Check data', '5 Check data']);
    expect(sheet.getRange('J2').getNote()).toMatch(/^The same contract as rows 4 and 5 \(same client, job, platform, start date and link\)/);
    expect(sheet.getRange('J4').getNote()).toMatch(/^The same contract as rows 2 and 5/);
    // The scheduled auto-draft does not draft them either, run after run.
    runFresh(env, 'saveSettings', [{ autoDraft: true }]);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    expect(env.gmail.drafts).toHaveLength(1);
    // Made different, row 4 is audited and drafted again; row 2 still holds the same contract as row 5.
    sheet.getRange('B4').setValue('Logo design v2');
    const next = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(next.drafted.map((o) => o.row)).toEqual([4]);
    expect(sheet.getRange('J2').getNote()).toMatch(/^The same contract as row 5 /);
  });
});

describe('4. a close is all three cells or none', () => {
  it('a Close reason dropdown without the reason: nothing is written, the message names the cell and the value', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Closed on', 'Close reason'],
      ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), '', '', '', '']]);
    dropdown(env, 'I2', ['Done', 'Client gone']);
    const key = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Acme').key;
    expect(() => runFresh(env, 'closeContract', [key, 'Client not responsive'])).toThrow(
      'The sheet refused "Client not responsive" in Close reason (cell I2): the cell\'s dropdown or validation rule does not allow it.');
    expect(sheet.getRange('D2:I2').getValues()[0].slice(0, 1)).toEqual(['Open']);
    expect(sheet.getRange('H2').getValue()).toBe('');
    // The retry after fixing the dropdown closes it (it does not say "already closed").
    sheet.getRange('I2').setDataValidation(null);
    const closed = runFresh<AuditReport>(env, 'closeContract', [key, 'Client not responsive']);
    expect(closed.notice).toMatch(/^Closed "Acme – Logo" in the sheet/);
    expect(sheet.getRange('D2').getValue()).toBe('Closed');
    expect(sheet.getRange('I2').getValue()).toBe('Client not responsive');
  });

  it('a Status dropdown without "Closed" is refused the same way, before anything is written', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), '', '']]);
    dropdown(env, 'D2', ['Open', 'Finished']);
    const key = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Acme').key;
    expect(() => runFresh(env, 'closeContract', [key, 'Job completed successfully']))
      .toThrow(/The sheet refused "Closed" in Status \(cell D2\)/);
    expect(sheet.getRange('D2').getValue()).toBe('Open');
    expect(sheet.getRange('K1').getValue()).toBe(''); // no Closed on / Close reason columns added
  });
});

describe('6. dates are read, never guessed', () => {
  it.each([
    ['01.10.2026', 'en_US', /"01\.10\.2026" is not written the way this spreadsheet writes dates \(10\/01\/2026/],
    ['01-10-2026', 'en_US', /"01-10-2026" is not written the way this spreadsheet writes dates/],
    ['01/10/2026', 'de_DE', /\(01\.10\.2026 is October 1, 2026 here\)/],
    ['0026-10-01', 'en_US', /year 26, before 2000/],
    ['10/01/1850', 'en_US', /year 1850, before 2000/],
  ])('%p under %s is Check data with a note', (text, locale, note) => {
    const env = createFakeAppsScript({ now: NOW, locale });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', text, '', '']]);
    const c = byClient(runFresh<AuditReport>(env, 'runAudit'), 'Acme');
    expect([c.state, c.idleDays]).toEqual(['Check data', null]);
    expect(sheet.getRange('J2').getNote()).toMatch(note);
  });

  it('date cells holding a typed time or year 10000 are Check data with a note, never thousands of days idle', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    const time = new env.Date(Date.UTC(1899, 11, 30, 14, 0));
    const far = new env.Date(Date.UTC(10000, 0, 5));
    sheet.load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', time, '', ''], ['Bravo', 'Site', 'Upwork', 'Open', far, '', '']]);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(byClient(report, 'Acme')).toMatchObject({ state: 'Check data', idleDays: null });
    expect(byClient(report, 'Bravo')).toMatchObject({ state: 'Check data', idleDays: null });
    expect(sheet.getRange('J2').getNote()).toMatch(/a time of day, not a date/);
    expect(sheet.getRange('J3').getNote()).toMatch(/year 10000/);
  });

  it('a Closed row is never Check data because of a date', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER, ['Acme', 'Logo', 'Upwork', 'Closed', '01.10.2026', '', '']]);
    expect(byClient(runFresh<AuditReport>(env, 'runAudit'), 'Acme').state).toBe('Closed');
  });
});

describe('8. placeholders', () => {
  it('a placeholder whose column was renamed is never sent as literal text: the row fails, and the audit says why', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Hourly rate'], ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), 'a@example.com', '', 40]]);
    runFresh(env, 'saveSettings', [{ templates: { first: { body: 'Hi {{client}}, at {{Hourly rate}} per hour.' } } }]);
    sheet.getRange('H1').setValue('Rate');
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(env.gmail.drafts).toHaveLength(0);
    expect(result.failed[0].error).toMatch(/uses \{\{Hourly rate\}\}, which is not a column of this sheet any more/);
    expect(result.report.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(
      /^The first follow-up's body uses \{\{Hourly rate\}\}, which is not a column of this sheet/));
    expect(byClient(result.report, 'Acme').followUps).toBe(0);
  });

  it('"Hi {{client}," is refused at save, naming the field', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER]);
    expect(() => runFresh(env, 'saveSettings', [{ templates: { first: { body: 'Hi {{client},' } } }]))
      .toThrow(/^templates\.first\.body: Unbalanced braces "\{\{client\}"/);
  });

  it('column placeholders are filled as the cell shows them; dates for people; {{contact}} is the first name', () => {
    const env = createFakeAppsScript({ now: NOW });
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Contact', 'Earnings', 'Fee', 'Start date'],
      ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), 'a@example.com', '', 'Dr. Jane Doe', 1234.5, 0.15,
        env.localDate('2026-03-02')]]);
    sheet.getRange('I2').setNumberFormat('"$"#,##0.00');
    sheet.getRange('J2').setNumberFormat('0%');
    runFresh(env, 'saveSettings', [{ templates: { first: { body: 'Hi {{contact}}, billed {{Earnings}} ({{Fee}} fee) since {{Start date}}.' } } }]);
    runFresh(env, 'draftFollowUps');
    expect(env.gmail.drafts[0].body).toBe('Hi Jane, billed $1,234.50 (15% fee) since March 2, 2026.');
  });

  it('without a Contact column, the default greeting uses the client', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), 'a@example.com', '']]);
    runFresh(env, 'draftFollowUps');
    expect(env.gmail.drafts[0].body).toMatch(/^Hi Acme,\n/);
  });
});

describe('9. Gmail addresses as people write them', () => {
  it('"Jane <jane@x.com>" and "a@x.com, b@x.com" are drafted to, as written', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(45));
    env.spreadsheet.getActiveSheet().load([HEADER,
      ['Acme', 'Logo', 'Upwork', 'Open', d, 'Jane <jane@x.com>', ''],
      ['Bravo', 'Site', 'Upwork', 'Open', d, 'a@x.com, b@x.com', ''],
      ['Charlie', 'App', 'Upwork', 'Open', d, 'jane at x dot com', '']]);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.drafted.map((o) => o.client)).toEqual(['Acme', 'Bravo']);
    expect(env.gmail.drafts.map((x) => x.to)).toEqual(['jane@x.com', 'a@x.com, b@x.com']);
    expect(result.failed.map((o) => [o.client, o.error])).toEqual([
      ['Charlie', expect.stringMatching(/^Row 4: the client email "jane at x dot com" is not an address Gmail takes/)]]);
  });
});

describe('10. rows that are not contracts', () => {
  it('a totals row and a stray note are not counted, not written; a due row without client or job is Check data, never drafted', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(45));
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([[...HEADER, 'Earnings'],
      ['Acme', 'Logo', 'Upwork', 'Open', d, 'a@example.com', '', 100],
      ['', 'Site', 'Upwork', 'Open', d, 'b@example.com', '', 50],
      ['Charlie', '', 'Upwork', 'Open', d, 'c@example.com', '', 25],
      ['', '', '', '', '', '', '', 175],
      ['', '', 'remember to invoice', '', '', '', '', '']]);
    const result = runFresh<DraftResult>(env, 'draftFollowUps');
    expect(result.report.counts.open).toBe(3);
    expect(result.report.profile.openJobs).toBe(3);
    expect(result.drafted.map((o) => o.client)).toEqual(['Acme']);
    expect(env.gmail.drafts.every((x) => !/^Hi ,/.test(x.body))).toBe(true);
    expect(byClient(result.report, '')).toMatchObject({ row: 3, state: 'Check data' });
    expect(sheet.getRange('K3').getNote()).toMatch(/^Client is empty/);
    expect(sheet.getRange('K4').getNote()).toMatch(/^Job is empty/);
    expect(sheet.getRange('K5:K6').getValues()).toEqual([[''], ['']]);
  });
});

describe('11. sizes', () => {
  it('runAudit on 50,000 rows lists at most 500 contracts (those needing attention) and says how many it left out', () => {
    const env = createFakeAppsScript({ now: NOW });
    const rows: unknown[][] = [HEADER];
    const dates = [5, 20, 45].map((n) => env.localDate(isoDaysAgo(n)));
    for (let i = 0; i < 50000; i++) rows.push([`Client ${i}`, `Job ${i}`, 'Upwork', 'Open', dates[i % 3], '', '']);
    env.spreadsheet.getActiveSheet().load(rows);
    const report = runFresh<AuditReport>(env, 'runAudit');
    expect(report.contracts).toHaveLength(500);
    expect(report.omitted).toBe(49500);
    expect(report.contracts.every((c) => c.state === 'Dormant')).toBe(true);
    expect(report.counts.dormant).toBe(16666);
    expect(JSON.stringify(report).length).toBeLessThan(400_000);
  });

  it('a 12,000-character cell in a failed auto-draft keeps lastError to 500 characters, and the state saves', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER,
      ['x'.repeat(12000), 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(45)), 'not an address', '']]);
    runFresh(env, 'saveSettings', [{ autoDraft: true }]);
    runFresh(env, 'scheduledAudit', undefined, { trigger: true });
    const { lastError, lastRun } = runFresh<Schedule>(env, 'getSchedule');
    expect(lastRun).not.toBeNull();
    expect(lastError!.length).toBeLessThanOrEqual(500);
    expect(lastError).toMatch(/Some follow-ups could not be drafted/);
  });

  it('enableSchedule saves its state before creating the trigger: a failed save leaves no orphan trigger', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER, ['Acme', 'Logo', 'Upwork', 'Open', env.localDate(isoDaysAgo(5)), '', '']]);
    // Fill the document's property store to its 500 KB limit.
    for (let i = 0; i < 61; i++) env.properties.document.set(`filler${i}`, 'x'.repeat(8500));
    expect(() => runFresh(env, 'enableSchedule')).toThrow();
    expect(env.triggers).toHaveLength(0);
  });
});
