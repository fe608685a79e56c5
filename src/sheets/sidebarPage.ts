/** Opens the sidebar with the current audit embedded, so it shows with no server round trip. */
import { BOOTSTRAP_MARKER, scriptSafeJson, sidebarReport } from '../core/bootstrap';
import { STANDARD_PLACEHOLDERS } from '../core/templates';
import type { AuditStatus, SidebarBootstrap } from '../core/types';
import { getSchedule } from '../triggers/schedule';
import { auditStatusOf } from './auditRecord';
import { reportOf, startAudit } from './auditRun';
import { getPermissions } from './permissions';
import { loadSettings } from './settingsStore';

/**
 * The audit of the sheet the sidebar's actions will use, computed now from the sheet (read-only:
 * no lock, no writes), so its states equal what Run audit then writes; `auditStatus` says
 * truthfully whether they were written.
 */
function bootstrapData(): SidebarBootstrap {
  const { settings } = loadSettings();
  let report: SidebarBootstrap['report'] = null;
  let error = '';
  let headers: string[] = [];
  let auditStatus: AuditStatus = { kind: 'never', lastAudit: null };
  try {
    const session = startAudit({ rule: 'remembered', addColumns: false });
    report = sidebarReport(reportOf(session, ''));
    headers = session.table.layout.headers.filter((h) => h !== '');
    auditStatus = auditStatusOf(session.table.sheetId, settings);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return {
    report, error, settings, schedule: getSchedule(),
    placeholders: [...STANDARD_PLACEHOLDERS, ...headers],
    auditStatus, permissions: getPermissions(),
  };
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent()
    .replace(BOOTSTRAP_MARKER, () => scriptSafeJson(bootstrapData()));
  const output = HtmlService.createHtmlOutput(page).setTitle('Contract Audit');
  SpreadsheetApp.getUi().showSidebar(output);
}
