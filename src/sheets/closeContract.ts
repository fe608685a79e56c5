/**
 * Closing a contract (SPEC.md "Follow-ups and closing"): Status `Closed`, Closed on = today and
 * the Close reason, found by key; the notice reminds the user to end it on the platform too.
 */
import { parseCloseReason } from '../core/closeReasons';
import { closeNotice } from '../core/closeNotice';
import { CLOSE_ADDED_FIELDS } from '../core/headers';
import { contractName } from '../core/profile';
import { findContractRow } from '../core/rowSafety';
import type { AuditReport } from '../core/types';
import { reaudit, reportOf, startAudit, writeAudit } from './auditRun';
import { ensureColumns } from './columns';
import { withDocumentLock } from './lock';
import { dateOfDay } from './timeZone';

export function closeContract(key: string, reason: string): AuditReport {
  const closeReason = parseCloseReason(reason);
  return withDocumentLock(() => {
    const session = startAudit({ addColumns: true, byKey: true });
    const row = findContractRow(session.audit, key);
    if (row.contract.state === 'Closed') {
      writeAudit(session);
      return reportOf(session, `"${contractName(row.contract)}" is already closed; nothing was changed.`);
    }
    const { table } = session;
    ensureColumns(table, ['status', ...CLOSE_ADDED_FIELDS]);
    const { columns } = table.layout;
    const sheetRow = row.contract.row;
    const values = table.values[row.index];
    values[columns.status as number] = 'Closed';
    values[columns.closedOn as number] = dateOfDay(session.today, table.timeZone);
    values[columns.closeReason as number] = closeReason;
    // Three single cells: Status is the user's column, so it is written cell by cell, never as a whole column.
    table.sheet.getRange(sheetRow, (columns.status as number) + 1).setValue('Closed');
    table.sheet.getRange(sheetRow, (columns.closedOn as number) + 1).setValue(values[columns.closedOn as number]);
    table.sheet.getRange(sheetRow, (columns.closeReason as number) + 1).setValue(closeReason);
    reaudit(session);
    writeAudit(session);
    return reportOf(session, closeNotice(row.contract, closeReason));
  });
}
