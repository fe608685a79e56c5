/**
 * The time-driven handler: audit and highlight, draft due follow-ups when autoDraft is on, and
 * email a short digest when something needs attention. Every failure is stored as lastError
 * (shown in the sidebar) instead of failing silently. A time-driven run has no UI and no active
 * sheet of its own, so it audits the configured or remembered sheet, never the active one.
 */
import { digestEmail } from '../core/digest';
import { isoDateTime } from '../core/schedule';
import type { AuditReport } from '../core/types';
import { auditAndWrite } from '../sheets/actions';
import { draftDue } from '../sheets/followUps';
import { getPermissions, NOT_ALLOWED } from '../sheets/permissions';
import { loadSettings } from '../sheets/settingsStore';
import { offsetMinutesIn } from '../sheets/timeZone';
import { loadScheduleState, saveScheduleState } from './scheduleStore';

export const REAUTHORIZE_MESSAGE = 'The automatic audit needs your permission again: open the spreadsheet, choose ' +
  'Extensions > Contract Audit > Open sidebar, and allow access. Nothing was audited.';

/** Longest lastError kept (README "Server API"): a long cell in an error must not make the state too big to save. */
export const MAX_LAST_ERROR_CHARS = 500;

/** The address the digest goes to: the user the trigger runs as. */
function userEmail(): string {
  const effective = Session.getEffectiveUser().getEmail();
  return effective || Session.getActiveUser().getEmail();
}

function nowIso(): string {
  let timeZone = Session.getScriptTimeZone();
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss) timeZone = ss.getSpreadsheetTimeZone();
  } catch (_e) { /* keep the script's zone */ }
  const now = Date.now();
  return isoDateTime(now, offsetMinutesIn(timeZone)(now));
}

/** At most MAX_LAST_ERROR_CHARS, cut at a word with an ellipsis. */
export function shortError(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= MAX_LAST_ERROR_CHARS) return oneLine;
  const cut = oneLine.slice(0, MAX_LAST_ERROR_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_LAST_ERROR_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

function record(lastError: string | null): void {
  const state = loadScheduleState();
  const now = nowIso();
  saveScheduleState({ ...state, lastRun: now, lastError: lastError === null ? null : shortError(`${now}: ${lastError}`) });
}

/** The link to the audited sheet (its tab, through #gid), for the digest. */
function sheetLink(sheetId: number): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ss ? `${ss.getUrl()}#gid=${sheetId}` : '';
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function scheduledAudit(_e?: unknown): void {
  try {
    const permissions = getPermissions();
    if (!permissions.audit) {
      record(REAUTHORIZE_MESSAGE);
      return;
    }
    const { settings } = loadSettings();
    let report: AuditReport;
    let drafted = 0;
    const problems: string[] = [];
    if (settings.autoDraft && permissions.drafts) {
      const result = draftDue('scheduled');
      report = result.report;
      drafted = result.drafted.length;
      const failures = result.failed.map((f) => `row ${f.row} (${f.client.slice(0, 40)}): ${(f.error || '').slice(0, 120)}`);
      if (failures.length) problems.push(`Some follow-ups could not be drafted: ${failures.slice(0, 3).join('; ')}`);
    } else {
      report = auditAndWrite('scheduled');
      if (settings.autoDraft) problems.push(`No follow-ups were drafted. ${NOT_ALLOWED.drafts}`);
    }
    if (settings.digestEmail) {
      const email = digestEmail(report, sheetLink(report.sheetId), drafted);
      if (email && !permissions.digest) {
        problems.push(NOT_ALLOWED.digest);
      } else if (email) {
        const to = userEmail();
        if (to) MailApp.sendEmail(to, email.subject, email.body);
        else problems.push('The digest was not sent: Google did not tell the add-on your email address.');
      }
    }
    record(problems.length ? problems.join(' ') : null);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try { record(message); } catch (_ignored) { /* nowhere left to report it */ }
  }
}
