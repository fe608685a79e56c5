/**
 * The audit of one contracts table, as a pure function of the sheet's values: every data row
 * gets a state (README "The audit"), a key, and the report's counts, profile signal and problems.
 */
import type { AuditContract, AuditReport, Problem, Settings } from './types';
import type { Day } from './days';
import { isoOfDay } from './days';
import { readDateCell, type DateCell } from './dates';
import { FIELD_HEADERS, OWN_FIELDS, type Field, type TableLayout } from './headers';
import { evaluateContract, type Evaluation } from './states';
import { countStates } from './counts';
import { profileSignal } from './profile';
import { identityStartDate, identityText, keyOfIdentityText, type ContractIdentity } from './keys';
import type { State } from './types';

/** Most contracts a report lists; past that it lists the ones needing attention (README "Server API"). */
export const MAX_REPORTED_CONTRACTS = 500;
/** Most problems a report lists; the rest are counted in one last line. */
export const MAX_REPORTED_PROBLEMS = 500;

export interface AuditInput {
  /** The sheet's values from row 1, as getValues() returns them. */
  values: readonly (readonly unknown[])[];
  layout: TableLayout;
  settings: Settings;
  locale: string;
  today: Day;
  dayOfDate: (d: Date) => Day;
  /** The sheet's ID: part of every key, so a key never names a contract on another tab. */
  sheetId: number;
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

/** Columns the add-on owns (follow-ups, last follow-up, audit, closed on, close reason, last payment). */
export function ownColumnIndexes(layout: TableLayout): Set<number> {
  const own = new Set<number>();
  for (const f of OWN_FIELDS) {
    const i = layout.columns[f];
    if (i !== undefined) own.add(i);
  }
  return own;
}

/** What identifies the contract on a row (see keys.ts). */
function rowIdentity(text: (f: Field) => string, startDate: DateCell): ContractIdentity {
  return {
    client: text('client'), job: text('job'), platform: text('platform'),
    startDate: identityStartDate(startDate), url: text('url'),
  };
}

/**
 * A row is a contract only if its Client or its Job cell holds text (README "Your contracts sheet"): a
 * blank row, a stray note to the right or a totals row is not counted and not written.
 */
export function isContractRow(row: readonly unknown[], layout: TableLayout): boolean {
  const { client, job } = layout.columns;
  return (client !== undefined && cellText(row[client]) !== '') || (job !== undefined && cellText(row[job]) !== '');
}

export function auditTable(input: AuditInput): TableAudit {
  const { values, layout, settings, locale, today, dayOfDate } = input;
  const col = layout.columns;
  const names = {
    lastActivity: columnName(layout, 'lastActivity', false), startDate: columnName(layout, 'startDate', false),
    lastFollowUp: columnName(layout, 'lastFollowUp', true), followUps: columnName(layout, 'followUps', true),
    status: columnName(layout, 'status', true), lastPayment: columnName(layout, 'lastPayment', true),
  };
  const date = (row: readonly unknown[], f: Field): DateCell =>
    col[f] === undefined ? { kind: 'empty' } : readDateCell(row[col[f] as number], locale, dayOfDate);
  const text = (row: readonly unknown[], f: Field): string => (col[f] === undefined ? '' : cellText(row[col[f] as number]));

  // First pass: which rows are contracts, and which of them hold the same contract twice.
  const contractRows: number[] = [];
  const identities: ContractIdentity[] = [];
  const identityTexts: string[] = [];
  const rowsByIdentity = new Map<string, number[]>();
  for (let i = layout.headerRow; i < values.length; i++) {
    const row = values[i];
    if (!isContractRow(row, layout)) continue;
    const identity = rowIdentity((f) => text(row, f), date(row, 'startDate'));
    const id = identityText(identity);
    contractRows.push(i);
    identities.push(identity);
    identityTexts.push(id);
    const same = rowsByIdentity.get(id);
    if (same) same.push(i + 1); else rowsByIdentity.set(id, [i + 1]);
  }

  const rows: AuditedRow[] = [];
  const problems: Problem[] = [];
  contractRows.forEach((i, n) => {
    const row = values[i];
    const sheetRow = i + 1;
    const identity = identities[n];
    const same = rowsByIdentity.get(identityTexts[n]) as number[];
    const missing = (['client', 'job'] as Field[]).filter((f) => text(row, f) === '').map((f) => columnName(layout, f, true));
    const lastPayment = date(row, 'lastPayment');
    const evaluation = evaluateContract({
      status: text(row, 'status'),
      lastActivity: date(row, 'lastActivity'), startDate: date(row, 'startDate'),
      lastFollowUp: date(row, 'lastFollowUp'), lastPayment, missing,
      sameAs: same.length > 1 ? same.filter((r) => r !== sheetRow) : [],
      followUps: col.followUps === undefined ? '' : row[col.followUps],
      columnNames: names,
    }, settings, today);
    if (evaluation.problem) problems.push({ row: sheetRow, message: `Row ${sheetRow}: ${evaluation.problem}` });
    // The key is hashed when first read: a report lists at most 500 contracts, so an audit of
    // 50,000 rows need not hash them all (an action looking a key up does).
    let key: string | undefined;
    const keyText = identityTexts[n];
    rows.push({
      index: i,
      evaluation,
      contract: {
        get key(): string {
          if (key === undefined) key = keyOfIdentityText(keyText, input.sheetId);
          return key;
        },
        row: sheetRow,
        client: identity.client, job: identity.job, platform: identity.platform,
        status: text(row, 'status'), state: evaluation.state, idleDays: evaluation.idleDays,
        followUps: evaluation.followUps, lastFollowUp: evaluation.lastFollowUp,
        followUpDue: evaluation.followUpDue, nextStep: evaluation.nextStep,
        email: text(row, 'email'), url: text(row, 'url'),
        lastPayment: lastPayment.kind === 'date' ? isoOfDay(lastPayment.day) : null,
      },
    });
  });
  return { rows, problems };
}

const ATTENTION_ORDER: readonly State[] = ['Close out', 'Dormant', 'Quiet', 'Check data'];

/**
 * The contracts a report lists: every one, in sheet order, up to MAX_REPORTED_CONTRACTS; past
 * that, the ones needing attention (Close out, Dormant, Quiet, Check data, sheet order within
 * each), at most that many, so no report grows with the sheet.
 */
export function reportedContracts(all: readonly AuditContract[]): { contracts: AuditContract[]; omitted: number } {
  if (all.length <= MAX_REPORTED_CONTRACTS) return { contracts: all.slice(), omitted: 0 };
  const contracts: AuditContract[] = [];
  for (const state of ATTENTION_ORDER) {
    for (const c of all) {
      if (contracts.length >= MAX_REPORTED_CONTRACTS) break;
      if (c.state === state) contracts.push(c);
    }
  }
  return { contracts, omitted: all.length - contracts.length };
}

/** The problems a report lists, at most MAX_REPORTED_PROBLEMS, then one line counting the rest. */
export function reportedProblems(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems.slice();
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS - 1);
  const rest = problems.length - shown.length;
  return [...shown, { row: 0, message: `…and ${rest} more rows to check: see the notes in the Audit column.` }];
}

/** The report the sidebar, the digest and every action return. */
export function buildReport(args: {
  sheetName: string; sheetId: number; today: Day; timeZone: string; audit: TableAudit; extraProblems: Problem[]; notice: string;
}): AuditReport {
  const all = args.audit.rows.map((r) => r.contract);
  const counts = countStates(all);
  const { contracts, omitted } = reportedContracts(all);
  return {
    sheetName: args.sheetName, sheetId: args.sheetId, today: isoOfDay(args.today), timeZone: args.timeZone,
    counts, profile: profileSignal(counts, all), contracts, omitted,
    problems: reportedProblems([...args.extraProblems, ...args.audit.problems]), notice: args.notice,
  };
}
