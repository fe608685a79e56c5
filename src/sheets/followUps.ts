/**
 * Follow-ups (SPEC.md "Follow-ups and closing"): Gmail drafts for due rows with an email,
 * paste-ready text for the others, and the record (Follow-ups + 1, Last follow-up = today)
 * written for all drafted rows in a few batched calls, into exactly those cells.
 */
import type { AuditedRow } from '../core/audit';
import { isEmailAddress } from '../core/email';
import { followUpMessage } from '../core/followUpMessage';
import { isoOfDay } from '../core/days';
import { contractName } from '../core/profile';
import { findContractRow } from '../core/rowSafety';
import type { AuditReport, DraftResult, Outcome } from '../core/types';
import { reaudit, reportOf, startAudit, writeAudit, type AuditSession } from './auditRun';
import { setCells } from './columns';
import { withDocumentLock } from './lock';
import { dateOfDay } from './timeZone';

/** Stop drafting well inside Apps Script's 6-minute limit, so the record is always written. */
const DRAFTING_BUDGET_MS = 4.5 * 60 * 1000;

function outcomeOf(session: AuditSession, row: AuditedRow): Outcome {
  const { stage, message } = followUpMessage({
    row, values: session.table.values[row.index], layout: session.table.layout,
    settings: session.settings, today: session.today, dayOfDate: session.dayOfDate,
  });
  return { key: row.contract.key, row: row.contract.row, client: row.contract.client, stage, subject: message.subject, body: message.body };
}

/**
 * Records one more follow-up on each row (Follow-ups = counted + 1, Last follow-up = today),
 * then re-audits. One call for the dates, one per distinct new count (at most maxFollowUps).
 */
function recordFollowUps(session: AuditSession, rows: readonly AuditedRow[]): void {
  if (rows.length === 0) return;
  const byCount = new Map<number, number[]>();
  for (const r of rows) {
    const count = r.evaluation.followUps + 1;
    byCount.set(count, [...(byCount.get(count) || []), r.contract.row]);
  }
  byCount.forEach((sheetRows, count) => setCells(session.table, 'followUps', sheetRows, count));
  setCells(session.table, 'lastFollowUp', rows.map((r) => r.contract.row), dateOfDay(session.today, session.table.timeZone));
  reaudit(session);
}

function isQuotaError(message: string): boolean {
  return /too many times|quota|limit exceeded|rate limit/i.test(message);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The rows to draft for: every due row, or the rows of `keys` (a key that is not usable fails on its own). */
function chooseRows(session: AuditSession, keys: unknown, failed: Outcome[]): AuditedRow[] {
  if (keys === undefined || keys === null) return session.audit.rows.filter((r) => r.evaluation.followUpDue);
  const list: unknown = typeof keys === 'string' ? [keys] : keys;
  if (!Array.isArray(list)) throw new Error('draftFollowUps takes a list of contract keys, or nothing for every due follow-up.');
  const chosen: AuditedRow[] = [];
  for (const key of list) {
    try {
      const row = findContractRow(session.audit, key);
      if (!row.evaluation.followUpDue) {
        failed.push({ ...outcomeOf(session, row), error: `No follow-up is due for this contract (${row.contract.state}). ${row.contract.nextStep}`.trim() });
      } else if (chosen.indexOf(row) < 0) {
        chosen.push(row);
      }
    } catch (e) {
      failed.push({ key: String(key), row: 0, client: '', stage: 'first', subject: '', body: '', error: errorText(e) });
    }
  }
  return chosen;
}

function named(o: Outcome[]): string {
  return o.length === 1 ? ` for ${o[0].client}` : '';
}

/** One sentence on what drafting did, naming the contract when there was one. */
function draftNotice(drafted: Outcome[], toSend: Outcome[], failed: Outcome[]): string {
  if (drafted.length + toSend.length + failed.length === 0) return 'No follow-up is due.';
  const parts: string[] = [];
  if (drafted.length) parts.push(`Drafted ${drafted.length} follow-up${drafted.length === 1 ? '' : 's'}${named(drafted)} in Gmail Drafts (not sent)`);
  if (toSend.length) parts.push(`${toSend.length} message${toSend.length === 1 ? '' : 's'}${named(toSend)} to send through the platform, then mark sent`);
  if (failed.length) parts.push(`${failed.length} could not be drafted${named(failed)}`);
  return `${parts.join('; ')}.`;
}

export function draftFollowUps(keys?: string[]): DraftResult {
  const started = Date.now(); // the budget counts the lock wait and the read too
  return withDocumentLock(() => {
    const session = startAudit({ addColumns: true, byKey: true });
    const drafted: Outcome[] = [];
    const toSend: Outcome[] = [];
    const failed: Outcome[] = [];
    const rows = chooseRows(session, keys, failed);
    const recorded: string[] = [];
    let stopReason = '';
    for (const row of rows) {
      const outcome = outcomeOf(session, row);
      const email = row.contract.email;
      if (!email) { toSend.push(outcome); continue; }
      if (stopReason) { failed.push({ ...outcome, error: stopReason }); continue; }
      if (!isEmailAddress(email)) {
        failed.push({ ...outcome, error: `Row ${row.contract.row}: the client email "${email}" is not a valid address. Fix it, or clear it to get the message to paste instead.` });
        continue;
      }
      if (Date.now() - started > DRAFTING_BUDGET_MS) {
        stopReason = 'Stopped before Apps Script\'s 6-minute limit; run Draft follow-ups again for the rest.';
        failed.push({ ...outcome, error: stopReason });
        continue;
      }
      try {
        GmailApp.createDraft(email, outcome.subject, outcome.body);
        drafted.push(outcome);
        recorded.push(row.contract.key);
      } catch (e) {
        const message = errorText(e);
        if (isQuotaError(message)) stopReason = `Gmail's daily limit is reached (${message}) Drafted follow-ups are recorded; run again tomorrow for the rest.`;
        failed.push({ ...outcome, error: stopReason || `Gmail refused the draft: ${message}` });
      }
    }
    // Drafting took a while: read the sheet again and find each drafted contract by key, so a
    // sort or an inserted row in the meantime cannot put the record on another contract.
    const current = recorded.length > 0 ? startAudit({ addColumns: true, byKey: true }) : session;
    const unrecorded: string[] = [];
    const rowsNow: AuditedRow[] = [];
    for (const key of recorded) {
      try {
        rowsNow.push(findContractRow(current.audit, key));
      } catch (_e) {
        const outcome = drafted.find((o) => o.key === key);
        unrecorded.push(outcome ? outcome.client : key);
      }
    }
    recordFollowUps(current, rowsNow);
    writeAudit(current);
    const moved = unrecorded.length === 0 ? '' :
      ` Not recorded because the row changed while drafting: ${unrecorded.join(', ')}; mark them sent once checked.`;
    const report = reportOf(current, draftNotice(drafted, toSend, failed) + moved);
    return { drafted, toSend, failed, report, remaining: 0 };
  });
}

/** Records a follow-up the user sent through the platform's messages (only a due one, once a day). */
export function markFollowUpSent(key: string): AuditReport {
  return withDocumentLock(() => {
    const session = startAudit({ addColumns: true, byKey: true });
    const row = findContractRow(session.audit, key);
    const name = `"${contractName(row.contract)}"`;
    let notice: string;
    if (row.contract.lastFollowUp === isoOfDay(session.today) && row.evaluation.followUps > 0) {
      notice = `A follow-up for ${name} is already recorded today; nothing was added.`;
    } else if (!row.evaluation.followUpDue) {
      const why = row.contract.nextStep ? ` ${row.contract.nextStep}` : '';
      throw new Error(`No follow-up is due for ${name} (${row.contract.state}), so nothing was recorded.${why}`);
    } else {
      recordFollowUps(session, [row]);
      notice = `Recorded follow-up ${row.evaluation.followUps + 1} of ${session.settings.maxFollowUps} for ${name}.`;
    }
    writeAudit(session);
    return reportOf(session, notice);
  });
}
