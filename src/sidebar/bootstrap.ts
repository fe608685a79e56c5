/** Reading the last audit that `showSidebar()` embedded in the page (first paint, no round trip). */
import { BOOTSTRAP_MARKER } from '../core/bootstrap';
import type { SidebarBootstrap } from '../core/types';

/**
 * Parses the embedded bootstrap JSON. Returns null when it was never filled in, is not JSON,
 * or does not look like a bootstrap, so the sidebar can show its "Run an audit" state instead.
 */
export function parseBootstrap(text: string | null | undefined): SidebarBootstrap | null {
  const trimmed = (text || '').trim();
  // The marker is still there when the page was not served by `showSidebar()`.
  if (!trimmed || trimmed.indexOf(BOOTSTRAP_MARKER) !== -1) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (_error) {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<SidebarBootstrap>;
  const report = candidate.report && typeof candidate.report === 'object' &&
    Array.isArray(candidate.report.contracts) && candidate.report.counts ? candidate.report : null;
  return {
    report,
    error: typeof candidate.error === 'string' ? candidate.error : '',
    settings: candidate.settings as SidebarBootstrap['settings'],
    schedule: candidate.schedule as SidebarBootstrap['schedule'],
    placeholders: Array.isArray(candidate.placeholders) ? candidate.placeholders.map(String) : [],
    auditStatus: candidate.auditStatus && typeof candidate.auditStatus === 'object' ? candidate.auditStatus
      : { kind: 'never', lastAudit: null },
    permissions: candidate.permissions && typeof candidate.permissions === 'object' ? candidate.permissions
      : { audit: true, drafts: true, schedule: true, digest: true },
  };
}

/** The bootstrap embedded in this document, or null. */
export function readBootstrap(doc: Document): SidebarBootstrap | null {
  const element = doc.getElementById('bootstrap');
  return parseBootstrap(element ? element.textContent : null);
}
