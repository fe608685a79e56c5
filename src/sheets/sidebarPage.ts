/** Opens the sidebar with the current audit embedded, so it shows with no server round trip. */
import { BOOTSTRAP_MARKER, scriptSafeJson, sidebarReport } from '../core/bootstrap';
import { STANDARD_PLACEHOLDERS } from '../core/templates';
import type { SidebarBootstrap } from '../core/types';
import { getSchedule } from '../triggers/schedule';
import { reportOf, startAudit } from './auditRun';
import { loadSettings } from './settingsStore';

/** The audit as the sheet stands now, read-only: no lock, no writes. */
function bootstrapData(): SidebarBootstrap {
  const { settings } = loadSettings();
  let report: SidebarBootstrap['report'] = null;
  let error = '';
  let headers: string[] = [];
  try {
    const session = startAudit({ addColumns: false });
    report = sidebarReport(reportOf(session, ''));
    headers = session.table.layout.headers.filter((h) => h !== '');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return {
    report, error, settings, schedule: getSchedule(),
    placeholders: [...STANDARD_PLACEHOLDERS, ...headers],
    auditStatus: { kind: 'never', lastAudit: null },
    permissions: { audit: true, drafts: true, schedule: true, digest: true },
  };
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent()
    .replace(BOOTSTRAP_MARKER, () => scriptSafeJson(bootstrapData()));
  const output = HtmlService.createHtmlOutput(page).setTitle('Contract Audit');
  SpreadsheetApp.getUi().showSidebar(output);
}
