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
console.log(`${pad('rows', 7)} | ${pad('calls', 6)} ${pad('data', 5)} ${pad('ms', 8)} | ${pad('naive calls', 12)} ${pad('naive ms', 9)} | call ratio`);
for (const size of SIZES) {
  const audit = measure(size, (env) => { runFresh(env, 'runAudit'); });
  const naive = size <= 10000 ? measure(size, (env) => naiveAudit(env, size)) : null;
  console.log(`${pad(size, 7)} | ${pad(audit.calls, 6)} ${pad(audit.data, 5)} ${pad(audit.ms.toFixed(0), 8)} | ` +
    `${pad(naive ? naive.calls : 'skipped', 12)} ${pad(naive ? naive.ms.toFixed(0) : '-', 9)} | ` +
    `${naive ? `${Math.round(naive.calls / audit.calls)}x` : '-'}`);
}
const steady = measure(50000, (env) => { runFresh(env, 'runAudit'); env.calls.reset(); runFresh(env, 'runAudit'); });
console.log(`50000 rows, second audit (columns exist): ${steady.calls} calls, ${steady.data} data calls`);
console.log('calls = every Spreadsheet service call; data = the calls that read or write cells, notes or rules.');
