// The digest the automatic audit sends for the sample sheet (examples/contracts.csv) on
// December 1, 2026: shown in the README, and checked against it by tests/docs/readme.test.ts.
import { join } from 'node:path';
import { createFakeAppsScript } from '../../dev/fakes';
import { readSheetFile } from '../../dev/preview/session';
import { runFresh } from './bundle';

export async function sampleDigest(): Promise<{ subject: string; body: string }> {
  const env = createFakeAppsScript({ now: new Date('2026-12-01T14:00:00Z') });
  const rows = await readSheetFile(join(__dirname, '..', '..', 'examples', 'contracts.csv'), '2026-12-01', (iso) => env.localDate(iso));
  env.spreadsheet.getActiveSheet().setName('Contracts');
  env.spreadsheet.getActiveSheet().load(rows);
  runFresh(env, 'enableSchedule');
  runFresh(env, 'scheduledAudit', undefined, { trigger: true });
  const [mail] = env.mail.sent;
  return { subject: mail.subject, body: mail.body };
}
