/** The plain audit, clearing highlights and selecting a contract's row. */
import type { AuditReport } from '../core/types';
import { findContract, reportOf, startAudit, toast, withStableSheet, writeAudit } from './auditRun';
import { activeSpreadsheet, type SheetRule } from './contractsTable';
import { removeHighlights } from './highlights';
import { withDocumentLock } from './lock';

/** Audits and highlights the sheet `rule` picks (the scheduled run passes its own rule). */
export function auditAndWrite(rule: SheetRule): AuditReport {
  return withDocumentLock(() => withStableSheet(() => startAudit({ rule }), (session) => () => {
    writeAudit(session);
    return reportOf(session, '');
  }));
}

/** Run audit: audits what the user is looking at (the active sheet, when it holds a table). */
export function runAudit(): AuditReport {
  const report = auditAndWrite('audit');
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
  const session = startAudit({ rule: 'remembered', addColumns: false });
  const row = findContract(session, key);
  const { sheet, layout } = session.table;
  sheet.activate();
  sheet.getRange(row.contract.row, 1, 1, Math.max(1, layout.width)).activate();
}
