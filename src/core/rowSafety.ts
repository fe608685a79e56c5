/**
 * Row safety (README "Trust: writes land where they were meant"): an action names a contract by its key, never by a row
 * number. The row is found again in the freshly read sheet; a contract that is gone, or that two
 * rows now match, is refused with a message, and nothing is written.
 */
import type { AuditedRow, TableAudit } from './audit';

export function findContractRow(audit: TableAudit, key: unknown): AuditedRow {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new Error('Name the contract by the key the last audit gave it (a text like "c1a2b3…"); run the audit to get fresh keys.');
  }
  const matches = audit.rows.filter((r) => r.contract.key === key);
  if (matches.length === 0) {
    throw new Error('That contract is no longer in the sheet: its row was deleted, or its client, job, platform, ' +
      'start date or link changed since the last audit. Run the audit again and retry. Nothing was changed.');
  }
  if (matches.length > 1) {
    const rows = matches.map((m) => m.contract.row).join(' and ');
    throw new Error(`Rows ${rows} now hold the same contract (same client, job, platform, start date and link), so the add-on ` +
      'cannot tell which one you mean. Make them different (for example the start date), run the audit again and retry. Nothing was changed.');
  }
  return matches[0];
}
