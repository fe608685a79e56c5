// importUpworkReport through dist/Code.js (README "Upwork reports", issue 11): every row of the
// issue's bad-input table, matching by id, title and client, addMissing, the identity check
// before writing, and the same few Spreadsheet calls for a 10-line and a 10,000-line file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { readSheetFile } from '../../dev/preview/session';
import { runFresh } from '../support/bundle';
import type { AuditContract, AuditReport, ImportResult } from '../../src/core/types';
import { isoDaysAgo, NOW } from './fixtures';

const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Start date', 'Last client activity', 'Contract URL'];
const WEEKLY_HEADER = 'Date,Contract,Hours,Amount,Payment type';
const LINK = 'https://www.upwork.com/ab/f/contracts/';

/** Four contracts quiet for 60 days: Acme and Bolt on Upwork (Acme with a link), Cobalt direct, Delta closed. */
function fourContracts(env: FakeAppsScript): void {
  const d = (n: number) => env.localDate(isoDaysAgo(n));
  env.spreadsheet.getActiveSheet().load([HEADER,
    ['Acme', 'Logo design', 'Upwork', 'Open', d(200), d(60), `${LINK}38120001`],
    ['Bolt', 'API integration', 'Upwork', 'Open', d(200), d(60), ''],
    ['Cobalt', 'Copywriting', 'Direct', 'Open', d(200), d(60), ''],
    ['Delta', 'SEO audit', '', 'Closed', d(200), d(60), ''],
  ]);
}

function weekly(lines: string[]): string {
  return `${WEEKLY_HEADER}\r\n${lines.join('\r\n')}\r\n`;
}

/** Cell texts as the user sees them. */
function shown(env: FakeAppsScript, a1?: string): string[][] {
  const sheet = env.spreadsheet.getActiveSheet();
  return (a1 ? sheet.getRange(a1) : sheet.getDataRange()).getDisplayValues() as string[][];
}

function column(env: FakeAppsScript, header: string): string[] {
  const rows = shown(env);
  const c = rows[0].indexOf(header);
  return c < 0 ? [] : rows.slice(1).map((r) => r[c]);
}

function byClient(report: AuditReport, client: string): AuditContract {
  const found = report.contracts.find((c) => c.client === client);
  if (!found) throw new Error(`no contract for ${client}`);
  return found;
}

function importing(env: FakeAppsScript, csv: string, options?: { addMissing?: boolean }): ImportResult {
  return runFresh<ImportResult>(env, 'importUpworkReport', options ? [csv, options] : [csv]);
}

const RECENT = isoDaysAgo(3);
const OLDER = isoDaysAgo(10);
const FILE = weekly([
  `${OLDER},Logo design (38120001),2.00,$100.00,`,
  `${RECENT},Logo design (38120001),1.50,$75.00,`,
  `${OLDER},API integration (38120002),,"$1,200.00",Fixed Price Payment`,
  `${OLDER},Copywriting (38120003),,$50.00,Bonus`,
  `${OLDER},Mobile app (38120004),,$500.00,Fixed Price Payment`,
]);

describe('bad input: refused with the columns expected, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    ['a PDF', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', /^This is a PDF/],
    ['an .xlsx', 'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000[Content_Types].xml', /Excel workbook/],
    ['an empty file', '', /^The file is empty\./],
    ['a CSV of something else', 'Client,Job,Status\r\nAcme,Logo design,Open\r\n', /not an Upwork report.*Its first row reads: Client, Job, Status/],
    ['a CSV that is nearly a report', 'Date,Contract,Hours,Amount\r\n2026-11-02,Logo (1),1,$1\r\n', /lacks the column Payment type/],
    ['text that is not CSV', 'Date,Contract,Hours,Amount,Payment type\n2026-11-02,"Logo (1),1,$1,\n', /could not be read as CSV/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    runFresh(env, 'runAudit');
    const before = JSON.stringify(env.spreadsheet.getActiveSheet().snapshot());
    env.calls.reset();
    let error: Error | null = null;
    try { importing(env, text); } catch (e) { error = e as Error; }
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(message);
    expect(error!.message).toMatch(/Weekly summary \(columns Date, Contract, Hours, Amount, Payment type\)/);
    expect(error!.message).toMatch(/Transaction history \(columns Date, Ref ID, Type, Description/);
    expect(error!.message).toMatch(/Nothing was changed\.$/);
    expect(JSON.stringify(env.spreadsheet.getActiveSheet().snapshot())).toBe(before);
    expect(env.calls.spreadsheet()).toBe(0);
  });

  it('a non-text argument is refused', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    expect(() => runFresh(env, 'importUpworkReport', [{ csv: 1 }])).toThrow(/Give the text of the report/);
  });

  it('a line with an unreadable date or amount is skipped and counted in skippedLines; the rest is imported', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const result = importing(env, weekly([
      'someday,Logo design (38120001),1,$75.00,',
      `${RECENT},Logo design (38120001),1,lots,`,
      `${OLDER},Logo design (38120001),1,$75.00,`,
      `${RECENT},API integration (38120002),1,$75.00,`,
    ]));
    expect(result).toMatchObject({ contracts: 2, matched: 2, updated: 2, skippedLines: 2 });
    expect(column(env, 'Last payment').slice(0, 2)).toEqual([display(OLDER), display(RECENT)]);
  });
});

/** How an en_US sheet shows a date cell with no number format: 11/25/2026. */
function display(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

describe('matching and writing', () => {
  it('matches by the id in the link, else by title among open Upwork/blank rows; appends Last payment; re-audits', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const before = runFresh<AuditReport>(env, 'runAudit');
    expect(byClient(before, 'Acme').state).toBe('Dormant');
    const result = importing(env, FILE);
    expect(result).toMatchObject({ format: 'weekly-summary', contracts: 4, matched: 2, updated: 2, added: 0, skippedLines: 0 });
    expect(result.unmatched).toEqual([
      { contractId: '38120003', title: 'Copywriting', client: '', lastPayment: OLDER,
        reason: 'only row 4 has this title, and it is closed or not on Upwork' },
      { contractId: '38120004', title: 'Mobile app', client: '', lastPayment: OLDER, reason: 'no row with this contract' },
    ]);
    expect(shown(env)[0].slice(-1)).toEqual(['Last payment']);
    expect(column(env, 'Last payment')).toEqual([display(RECENT), display(OLDER), '', '']);
    // A payment is the client acting: the audit counts idle days from it, and the Audit column says so.
    expect(byClient(result.report, 'Acme')).toMatchObject({ state: 'Active', idleDays: 3, lastPayment: RECENT });
    expect(byClient(result.report, 'Bolt')).toMatchObject({ state: 'Active', idleDays: 10, lastPayment: OLDER });
    expect(byClient(result.report, 'Cobalt')).toMatchObject({ state: 'Dormant', lastPayment: null });
    expect(column(env, 'Audit')).toEqual(['Active', 'Active', 'Dormant', 'Closed']);
    expect(result.report.notice).toBe('Imported the Upwork weekly summary: 4 contracts in the file, 2 found in the sheet, '
      + '2 Last payments updated, 2 not matched.');
  });

  it('the client must agree when the file names one (transaction history)', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const header = 'Date,Transaction ID,Transaction type,Transaction summary,Transaction summary details,Description 1,'
      + 'Description 2,Description 3,Agency team,Freelancer,Client team,Account name,PO,Ref ID,Amount $,'
      + 'Amount in local currency,Currency,Current balance $,Payment method';
    const line = (date: string, type: string, title: string, client: string, amount: string) =>
      `"${date}",T1,${type},${title},,,,,,Jo,${client},Jo,,R1,${amount},${amount},USD,$0.00,`;
    const nov = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const result = importing(env, [header,
      line(nov(RECENT), 'Hourly', 'API integration', 'Bolt', '$75.00'),
      line(nov(RECENT), 'Hourly', 'Logo design', 'Someone else', '$75.00'),
      line(nov(RECENT), 'Service fee', 'Service fee - API integration', 'Bolt', '-$7.50'),
      line(nov(RECENT), 'Withdrawal', 'Withdrawal', '', '"-$1,000.00"'),
    ].join('\n'));
    expect(result).toMatchObject({ format: 'transaction-history', contracts: 2, matched: 1, updated: 1, skippedLines: 2 });
    expect(result.unmatched.map((u) => [u.title, u.client, u.reason])).toEqual([['Logo design', 'Someone else', 'no row with this contract']]);
    expect(column(env, 'Last payment')).toEqual(['', display(RECENT), '', '']);
  });

  it('a Contract ID column matches too', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Contract ID', 'Start date'],
      ['Acme', 'Renamed job', 38120002, env.localDate(isoDaysAgo(90))]]);
    const result = importing(env, FILE);
    expect(result).toMatchObject({ matched: 1, updated: 1 });
    expect(column(env, 'Last payment')).toEqual([display(OLDER)]);
  });

  it('a contract matching two rows is unmatched, "matches rows 7 and 12"; nothing written for it', () => {
    const env = createFakeAppsScript({ now: NOW });
    const rows: unknown[][] = [HEADER];
    for (let r = 2; r <= 12; r++) {
      rows.push([`Client ${r}`, r === 7 || r === 12 ? 'Logo design' : `Job ${r}`, 'Upwork', 'Open',
        env.localDate(isoDaysAgo(100)), '', '']);
    }
    env.spreadsheet.getActiveSheet().load(rows);
    const result = importing(env, weekly([`${RECENT},Logo design (99),1,$10.00,`]), { addMissing: true });
    expect(result).toMatchObject({ matched: 0, updated: 0, added: 0 });
    expect(result.unmatched).toEqual([{ contractId: '99', title: 'Logo design', client: '', lastPayment: RECENT, reason: 'matches rows 7 and 12' }]);
    expect(shown(env)[0]).not.toContain('Last payment');
    expect(env.spreadsheet.getActiveSheet().getLastRow()).toBe(12);
  });

  it('an older file after a newer one moves no Last payment backwards', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    importing(env, weekly([`${RECENT},Logo design (38120001),1,$10.00,`]));
    const result = importing(env, weekly([`${OLDER},Logo design (38120001),1,$10.00,`, `${OLDER},API integration (5),1,$10.00,`]));
    expect(result).toMatchObject({ matched: 2, updated: 1 });
    expect(column(env, 'Last payment')).toEqual([display(RECENT), display(OLDER), '', '']);
  });

  it('the same file twice: the second import changes nothing', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const first = importing(env, FILE, { addMissing: true });
    expect(first).toMatchObject({ updated: 2, added: 1 });
    const before = JSON.stringify(env.spreadsheet.getActiveSheet().snapshot());
    const rulesBefore = JSON.stringify(env.spreadsheet.getActiveSheet().conditionalRules());
    const second = importing(env, FILE, { addMissing: true });
    expect(second).toMatchObject({ matched: 3, updated: 0, added: 0 });
    expect(JSON.stringify(env.spreadsheet.getActiveSheet().snapshot())).toBe(before);
    expect(JSON.stringify(env.spreadsheet.getActiveSheet().conditionalRules())).toBe(rulesBefore);
  });

  it('a file that matches no row adds no Last payment column', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const result = importing(env, weekly([`${RECENT},Unknown job (77),1,$10.00,`]));
    expect(result).toMatchObject({ matched: 0, updated: 0 });
    expect(shown(env)[0]).not.toContain('Last payment');
  });

  it('keeps the user\'s text in the Last payment column between changed rows as it was', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(100));
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Start date', 'Last payment'],
      ['Acme', 'Logo design', d, ''], ['Bolt', 'Other', d, '0012'], ['Cobalt', 'Notes', d, 'n/a'],
      ['Delta', 'API integration', d, '']]);
    importing(env, FILE);
    const values = env.spreadsheet.getActiveSheet().getRange('D2:D5').getValues();
    expect(values.map((r) => (r[0] instanceof Date ? 'date' : r[0]))).toEqual(['date', '0012', 'n/a', 'date']);
  });
  it('keeps a formula in the Last payment column between changed rows a formula', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(100));
    const sheet = env.spreadsheet.getActiveSheet();
    sheet.load([['Client', 'Job', 'Start date', 'Last payment'],
      ['Acme', 'Logo design', d, ''], ['Bolt', 'Other', d, ''], ['Delta', 'API integration', d, '']]);
    sheet.getRange('D3').setFormula('=C3+1');
    importing(env, FILE);
    expect(sheet.getRange('D3').getFormula()).toBe('=C3+1');
    expect(sheet.getRange('D2').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('D4').getValue()).toBeInstanceOf(Date);
  });
});

describe('addMissing', () => {
  it('appends the contracts found in no row: Job, Client, Platform Upwork, Start date = first payment, Last payment, Contract ID', () => {
    const env = createFakeAppsScript({ now: NOW });
    const d = env.localDate(isoDaysAgo(100));
    env.spreadsheet.getActiveSheet().load([['Client', 'Job', 'Platform', 'Status', 'Start date', 'Contract ID', 'Notes'],
      ['Acme', 'Logo design', 'Upwork', 'Open', d, '38120001', 'keep me']]);
    const header = 'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance';
    const us = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const csv = [header,
      `"${us(OLDER)}",1,Fixed Price,"Invoice for ""=1+1 formula-looking title""",,Jo,Zed Corp,Jo,,$10.00,$10.00,USD,$10.00`,
      `"${us(RECENT)}",2,Bonus,"Bonus for ""=1+1 formula-looking title""",,Jo,Zed Corp,Jo,,$10.00,$10.00,USD,$20.00`,
      `"${us(RECENT)}",3,Hourly,Invoice for 11/16/2026-11/22/2026,,Jo,Nobody Inc,Jo,,$10.00,$10.00,USD,$30.00`,
      `"${us(RECENT)}",4,Service Fee,Service fee,,Jo,Zed Corp,Jo,,-$1.00,-$1.00,USD,$29.00`,
    ].join('\n');
    const result = importing(env, csv, { addMissing: true });
    expect(result).toMatchObject({ contracts: 2, matched: 0, updated: 0, added: 1, skippedLines: 1 });
    expect(result.unmatched.map((u) => [u.client, u.reason]))
      .toEqual([['Nobody Inc', 'an hourly invoice line names no contract, and no open Upwork row has this client']]);
    const rows = env.spreadsheet.getActiveSheet().getDataRange().getValues();
    expect(rows[0].slice(7)).toEqual(['Follow-ups', 'Last follow-up', 'Audit', 'Last payment']);
    expect(rows[1][6]).toBe('keep me');
    const added = rows[2];
    expect(added.slice(0, 4)).toEqual(['Zed Corp', '=1+1 formula-looking title', 'Upwork', '']);
    expect(env.spreadsheet.getActiveSheet().getRange('B3').getFormula()).toBe('');
    expect(shown(env, 'E3:E3')[0][0]).toBe(display(OLDER));
    expect(shown(env, 'K3:K3')[0][0]).toBe(display(RECENT));
    expect(added[6]).toBe('');
    expect(byClient(result.report, 'Zed Corp')).toMatchObject({ platform: 'Upwork', state: 'Active', lastPayment: RECENT });
  });

  it('without addMissing nothing is appended', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const result = importing(env, FILE);
    expect(result.added).toBe(0);
    expect(env.spreadsheet.getActiveSheet().getLastRow()).toBe(5);
  });

  it('skips the columns the sheet lacks', () => {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([['Job', 'Client', 'Last client activity'], ['Old job', 'Acme', env.localDate(isoDaysAgo(5))]]);
    const result = importing(env, FILE, { addMissing: true });
    expect(result.added).toBe(4);
    const rows = shown(env);
    expect(rows[0]).toEqual(['Job', 'Client', 'Last client activity', 'Follow-ups', 'Last follow-up', 'Audit', 'Last payment']);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['Logo design', '', '', display(RECENT)], ['API integration', '', '', display(OLDER)],
      ['Copywriting', '', '', display(OLDER)], ['Mobile app', '', '', display(OLDER)],
    ]);
  });

  it('with no contracts table at all, sets up the Contracts sheet first', () => {
    const env = createFakeAppsScript({ now: NOW });
    expect(() => importing(env, FILE)).toThrow(/No contracts table found/);
    const result = importing(env, FILE, { addMissing: true });
    expect(result).toMatchObject({ added: 4, matched: 0 });
    expect(result.report.sheetName).toBe('Contracts');
    const sheet = env.spreadsheet.getSheetByName('Contracts')!;
    const values = sheet.getDataRange().getDisplayValues();
    const h = values[0];
    expect(values.slice(1).map((r) => [r[h.indexOf('Job')], r[h.indexOf('Platform')], r[h.indexOf('Contract ID')],
      r[h.indexOf('Start date')], r[h.indexOf('Last payment')]])).toEqual([
      ['Logo design', 'Upwork', '38120001', OLDER, RECENT],
      ['API integration', 'Upwork', '38120002', OLDER, OLDER],
      ['Copywriting', 'Upwork', '38120003', OLDER, OLDER],
      ['Mobile app', 'Upwork', '38120004', OLDER, OLDER],
    ]);
    // And the same file again finds them all, by the Contract ID.
    expect(importing(env, FILE, { addMissing: true })).toMatchObject({ matched: 4, updated: 0, added: 0 });
  });

  it('never writes over a row the user added below the table meanwhile', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const sheet = env.spreadsheet.getActiveSheet();
    env.interleaveOnce('Range.getValues', 1, () => sheet.getRange('A6:B6').setValues([['Echo', 'Typed meanwhile']]));
    const result = importing(env, FILE, { addMissing: true });
    expect(result.added).toBe(1);
    expect(shown(env).slice(5).map((r) => r.slice(0, 3))).toEqual([['Echo', 'Typed meanwhile', ''], ['', 'Mobile app', 'Upwork']]);
  });
});

describe('writes land where they were meant', () => {
  it('a sort between the read and the write: each Last payment lands on its own contract', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    runFresh(env, 'runAudit');
    const sheet = env.spreadsheet.getActiveSheet();
    env.interleaveOnce('Range.getValues', 1, () => sheet.sortRows(2, sheet.getLastRow(), { column: 1, ascending: false }));
    const result = importing(env, FILE);
    expect(result).toMatchObject({ matched: 2, updated: 2 });
    const rows = shown(env);
    const lp = rows[0].indexOf('Last payment');
    expect(rows.slice(1).map((r) => `${r[0]} ${r[lp]}`)).toEqual(['Delta ', 'Cobalt ', `Bolt ${display(OLDER)}`, `Acme ${display(RECENT)}`]);
  });

  it('a sheet that keeps moving: nothing written, and it says so', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    runFresh(env, 'runAudit');
    const before = env.spreadsheet.getActiveSheet().snapshot();
    const sheet = env.spreadsheet.getActiveSheet();
    let ascending = true;
    const stop = env.interleave({ after: 'Range.getValues', every: true, run: () => {
      ascending = !ascending;
      sheet.sortRows(2, sheet.getLastRow(), { column: 1, ascending });
    } });
    expect(() => importing(env, FILE)).toThrow(/sorted, inserted or deleted while the add-on was working/);
    stop();
    // Only the user's sorting changed the sheet: every row is as before, in some order.
    const sortKey = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sortKey(env.spreadsheet.getActiveSheet().snapshot() as unknown[][])).toEqual(sortKey(before as unknown[][]));
  });

  it('a dropdown that refuses "Upwork" in a new row: refused by name, and no Last payment is left changed', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['Direct', 'Fiverr'], true).setAllowInvalid(false).build();
    g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('C6:C20').setDataValidation(rule);
    expect(() => importing(env, FILE, { addMissing: true })).toThrow(/^The sheet refused the new rows .* \(from row 6\): .*violates the data validation.*Allow the new values in the rule.*No contract was changed\.$/);
    expect(column(env, 'Last payment')).toEqual(['', '', '', '']);
    expect(env.spreadsheet.getActiveSheet().getLastRow()).toBe(5);
  });

  it('another audit running: refused, nothing written', () => {
    const env = createFakeAppsScript({ now: NOW });
    fourContracts(env);
    env.lock.holdByOtherExecution();
    expect(() => importing(env, FILE)).toThrow(/already running/);
    expect(shown(env)[0]).not.toContain('Last payment');
  });
});

describe('the example reports in examples/ against examples/contracts.csv', () => {
  const examples = join(__dirname, '..', '..', 'examples');
  async function exampleSheet(): Promise<FakeAppsScript> {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load(await readSheetFile(join(examples, 'contracts.csv'), isoDaysAgo(0), (iso) => env.localDate(iso)));
    return env;
  }
  const unmatched = (r: ImportResult) => r.unmatched.map((u) => `${u.title} / ${u.client} / ${u.reason}`);

  it('the weekly summary: three matched by contract id, one unmatched, a zero line skipped', async () => {
    const env = await exampleSheet();
    const result = importing(env, readFileSync(join(examples, 'upwork-weekly-summary.csv'), 'utf8'));
    expect(result).toMatchObject({ format: 'weekly-summary', contracts: 4, matched: 3, updated: 3, skippedLines: 1 });
    expect(unmatched(result)).toEqual(['Shopify speed audit, phase 1 /  / no row with this contract']);
    expect(byClient(result.report, 'Brightline Analytics').lastPayment).toBe('2026-11-23');
  });

  it('the transaction history: two matched by title and client, fees and a withdrawal skipped, one unmatched', async () => {
    const env = await exampleSheet();
    const result = importing(env, readFileSync(join(examples, 'upwork-transactions.csv'), 'utf8'));
    expect(result).toMatchObject({ format: 'transaction-history', contracts: 3, matched: 2, updated: 2, skippedLines: 3 });
    expect(unmatched(result)).toEqual(['Zapier automation / Rivermill Co / no row with this contract']);
    expect(byClient(result.report, 'Coastal Clinics').lastPayment).toBe('2026-11-19');
  });
});

describe('cost', () => {
  function bigFile(lines: number): string {
    const out: string[] = [];
    for (let i = 0; i < lines; i++) {
      out.push(`${isoDaysAgo(i % 300)},Job ${i % 2000} (${1000000 + (i % 2000)}),1.00,$${(10 + (i % 90)).toFixed(2)},`);
    }
    return weekly(out);
  }
  function bigSheet(env: FakeAppsScript, rows: number): void {
    const data: unknown[][] = [['Client', 'Job', 'Platform', 'Status', 'Last client activity', 'Contract URL']];
    const d = env.localDate(isoDaysAgo(60));
    for (let i = 0; i < rows; i++) data.push([`Client ${i}`, `Job ${i}`, 'Upwork', 'Open', d, i % 3 ? `${LINK}${1000000 + i}` : '']);
    env.spreadsheet.getActiveSheet().load(data);
  }

  it('the same Spreadsheet calls for a 10-line and a 10,000-line file', () => {
    const counts = [10, 10000].map((lines) => {
      const env = createFakeAppsScript({ now: NOW });
      bigSheet(env, 3000);
      runFresh(env, 'runAudit');
      env.calls.reset();
      const result = importing(env, bigFile(lines), { addMissing: true });
      expect(result.updated).toBeGreaterThan(0);
      return { total: env.calls.spreadsheet(), data: env.calls.spreadsheetData(), byMethod: env.calls.byMethod() };
    });
    const spreadsheetOnly = (m: Record<string, number>) => Object.keys(m).filter((k) => !/^(Utilities|LockService|Lock|PropertiesService|Properties|CacheService|Cache|Session|ScriptApp)\./.test(k)).sort().map((k) => `${k} ${m[k]}`);
    expect(spreadsheetOnly(counts[1].byMethod)).toEqual(spreadsheetOnly(counts[0].byMethod));
    expect([counts[1].total, counts[1].data]).toEqual([counts[0].total, counts[0].data]);
    expect(counts[0].data).toBeLessThanOrEqual(12);
  });
});
