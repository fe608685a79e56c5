/**
 * The data `showSidebar()` embeds in the page it serves (README "The sidebar": first paint
 * without a server round trip), and its escaping: no sheet value can end the script element.
 */
import type { AuditContract, AuditReport } from './types';

/** Most contracts the embedded report carries; the counts always cover every row. */
export const EMBEDDED_CONTRACTS_LIMIT = 500;
const ATTENTION: ReadonlyArray<AuditContract['state']> = ['Close out', 'Dormant', 'Quiet', 'Check data'];

/** The report cut to the contracts the sidebar shows (those needing attention), within the limit. */
export function sidebarReport(report: AuditReport): AuditReport {
  const contracts = report.contracts.filter((c) => ATTENTION.indexOf(c.state) >= 0).slice(0, EMBEDDED_CONTRACTS_LIMIT);
  return { ...report, contracts, omitted: report.omitted + report.contracts.length - contracts.length };
}

/** JSON safe inside <script type="application/json">: <, >, &, U+2028 and U+2029 are escaped. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const BOOTSTRAP_MARKER = '__BOOTSTRAP_JSON__';
