// Batched: an audit makes the same small number of Spreadsheet calls for 20 rows as for 5,000
// (npm run bench shows 50,000). The fakes count every Spreadsheet service call.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditReport } from '../../src/core/types';
import { NOW, isoDaysAgo } from './fixtures';


function sheetWith(rows: number): FakeAppsScript {
  const env = createFakeAppsScript({ now: NOW });
  const data: unknown[][] = [['Client', 'Job', 'Status', 'Last client activity', 'Client email']];
  for (let i = 0; i < rows; i++) {
    data.push([`Client ${i}`, `Job ${i}`, i % 7 === 0 ? 'Closed' : 'Open', env.localDate(isoDaysAgo((i * 7) % 90)),
      i % 2 ? `c${i}@example.com` : '']);
  }
  env.spreadsheet.getActiveSheet().load(data);
  return env;
}

function measure(env: FakeAppsScript, fn: string, args: unknown[] = []): { total: number; data: number } {
  env.calls.reset();
  runFresh(env, fn, args);
  return { total: env.calls.spreadsheet(), data: env.calls.spreadsheetData() };
}

describe('Spreadsheet calls do not grow with the number of rows', () => {
  it('runAudit: the same calls for 20 and 5,000 rows, at most 8 that move data', () => {
    const small = sheetWith(20);
    const large = sheetWith(5000);
    const first = [measure(small, 'runAudit'), measure(large, 'runAudit')];
    expect(first[1]).toEqual(first[0]);
    expect(first[0].data).toBeLessThanOrEqual(8);
    const again = [measure(small, 'runAudit'), measure(large, 'runAudit')];
    expect(again[1]).toEqual(again[0]);
    expect(again[0].data).toBeLessThanOrEqual(8);
  });

  it('closeContract and markFollowUpSent: the same calls for 20 and 5,000 rows', () => {
    for (const fn of ['closeContract', 'markFollowUpSent']) {
      const counts = [20, 5000].map((n) => {
        const env = sheetWith(n);
        const report = runFresh<AuditReport>(env, 'runAudit');
        const key = report.contracts.find((c) => c.state === 'Dormant')!.key;
        return measure(env, fn, fn === 'closeContract' ? [key, 'Client not responsive'] : [key]);
      });
      expect([fn, counts[1]]).toEqual([fn, counts[0]]);
    }
  });

  it('draftFollowUps, one chunk of 5: the same calls for 20 and 5,000 rows; the record reuses the read made before drafting', () => {
    const counts = [20, 5000].map((n) => {
      const env = sheetWith(n);
      runFresh(env, 'runAudit');
      env.calls.reset();
      const result = runFresh<{ drafted: unknown[] }>(env, 'draftFollowUps', [null, { limit: 5 }]);
      expect(result.drafted.length).toBeGreaterThan(0);
      return { total: env.calls.spreadsheet(), data: env.calls.spreadsheetData(), reads: env.calls.byMethod()['Range.getValues'] };
    });
    expect(counts[1]).toEqual(counts[0]);
    // One read of the table, one identity check before the record: reading the table again for
    // the record (as before) would make it three.
    expect(counts[0].reads).toBe(2);
  });
});
