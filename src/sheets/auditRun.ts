/**
 * One audit of the contracts sheet, in the steps every action shares: read (one call), evaluate
 * in memory, check nothing moved (one read of the identity columns), then write the add-on's
 * columns and highlights (a fixed number of calls).
 */
import { auditTable, buildReport, type AuditedRow, type TableAudit } from '../core/audit';
import type { Day } from '../core/days';
import { AUDIT_ADDED_FIELDS, columnLetter, type Field } from '../core/headers';
import { sheetIdOfKey } from '../core/keys';
import { findContractRow } from '../core/rowSafety';
import { STATE_WORDS } from '../core/states';
import { templateProblems } from '../core/templates';
import type { AuditReport, Problem, Settings } from '../core/types';
import { recordAudit } from './auditRecord';
import { dataColumnRange, dataRowSpan, ensureColumns, setCells } from './columns';
import { openContractsTable, type ContractsTable, type SheetRule } from './contractsTable';
import { keepOwnColumnsInFilter } from './filter';
import { replaceHighlights } from './highlights';
import { identityUnchanged } from './identityCheck';
import { loadSettings } from './settingsStore';
import { dayOfDateIn, todayIn } from './timeZone';

export interface AuditSession {
  table: ContractsTable;
  settings: Settings;
  settingsProblems: Problem[];
  today: Day;
  dayOfDate: (d: Date) => Day;
  audit: TableAudit;
}

/**
 * Reads the table chosen by `rule` and audits it in memory. `addColumns` appends the missing
 * columns among those fields first (the audit's own by default; none for read-only callers).
 * `audit: false` leaves `session.audit` empty, for a caller that changes the values first and
 * then calls reaudit (an import: one audit instead of two).
 */
export function startAudit(options: { rule: SheetRule; addColumns?: readonly Field[] | false; audit?: boolean }): AuditSession {
  const { settings, problem } = loadSettings();
  const table = openContractsTable(settings, options.rule);
  const fields = options.addColumns === undefined ? AUDIT_ADDED_FIELDS : options.addColumns;
  if (fields) ensureColumns(table, fields);
  const session: AuditSession = {
    table, settings,
    settingsProblems: problem ? [{ row: 0, message: problem }] : [],
    today: todayIn(table.timeZone),
    dayOfDate: dayOfDateIn(table.timeZone),
    audit: { rows: [], problems: [] },
  };
  if (options.audit !== false) reaudit(session);
  return session;
}

/** Re-evaluates every row from the in-memory values (after an action changed them). */
export function reaudit(session: AuditSession): void {
  const { table } = session;
  session.audit = auditTable({
    values: table.values, layout: table.layout, settings: session.settings,
    locale: table.locale, today: session.today, dayOfDate: session.dayOfDate, sheetId: table.sheetId,
  });
}

/** Said when rows keep moving while the add-on tries to write (README "Trust: writes land where they were meant"). */
export const SHEET_MOVING_MESSAGE = 'Rows of the sheet were sorted, inserted or deleted while the add-on was working, '
  + 'twice in a row, so nothing was written. Wait until the sheet is still, then try again.';

/**
 * Optimistic concurrency for one action: read and compute (`plan`, which must not write), check
 * just before writing that every row still holds the contract read there, then write (the
 * function `plan` returns). If the sheet moved, read and compute again once; if it moved again,
 * write nothing and throw SHEET_MOVING_MESSAGE. `stillValid` is a further check of the same kind
 * (an import appending rows checks that no row was added below the table meanwhile).
 */
export function withStableSheet<T>(open: () => AuditSession, plan: (session: AuditSession) => () => T,
  stillValid?: (session: AuditSession) => boolean): T {
  for (let attempt = 0; attempt < 2; attempt++) {
    const session = open();
    const write = plan(session);
    if (identityUnchanged(session.table) && (!stillValid || stillValid(session))) return write();
  }
  throw new Error(SHEET_MOVING_MESSAGE);
}

/**
 * The row of the contract `key` names, in this session's sheet. A key from another tab is
 * refused (an action never acts on a sheet other than the one its report showed).
 */
export function findContract(session: AuditSession, key: unknown): AuditedRow {
  const keySheet = sheetIdOfKey(key);
  const { table } = session;
  if (keySheet !== null && keySheet !== table.sheetId) {
    const other = table.spreadsheet.getSheetById(keySheet);
    const where = other ? `the sheet "${other.getName()}"` : 'a sheet that no longer exists';
    throw new Error(`That contract is on ${where}, but the add-on now works on "${table.sheetName}". `
      + 'Run the audit again to see this sheet\'s contracts. Nothing was changed.');
  }
  return findContractRow(session.audit, key);
}

/**
 * Writes the Audit column (a state per contract row, with a note on each bad row), resets the
 * follow-up counts a reply cancelled, keeps the add-on's columns inside the sheet's filter, and
 * replaces the highlights; then remembers this sheet and this audit. Rows that are not
 * contracts keep whatever their Audit cell holds, unless it is a state an earlier audit wrote.
 */
export function writeAudit(session: AuditSession): void {
  const { table, audit } = session;
  const { columns, headerRow } = table.layout;
  const auditColumn = columns.audit as number;
  const auditRange = dataColumnRange(table, 'audit');
  if (auditRange) {
    const states: unknown[][] = [];
    const notes: string[][] = [];
    for (let i = headerRow; i < table.values.length; i++) {
      const current = table.values[i][auditColumn];
      states.push([typeof current === 'string' && (STATE_WORDS as readonly string[]).indexOf(current.trim()) >= 0 ? '' : current]);
      notes.push(['']);
    }
    for (const r of audit.rows) {
      states[r.index - headerRow][0] = r.evaluation.state;
      notes[r.index - headerRow][0] = r.evaluation.problem || '';
    }
    states.forEach(([state], k) => { table.values[headerRow + k][auditColumn] = state; });
    auditRange.setValues(states);
    auditRange.setNotes(notes);
  }
  const resets = audit.rows.filter((r) => r.evaluation.resetFollowUps).map((r) => r.contract.row);
  setCells(table, 'followUps', resets, 0);
  keepOwnColumnsInFilter(table);
  const { firstRow, count } = dataRowSpan(table);
  const headerCells = table.layout.headers;
  let firstColumn = 0;
  while (firstColumn < headerCells.length && headerCells[firstColumn] === '') firstColumn++;
  replaceHighlights(table.sheet, {
    firstRow, numRows: count, firstColumn: firstColumn + 1, numColumns: table.layout.width - firstColumn,
  }, columnLetter(auditColumn));
  recordAudit(table, session.settings);
}

/**
 * After an action's own cells are written: refreshes the Audit column, highlights and the audit
 * record. The action has happened by then, so a failure here must not read as if it had not (a
 * user would press again and record twice): it becomes a sentence for the notice instead.
 */
export function refreshAfterAction(session: AuditSession): string {
  try {
    writeAudit(session);
    return '';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return ` The Audit column was not refreshed (${message.replace(/[.\s]+$/, '')}); Run audit refreshes it.`;
  }
}

export function reportOf(session: AuditSession, notice: string): AuditReport {
  const headers = session.table.layout.headers.filter((h) => h !== '');
  const templates = templateProblems(session.settings.templates, headers).map((message) => ({ row: 0, message }));
  return buildReport({
    sheetName: session.table.sheetName, sheetId: session.table.sheetId, today: session.today,
    timeZone: session.table.timeZone, audit: session.audit,
    extraProblems: [...session.settingsProblems, ...templates, ...session.table.problems], notice,
  });
}

/** A short summary in the sheet's corner; best effort (there is no UI in a scheduled run). */
export function toast(message: string): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss) ss.toast(message, 'Contract Audit', 5);
  } catch (_e) {
    // No UI to show it in: nothing to do.
  }
}
