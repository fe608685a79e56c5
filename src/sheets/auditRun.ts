/**
 * One audit of the contracts sheet, in three steps every action shares: read (one call),
 * evaluate in memory, write the add-on's columns and highlights (a fixed number of calls).
 */
import { auditTable, buildReport, type TableAudit } from '../core/audit';
import type { Day } from '../core/days';
import { AUDIT_ADDED_FIELDS, columnLetter } from '../core/headers';
import type { AuditReport, Problem, Settings } from '../core/types';
import { dataColumnRange, dataRowSpan, ensureColumns, setCells } from './columns';
import { lastAuditedSheet, openContractsTable, rememberAuditedSheet, type ContractsTable } from './contractsTable';
import { replaceHighlights } from './highlights';
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
 * Reads the table and audits it in memory; with `addColumns`, first appends the audit's missing
 * columns. An action on a contract (`byKey`) opens the sheet the last audit wrote, where its key
 * came from, even if another tab with a table is active now.
 */
export function startAudit(options: { addColumns: boolean; byKey?: boolean }): AuditSession {
  const { settings, problem } = loadSettings();
  const table = openContractsTable(settings, { preferred: options.byKey ? lastAuditedSheet() : '' });
  if (options.addColumns) ensureColumns(table, AUDIT_ADDED_FIELDS);
  const session: AuditSession = {
    table, settings,
    settingsProblems: problem ? [{ row: 0, message: problem }] : [],
    today: todayIn(table.timeZone),
    dayOfDate: dayOfDateIn(table.timeZone),
    audit: { rows: [], problems: [] },
  };
  reaudit(session);
  return session;
}

/** Re-evaluates every row from the in-memory values (after an action changed them). */
export function reaudit(session: AuditSession): void {
  const { table } = session;
  session.audit = auditTable({
    values: table.values, layout: table.layout, settings: session.settings,
    locale: table.locale, today: session.today, dayOfDate: session.dayOfDate,
  });
}

/**
 * Writes the Audit column (a state per data row, '' for blank rows) with a note on each bad row,
 * resets the follow-up counts a reply cancelled, and replaces the highlights.
 */
export function writeAudit(session: AuditSession): void {
  const { table, audit } = session;
  const { columns, headerRow } = table.layout;
  const auditColumn = columns.audit as number;
  const auditRange = dataColumnRange(table, 'audit');
  if (auditRange) {
    const states: string[][] = [];
    const notes: string[][] = [];
    for (let i = headerRow; i < table.values.length; i++) {
      states.push(['']);
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
  const { firstRow, count } = dataRowSpan(table);
  const headerCells = table.layout.headers;
  let firstColumn = 0;
  while (firstColumn < headerCells.length && headerCells[firstColumn] === '') firstColumn++;
  replaceHighlights(table.sheet, {
    firstRow, numRows: count, firstColumn: firstColumn + 1, numColumns: table.layout.width - firstColumn,
  }, columnLetter(auditColumn));
  rememberAuditedSheet(table.sheetName);
}

export function reportOf(session: AuditSession, notice: string): AuditReport {
  return buildReport({
    sheetName: session.table.sheetName, sheetId: session.table.sheet.getSheetId(), today: session.today, timeZone: session.table.timeZone,
    audit: session.audit, extraProblems: [...session.settingsProblems, ...session.table.problems], notice,
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
