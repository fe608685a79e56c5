// The audit's cost as the sheet grows: Spreadsheet calls (counted by the fakes) and wall time of
// runAudit through the built dist/Code.js, next to a naive script that reads and colours one
// row at a time, the way most sheet scripts are written.
import { createFakeAppsScript, type FakeAppsScript } from '../dev/fakes';
import { runFresh } from '../dev/fakes/bundle';

const SIZES = [100, 1000, 10000, 50000];
const NOW = '2026-11-28T15:00:00Z';
const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Start date', 'Last client activity', 'Client email', 'Contract URL'];
const STATUSES = ['Open', 'Open', 'In progress', '', 'Closed', 'Retainer'];


function loadSheet(env: FakeAppsScript, rows: number): void {
  const dates = Array.from({ length: 400 }, (_, i) => env.localDate(new Date(Date.UTC(2026, 10, 28 - i)).toISOString().slice(0, 10)));
  const data: unknown[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    data.push([`Client ${i}`, `Job ${i}`, i % 3 ? 'Upwork' : 'Fiverr', STATUSES[i % STATUSES.length],
      dates[(i * 7) % 400], dates[(i * 13) % 120], i % 2 ? `c${i}@example.com` : '', '']);
  }
  env.spreadsheet.getActiveSheet().load(data);
}


/** The naive baseline: one getValue per cell read, one setValue and setBackground per row. */
function naiveAudit(env: FakeAppsScript, rows: number): void {
  const g = env.globals() as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const today = Date.parse(NOW);
  for (let r = 2; r <= rows + 1; r++) {
    const status = String(sheet.getRange(r, 4).getValue());
    const last = sheet.getRange(r, 6).getValue() as Date;
    const idle = Math.floor((today - last.getTime()) / 86400000);
    const state = /closed/i.test(status) ? 'Closed' : idle >= 30 ? 'Dormant' : idle >= 14 ? 'Quiet' : 'Active';
    sheet.getRange(r, 9).setValue(state);
    sheet.getRange(r, 1, 1, 9).setBackground(state === 'Dormant' ? '#fce5cd' : state === 'Quiet' ? '#fff2cc' : null);
  }
}

function measure(size: number, run: (env: FakeAppsScript) => void): { calls: number; data: number; ms: number } {
  const env = createFakeAppsScript({ now: NOW });
  loadSheet(env, size);
  env.calls.reset();
  const started = process.hrtime.bigint();
  run(env);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { calls: env.calls.spreadsheet(), data: env.calls.spreadsheetData(), ms };
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
console.log('runAudit through dist/Code.js on the local fakes (first audit of the sheet: adds its 3 columns)');
console.log(`${pad('rows', 7)} | ${pad('calls', 6)} ${pad('data', 5)} ${pad('ms', 8)} ${pad('bytes', 8)} | ${pad('naive calls', 12)} ${pad('naive ms', 9)} | call ratio`);
for (const size of SIZES) {
  let bytes = 0; // what runAudit returns to the sidebar, as JSON
  const audit = measure(size, (env) => { bytes = Buffer.byteLength(JSON.stringify(runFresh(env, 'runAudit'))); });
  const naive = size <= 10000 ? measure(size, (env) => naiveAudit(env, size)) : null;
  console.log(`${pad(size, 7)} | ${pad(audit.calls, 6)} ${pad(audit.data, 5)} ${pad(audit.ms.toFixed(0), 8)} ${pad(bytes, 8)} | ` +
    `${pad(naive ? naive.calls : 'skipped', 12)} ${pad(naive ? naive.ms.toFixed(0) : '-', 9)} | ` +
    `${naive ? `${Math.round(naive.calls / audit.calls)}x` : '-'}`);
}
const steady = measure(50000, (env) => { runFresh(env, 'runAudit'); env.calls.reset(); runFresh(env, 'runAudit'); });
console.log(`50000 rows, second audit (columns exist): ${steady.calls} calls, ${steady.data} data calls`);

console.log('');
console.log('draftFollowUps(null, {limit: 25}) through dist/Code.js: one chunk of the sidebar\'s Draft all (audited once before)');
console.log(`${pad('rows', 7)} | ${pad('calls', 6)} ${pad('data', 5)} ${pad('ms', 8)} | drafted`);
for (const size of [1000, 50000]) {
  const env = createFakeAppsScript({ now: NOW });
  loadSheet(env, size);
  runFresh(env, 'runAudit');
  env.calls.reset();
  const started = process.hrtime.bigint();
  const result = runFresh<{ drafted: unknown[] }>(env, 'draftFollowUps', [null, { limit: 25 }]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${pad(size, 7)} | ${pad(env.calls.spreadsheet(), 6)} ${pad(env.calls.spreadsheetData(), 5)} ${pad(ms.toFixed(0), 8)} | ${result.drafted.length}`);
}

/** A made-up Upwork weekly summary of `lines` lines over 2,000 contracts, ids matching the sheet's links. */
function weeklySummary(lines: number): string {
  const out = ['Date,Contract,Hours,Amount,Payment type'];
  for (let i = 0; i < lines; i++) {
    const day = new Date(Date.UTC(2026, 10, 27 - (i % 200))).toISOString().slice(0, 10);
    out.push(`${day},Job ${(i * 7) % 2000} (${38000000 + ((i * 7) % 2000)}),1.50,"$${(100 + (i % 900)).toFixed(2)}",${i % 5 ? '' : 'Bonus'}`);
  }
  return `${out.join('\r\n')}\r\n`;
}

function loadUpworkSheet(env: FakeAppsScript, rows: number): void {
  loadSheet(env, rows);
  const sheet = env.spreadsheet.getActiveSheet();
  const links: unknown[][] = [];
  for (let i = 0; i < rows; i++) links.push([i % 3 ? `https://www.upwork.com/ab/f/contracts/${38000000 + i}` : '']);
  sheet.getRange(2, 8, rows, 1).setValues(links);
}

console.log('');
console.log('importUpworkReport through dist/Code.js: a weekly summary into a sheet of 10,000 rows (audited once before)');
console.log('(the import re-audits the sheet; "audit ms" is a plain runAudit of the same sheet, for comparison)');
console.log(`${pad('lines', 7)} | ${pad('calls', 6)} ${pad('data', 5)} ${pad('ms', 8)} | ${pad('audit ms', 9)} | updated`);
for (const lines of [10, 10000]) {
  const env = createFakeAppsScript({ now: NOW });
  loadUpworkSheet(env, 10000);
  runFresh(env, 'runAudit');
  let started = process.hrtime.bigint();
  runFresh(env, 'runAudit');
  const auditMs = Number(process.hrtime.bigint() - started) / 1e6;
  const csv = weeklySummary(lines);
  env.calls.reset();
  started = process.hrtime.bigint();
  const result = runFresh(env, 'importUpworkReport', [csv]) as { updated: number };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${pad(lines, 7)} | ${pad(env.calls.spreadsheet(), 6)} ${pad(env.calls.spreadsheetData(), 5)} ${pad(ms.toFixed(0), 8)} | `
    + `${pad(auditMs.toFixed(0), 9)} | ${result.updated}`);
}
console.log('calls = every Spreadsheet service call; data = the calls that read or write cells, notes or rules;');
console.log('bytes = the size of runAudit\'s result as JSON (its contracts are capped at 500, the rest counted).');
