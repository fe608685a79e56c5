/** The plain audit, clearing highlights and selecting a contract's row. */
import { findContractRow } from '../core/rowSafety';
import type { AuditReport } from '../core/types';
import { reportOf, startAudit, toast, writeAudit } from './auditRun';
import { activeSpreadsheet } from './contractsTable';
import { removeHighlights } from './highlights';
import { withDocumentLock } from './lock';

export function runAudit(): AuditReport {
  const report = withDocumentLock(() => {
    const session = startAudit({ addColumns: true });
    writeAudit(session);
    return reportOf(session, '');
  });
  const c = report.counts;
  const attention = c.closeOut + c.dormant + c.quiet + c.checkData;
  toast(attention === 0 ? 'Every open contract is active.' :
    `${c.closeOut} to close, ${c.dormant} dormant, ${c.quiet} quiet, ${c.checkData} to check.`);
  return report;
}

/** Removes the add-on's highlight rules from every sheet; the user's rules stay. */
export function clearHighlights(): { removed: number } {
  return withDocumentLock(() => {
    let removed = 0;
    for (const sheet of activeSpreadsheet().getSheets()) removed += removeHighlights(sheet);
    toast(`Removed ${removed} highlight rule${removed === 1 ? '' : 's'}.`);
    return { removed };
  });
}

/** Makes the contract's row (found by key, whatever sorting happened) the active selection. */
export function selectRow(key: string): void {
  const session = startAudit({ addColumns: false, byKey: true });
  const row = findContractRow(session.audit, key);
  const { sheet, layout } = session.table;
  sheet.activate();
  sheet.getRange(row.contract.row, 1, 1, Math.max(1, layout.width)).activate();
}
