/**
 * Closing a contract (README "Follow-ups and closing"): Status `Closed`, Closed on = today and
 * the Close reason, all three or none, on the row that still holds the contract its key names;
 * the notice reminds the user to end it on the platform too.
 */
import { cellText } from '../core/audit';
import { parseCloseReason } from '../core/closeReasons';
import { closeNotice } from '../core/closeNotice';
import { CLOSE_ADDED_FIELDS } from '../core/headers';
import { contractName } from '../core/profile';
import { classifyStatus } from '../core/status';
import type { AuditReport } from '../core/types';
import { findContract, reaudit, refreshAfterAction, reportOf, startAudit, withStableSheet, writeAudit } from './auditRun';
import { checkAgainstDropdowns, writeAllOrNone, type CellWrite } from './cellWrites';
import { ensureColumns } from './columns';
import { withDocumentLock } from './lock';
import { dateOfDay } from './timeZone';

export function closeContract(key: string, reason: string): AuditReport {
  const closeReason = parseCloseReason(reason);
  return withDocumentLock(() => withStableSheet(
    () => startAudit({ rule: 'remembered' }),
    (session) => {
      const row = findContract(session, key);
      if (classifyStatus(row.contract.status) === 'closed') {
        return () => {
          writeAudit(session);
          return reportOf(session, `"${contractName(row.contract)}" is already closed; nothing was changed.`);
        };
      }
      const { table } = session;
      const sheetRow = row.contract.row;
      const writes: CellWrite[] = [
        { row: sheetRow, field: 'status', value: 'Closed' },
        { row: sheetRow, field: 'closedOn', value: dateOfDay(session.today, table.timeZone) },
        { row: sheetRow, field: 'closeReason', value: closeReason },
      ];
      checkAgainstDropdowns(table, writes);
      const typeColumn = table.layout.columns.contractType;
      const contractType = typeColumn === undefined ? '' : cellText(table.values[row.index][typeColumn]);
      return () => {
        // The close's own columns are appended only once the close is sure to be attempted.
        ensureColumns(table, ['status', ...CLOSE_ADDED_FIELDS]);
        writeAllOrNone(table, writes);
        reaudit(session);
        const refresh = refreshAfterAction(session);
        return reportOf(session, closeNotice({ ...row.contract, contractType }, closeReason) + refresh);
      };
    }));
}
