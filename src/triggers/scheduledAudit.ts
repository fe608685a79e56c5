/**
 * The time-driven handler: audit and highlight, draft due follow-ups when autoDraft is on, and
 * email a short digest when something needs attention. Every failure is stored as lastError
 * (shown in the sidebar) instead of failing silently.
 */
import { digestEmail } from '../core/digest';
import { isoDateTime } from '../core/schedule';
import type { AuditReport } from '../core/types';
import { runAudit } from '../sheets/actions';
import { draftFollowUps } from '../sheets/followUps';
import { loadSettings } from '../sheets/settingsStore';
import { offsetMinutesIn } from '../sheets/timeZone';
import { loadScheduleState, saveScheduleState } from './scheduleStore';

export const REAUTHORIZE_MESSAGE = 'The automatic audit needs your permission again: open the spreadsheet, choose ' +
  'Extensions > Contract Audit > Open sidebar, and allow access. Nothing was audited.';

function needsReauthorization(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return String(info.getAuthorizationStatus()) === String(ScriptApp.AuthorizationStatus.REQUIRED);
}

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

function record(lastError: string | null): void {
  const state = loadScheduleState();
  const now = nowIso();
  saveScheduleState({ ...state, lastRun: now, lastError: lastError === null ? null : `${now}: ${lastError}` });
}

/** The link to the audited sheet (its tab, through #gid), for the digest. */
function sheetLink(sheetName: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) return '';
  const sheet = ss.getSheetByName(sheetName);
  return sheet ? `${ss.getUrl()}#gid=${sheet.getSheetId()}` : ss.getUrl();
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function scheduledAudit(_e?: unknown): void {
  try {
    if (needsReauthorization()) {
      record(REAUTHORIZE_MESSAGE);
      return;
    }
    const { settings } = loadSettings();
    let report: AuditReport;
    let drafted = 0;
    const draftProblems: string[] = [];
    if (settings.autoDraft) {
      const result = draftFollowUps();
      report = result.report;
      drafted = result.drafted.length;
      for (const f of result.failed) draftProblems.push(`row ${f.row} (${f.client}): ${f.error}`);
    } else {
      report = runAudit();
    }
    const problems = draftProblems.length ? [`Some follow-ups could not be drafted: ${draftProblems.slice(0, 3).join('; ')}`] : [];
    const email = settings.digestEmail ? digestEmail(report, sheetLink(report.sheetName), drafted) : null;
    if (email) {
      const to = userEmail();
      if (to) MailApp.sendEmail(to, email.subject, email.body);
      else problems.push('The digest was not sent: Google did not tell the add-on your email address.');
    }
    record(problems.length ? problems.join(' ') : null);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try { record(message); } catch (_ignored) { /* nowhere left to report it */ }
  }
}
