/**
 * The audit of one contracts table, as a pure function of the sheet's values: every data row
 * gets a state (SPEC.md "The audit"), a key, and the report's counts, profile signal and problems.
 */
import type { AuditContract, AuditReport, Problem, Settings } from './types';
import type { Day } from './days';
import { isoOfDay } from './days';
import { readDateCell, type DateCell } from './dates';
import { FIELD_HEADERS, type Field, type TableLayout } from './headers';
import { evaluateContract, type Evaluation } from './states';
import { countStates } from './counts';
import { profileSignal } from './profile';
import { contractKey, identityStartDate } from './keys';

export interface AuditInput {
  /** The sheet's values from row 1, as getValues() returns them. */
  values: readonly (readonly unknown[])[];
  layout: TableLayout;
  settings: Settings;
  locale: string;
  today: Day;
  dayOfDate: (d: Date) => Day;
}

export interface AuditedRow {
  /** Index into `values` (0-based); the sheet row is index + 1. */
  index: number;
  contract: AuditContract;
  evaluation: Evaluation;
}

export interface TableAudit {
  rows: AuditedRow[];
  problems: Problem[];
}

/** Text of a cell as a person reads it: trimmed, '' for empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return '';
  return String(value).trim();
}

/** The header text of a field's column; '' when the table has no such column (the note then says to add one). */
function columnName(layout: TableLayout, field: Field, fallback: boolean): string {
  const index = layout.columns[field];
  const header = index === undefined ? '' : layout.headers[index];
  return header || (fallback ? FIELD_HEADERS[field][0] : '');
}

/** True when every cell of the user's columns in the table is empty (the add-on's columns do not count). */
export function isBlankRow(row: readonly unknown[], layout: TableLayout, ownColumns: ReadonlySet<number>): boolean {
  const width = Math.max(layout.width, row.length);
  for (let c = 0; c < width; c++) {
    if (ownColumns.has(c)) continue;
    const v = row[c];
    if (v !== '' && v !== null && v !== undefined) return false;
  }
  return true;
}

/** Columns the add-on owns (follow-ups, last follow-up, audit, closed on, close reason). */
export function ownColumnIndexes(layout: TableLayout): Set<number> {
  const own = new Set<number>();
  for (const f of ['followUps', 'lastFollowUp', 'audit', 'closedOn', 'closeReason'] as Field[]) {
    const i = layout.columns[f];
    if (i !== undefined) own.add(i);
  }
  return own;
}

/** The key of the contract on a row: a hash of what identifies it (see keys.ts). */
function rowKey(text: (f: Field) => string, startDate: DateCell): string {
  return contractKey({
    client: text('client'), job: text('job'), platform: text('platform'),
    startDate: identityStartDate(startDate), url: text('url'),
  });
}

export function auditTable(input: AuditInput): TableAudit {
  const { values, layout, settings, locale, today, dayOfDate } = input;
  const own = ownColumnIndexes(layout);
  const col = layout.columns;
  const names = {
    lastActivity: columnName(layout, 'lastActivity', false), startDate: columnName(layout, 'startDate', false),
    lastFollowUp: columnName(layout, 'lastFollowUp', true), followUps: columnName(layout, 'followUps', true),
    status: columnName(layout, 'status', true),
  };
  const date = (row: readonly unknown[], f: Field): DateCell =>
    col[f] === undefined ? { kind: 'empty' } : readDateCell(row[col[f] as number], locale, dayOfDate);
  const text = (row: readonly unknown[], f: Field): string => (col[f] === undefined ? '' : cellText(row[col[f] as number]));

  const rows: AuditedRow[] = [];
  const problems: Problem[] = [];
  for (let i = layout.headerRow; i < values.length; i++) {
    const row = values[i];
    if (isBlankRow(row, layout, own)) continue;
    const startDate = date(row, 'startDate');
    const evaluation = evaluateContract({
      status: text(row, 'status'),
      lastActivity: date(row, 'lastActivity'), startDate,
      lastFollowUp: date(row, 'lastFollowUp'),
      followUps: col.followUps === undefined ? '' : row[col.followUps],
      columnNames: names,
    }, settings, today);
    const sheetRow = i + 1;
    if (evaluation.problem) problems.push({ row: sheetRow, message: `Row ${sheetRow}: ${evaluation.problem}` });
    rows.push({
      index: i,
      evaluation,
      contract: {
        key: rowKey((f) => text(row, f), startDate), row: sheetRow,
        client: text(row, 'client'), job: text(row, 'job'), platform: text(row, 'platform'),
        status: text(row, 'status'), state: evaluation.state, idleDays: evaluation.idleDays,
        followUps: evaluation.followUps, lastFollowUp: evaluation.lastFollowUp,
        followUpDue: evaluation.followUpDue, nextStep: evaluation.nextStep,
        email: text(row, 'email'), url: text(row, 'url'), lastPayment: null,
      },
    });
  }
  return { rows, problems };
}

/** The report the sidebar, the digest and every action return. */
export function buildReport(args: {
  sheetName: string; sheetId: number; today: Day; timeZone: string; audit: TableAudit; extraProblems: Problem[]; notice: string;
}): AuditReport {
  const contracts = args.audit.rows.map((r) => r.contract);
  const counts = countStates(contracts);
  return {
    sheetName: args.sheetName, sheetId: args.sheetId, today: isoOfDay(args.today), timeZone: args.timeZone,
    counts, profile: profileSignal(counts, contracts), contracts, omitted: 0,
    problems: [...args.extraProblems, ...args.audit.problems], notice: args.notice,
  };
}
