/**
 * Follow-ups (README "Follow-ups and closing"): Gmail drafts for due rows with an email,
 * paste-ready text for the others, and the record (Follow-ups + 1, Last follow-up = today)
 * written for all drafted rows in a few batched calls, into exactly those cells, all or none,
 * on the rows that still hold those contracts. Never two drafts of one contract's stage.
 */
import type { AuditedRow } from '../core/audit';
import { isoOfDay, dayFromIso } from '../core/days';
import { parseRecipients, recipientKey } from '../core/email';
import { followUpMessage, usesColumnPlaceholders, type FollowUpMessage } from '../core/followUpMessage';
import { plural } from '../core/plural';
import { contractName } from '../core/profile';
import type { AuditReport, DraftOptions, DraftResult, Outcome } from '../core/types';
import {
  findContract, reaudit, refreshAfterAction, reportOf, startAudit, withStableSheet, writeAudit, SHEET_MOVING_MESSAGE, type AuditSession,
} from './auditRun';
import { writeAllOrNone, type CellWrite } from './cellWrites';
import type { SheetRule } from './contractsTable';
import { clearMarker, draftKey, draftsInGmail, readMarker, setMarker } from './draftMarker';
import { withDocumentLock } from './lock';
import { getPermissions, NOT_ALLOWED } from './permissions';
import { dateOfDay } from './timeZone';

/** Stop drafting well inside Apps Script's 6-minute limit, so the record is always written. */
export const DRAFTING_BUDGET_MS = 4.5 * 60 * 1000;

/** Gmail's daily limit: the one Gmail error that stops a batch (any other fails its row only). */
export function isDailyLimitError(message: string): boolean {
  return /too many times for one day|daily (sending )?(quota|limit)|per day/i.test(message);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Drafting {
  session: AuditSession;
  /** Display values by sheet row, for templates that name columns. */
  displayed: Map<number, string[]>;
}

function messageFor(d: Drafting, row: AuditedRow, today = d.session.today): FollowUpMessage {
  const { session } = d;
  const shift = d.session.today - today;
  return followUpMessage({
    row: shift === 0 ? row : { ...row, contract: { ...row.contract, idleDays: row.contract.idleDays === null ? null : row.contract.idleDays - shift } },
    values: session.table.values[row.index], layout: session.table.layout,
    settings: session.settings, today, dayOfDate: session.dayOfDate, displayed: d.displayed.get(row.contract.row),
  });
}

function outcomeOf(row: AuditedRow, m: FollowUpMessage): Outcome {
  return { key: row.contract.key, row: row.contract.row, client: row.contract.client, stage: m.stage,
    subject: m.message.subject, body: m.message.body };
}

/** One read of the display values of the rows to draft, when a template names a column ("$1,234.50", not 1234.5). */
function readDisplayed(session: AuditSession, rows: readonly AuditedRow[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  const needing = rows.filter((r) => usesColumnPlaceholders(session.settings.templates[r.evaluation.stage || 'first']));
  if (needing.length === 0) return map;
  const first = Math.min(...needing.map((r) => r.contract.row));
  const last = Math.max(...needing.map((r) => r.contract.row));
  const width = Math.max(1, session.table.layout.width);
  const texts = session.table.sheet.getRange(first, 1, last - first + 1, width).getDisplayValues();
  for (const r of needing) map.set(r.contract.row, texts[r.contract.row - first]);
  return map;
}

function parseOptions(options: unknown): { limit: number; skip: Set<string> } {
  const o = (options && typeof options === 'object' ? options : {}) as DraftOptions;
  const limit = typeof o.limit === 'number' && o.limit >= 1 ? Math.floor(o.limit) : Infinity;
  const skip = new Set(Array.isArray(o.skip) ? o.skip.filter((k): k is string => typeof k === 'string') : []);
  return { limit, skip };
}

/**
 * The rows this call handles: the rows of `keys` (a key that is not usable, or not due, fails on
 * its own), or every due row in sheet order; minus `skip`, at most `limit`. `remaining` counts
 * the due rows left for a later call.
 */
function chooseRows(d: Drafting, keys: unknown, limit: number, skip: Set<string>, failed: Outcome[]):
  { rows: AuditedRow[]; remaining: number } {
  const { session } = d;
  let candidates: AuditedRow[];
  if (keys === undefined || keys === null) {
    candidates = session.audit.rows.filter((r) => r.evaluation.followUpDue && !skip.has(r.contract.key));
  } else {
    const list: unknown = typeof keys === 'string' ? [keys] : keys;
    if (!Array.isArray(list)) throw new Error('draftFollowUps takes a list of contract keys, or nothing for every due follow-up.');
    candidates = [];
    for (const key of list) {
      if (typeof key === 'string' && skip.has(key)) continue;
      try {
        const row = findContract(session, key);
        if (!row.evaluation.followUpDue) {
          const m = messageFor(d, row);
          failed.push({ ...outcomeOf(row, m), error: `No follow-up is due for this contract (${row.contract.state}). ${row.contract.nextStep}`.trim() });
        } else if (candidates.indexOf(row) < 0) {
          candidates.push(row);
        }
      } catch (e) {
        failed.push({ key: String(key), row: 0, client: '', stage: 'first', subject: '', body: '', error: errorText(e) });
      }
    }
  }
  const rows = candidates.slice(0, limit);
  return { rows, remaining: candidates.length - rows.length };
}

/** One sentence on what drafting did, naming the contract when there was one. */
function draftNotice(drafted: Outcome[], toSend: Outcome[], failed: Outcome[], recovered: number, left: number): string {
  const named = (o: Outcome[]) => (o.length === 1 && o[0].client ? ` for ${o[0].client}` : '');
  if (drafted.length + toSend.length + failed.length === 0) return left > 0 ? `${plural(left, 'follow-up')} still due.` : 'No follow-up is due.';
  const parts: string[] = [];
  const fresh = drafted.length - recovered;
  if (fresh > 0) parts.push(`Drafted ${plural(fresh, 'follow-up')}${named(drafted)} in Gmail Drafts (not sent)`);
  if (recovered > 0) parts.push(`recorded ${plural(recovered, 'draft')} an earlier run had left in Gmail Drafts (not drafted again)`);
  if (toSend.length) parts.push(`${plural(toSend.length, 'message')}${named(toSend)} to send through the platform, then mark sent`);
  if (failed.length) parts.push(`${failed.length} could not be drafted${named(failed)}`);
  if (left > 0) parts.push(`${plural(left, 'follow-up')} left: press Draft again for the rest`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Records one more follow-up on each contract of `keys`, checked just before writing (a sort
 * while drafting cannot misplace the record); all cells or none. The first attempt uses the
 * read made before drafting (`drafting`): when no row moved meanwhile, the identity check
 * passes and a large sheet is not read and audited a second time; when rows moved, the record
 * is made again from a fresh read. Returns the contracts it could not find.
 */
function recordFollowUps(rule: SheetRule, drafting: AuditSession, keys: readonly string[], notice: (unrecorded: string[]) => string):
  { report: AuditReport; unrecorded: string[] } {
  let first: AuditSession | null = drafting;
  const open = (): AuditSession => {
    const session = first || startAudit({ rule });
    first = null;
    return session;
  };
  return withStableSheet(open, (session) => {
    const unrecorded: string[] = [];
    const rows: AuditedRow[] = [];
    for (const key of keys) {
      try { rows.push(findContract(session, key)); } catch (_e) { unrecorded.push(key); }
    }
    const today = dateOfDay(session.today, session.table.timeZone);
    const writes: CellWrite[] = [];
    for (const r of rows) {
      writes.push({ row: r.contract.row, field: 'followUps', value: r.evaluation.followUps + 1 });
      writes.push({ row: r.contract.row, field: 'lastFollowUp', value: today });
    }
    return () => {
      writeAllOrNone(session.table, writes);
      reaudit(session);
      const refresh = refreshAfterAction(session);
      return { report: reportOf(session, notice(unrecorded) + refresh), unrecorded };
    };
  });
}

/**
 * Whether a row this run did not examine (open, with an email) has a draft addressed to its
 * client in Gmail: an earlier unfinished run may have drafted it without recording it.
 */
function draftMayAwaitOtherRow(session: AuditSession, examined: readonly AuditedRow[], inGmail: ReadonlySet<string>): boolean {
  const addressed = new Set<string>();
  inGmail.forEach((key) => addressed.add(key.split('\u001f')[0]));
  const seen = new Set(examined.map((r) => r.contract.row));
  return session.audit.rows.some((r) => !seen.has(r.contract.row) && r.contract.state !== 'Closed'
    && r.contract.email !== '' && addressed.has(recipientKey(r.contract.email)));
}

/** The body of draftFollowUps, for the sheet `rule` picks (the scheduled run passes its own). */
export function draftDue(rule: SheetRule, keys?: unknown, options?: unknown): DraftResult {
  const started = Date.now(); // the budget counts the lock wait and the read too
  const { limit, skip } = parseOptions(options);
  return withDocumentLock(() => {
    const session = startAudit({ rule });
    const d: Drafting = { session, displayed: new Map() };
    const drafted: Outcome[] = [];
    const toSend: Outcome[] = [];
    const failed: Outcome[] = [];
    const chosen = chooseRows(d, keys, limit, skip, failed);
    d.displayed = readDisplayed(session, chosen.rows);
    const withEmail = chosen.rows.filter((r) => r.contract.email !== '');
    const draftsAllowed = withEmail.length === 0 || getPermissions().drafts;
    const today = isoOfDay(session.today);
    const marker = readMarker();
    // Only after an unfinished run: what it may have drafted without recording.
    const inGmail = marker && draftsAllowed && withEmail.length > 0 ? draftsInGmail() : null;
    if (draftsAllowed && withEmail.length > 0) setMarker(marker, today);
    const markerDays = (marker || []).map((iso) => dayFromIso(iso)).filter((day): day is number => day !== null);

    const recorded: string[] = [];
    let recovered = 0;
    let stopped = false;
    let notReached = 0;
    for (const row of chosen.rows) {
      if (stopped) { notReached++; continue; }
      const m = messageFor(d, row);
      const outcome = outcomeOf(row, m);
      if (m.unresolved.length > 0) {
        failed.push({ ...outcome, error: `The ${m.stage} follow-up's template uses ${m.unresolved.map((n) => `{{${n}}}`).join(', ')}, `
          + 'which is not a column of this sheet any more. Fix the template in Settings; nothing was drafted for this contract.' });
        continue;
      }
      const email = row.contract.email;
      if (!email) { toSend.push(outcome); continue; }
      const parsed = parseRecipients(email);
      if ('bad' in parsed) {
        failed.push({ ...outcome, error: `Row ${row.contract.row}: the client email "${parsed.bad}" is not an address Gmail takes. `
          + 'Fix it (one address, Name <address>, or several separated by commas), or clear it to get the message to paste instead.' });
        continue;
      }
      if (!draftsAllowed) { failed.push({ ...outcome, error: NOT_ALLOWED.drafts }); continue; }
      if (Date.now() - started > DRAFTING_BUDGET_MS) { stopped = true; notReached++; continue; }
      if (inGmail) {
        const subjects = [m.message.subject, ...markerDays.map((day) => messageFor(d, row, day).message.subject)];
        if (subjects.some((s) => inGmail.has(draftKey(parsed.recipients, s)))) {
          drafted.push(outcome);
          recorded.push(row.contract.key);
          recovered++;
          continue;
        }
      }
      try {
        GmailApp.createDraft(parsed.recipients, m.message.subject, m.message.body);
        drafted.push(outcome);
        recorded.push(row.contract.key);
      } catch (e) {
        const message = errorText(e);
        if (isDailyLimitError(message)) {
          stopped = true;
          failed.push({ ...outcome, error: `Gmail's daily limit is reached (${message.replace(/\.$/, '')}). `
            + 'The drafts made so far are recorded; run Draft again tomorrow for the rest.' });
        } else {
          failed.push({ ...outcome, error: `Gmail refused the draft: ${message}` });
        }
      }
    }
    const left = chosen.remaining + notReached;
    const base = draftNotice(drafted, toSend, failed, recovered, left)
      + (stopped && left > 0 && Date.now() - started > DRAFTING_BUDGET_MS
        ? ' Stopped before Apps Script\'s 6-minute limit.' : '');
    let report: AuditReport;
    try {
      const result = recordFollowUps(rule, session, recorded, (unrecorded) => base + (unrecorded.length === 0 ? '' :
        ` ${plural(unrecorded.length, 'draft')} could not be recorded because ${unrecorded.length === 1 ? 'its row' : 'their rows'} `
        + 'changed while drafting (deleted or renamed); check them, then mark them sent.'));
      report = result.report;
      // The marker goes once nothing drafted is left unrecorded: this run's drafts are recorded,
      // and an earlier unfinished run's drafts were all looked for (every due row was examined;
      // the skipped ones are those earlier chunks could not draft, so they have no draft).
      // A row that is not due today (a duplicate for now, a status being edited) is not examined:
      // if its client has a draft in Gmail, the marker stays until that row is drafted or closed.
      const examinedAll = (keys === undefined || keys === null) && chosen.remaining === 0 && !stopped;
      if (result.unrecorded.length === 0 && (marker === null
        || (examinedAll && getPermissions().drafts && !draftMayAwaitOtherRow(session, chosen.rows, inGmail || draftsInGmail())))) clearMarker();
    } catch (e) {
      // The drafts exist but are not recorded; the marker stays, so the next run finds them in Drafts.
      const why = errorText(e) === SHEET_MOVING_MESSAGE ? 'rows kept moving in the sheet' : errorText(e).replace(/\.$/, '');
      report = reportOf(session, `${base} The follow-ups were not recorded in the sheet (${why}); `
        + 'press Draft again when the sheet is still: the add-on finds the drafts already in Gmail and records them without drafting twice.');
    }
    return { drafted, toSend, failed, report, remaining: left };
  });
}

export function draftFollowUps(keys?: string[] | null, options?: DraftOptions): DraftResult {
  return draftDue('remembered', keys, options);
}

/** Records a follow-up the user sent through the platform's messages (only a due one, once a day). */
export function markFollowUpSent(key: string): AuditReport {
  return withDocumentLock(() => withStableSheet(() => startAudit({ rule: 'remembered' }), (session) => {
    const row = findContract(session, key);
    const name = `"${contractName(row.contract)}"`;
    if (row.contract.lastFollowUp === isoOfDay(session.today) && row.evaluation.followUps > 0) {
      return () => {
        writeAudit(session);
        return reportOf(session, `A follow-up for ${name} is already recorded today; nothing was added.`);
      };
    }
    if (!row.evaluation.followUpDue) {
      const why = row.contract.nextStep ? ` ${row.contract.nextStep}` : '';
      throw new Error(`No follow-up is due for ${name} (${row.contract.state}), so nothing was recorded.${why}`);
    }
    const writes: CellWrite[] = [
      { row: row.contract.row, field: 'followUps', value: row.evaluation.followUps + 1 },
      { row: row.contract.row, field: 'lastFollowUp', value: dateOfDay(session.today, session.table.timeZone) },
    ];
    return () => {
      writeAllOrNone(session.table, writes);
      reaudit(session);
      const refresh = refreshAfterAction(session);
      return reportOf(session, `Recorded follow-up ${row.evaluation.followUps + 1} of ${session.settings.maxFollowUps} for ${name}.${refresh}`);
    };
  }));
}
