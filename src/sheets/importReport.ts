/**
 * importUpworkReport (README "Upwork reports"): read an Upwork CSV report with Apps Script's own
 * parser, match its contracts to the contracts sheet, and write the Last payment dates that moved
 * forward (and, with `addMissing`, the contracts found in no row), under the document lock, with
 * the identity check before writing. A file that is not a report is refused before anything is
 * read from the sheet. Calls: the same few for a 10-line and a 10,000-line file.
 */
import type { Day } from '../core/days';
import { FIELD_HEADERS, IMPORT_ADDED_FIELDS, REQUIRED_HEADERS_MESSAGE, columnLetter, type Field } from '../core/headers';
import { plural } from '../core/plural';
import type { ImportOptions, ImportResult } from '../core/types';
import {
  EXPECTED_COLUMNS_MESSAGE, notCsvMessage, planImport, readUpworkReport, UpworkFormatError,
  type ImportPlan, type PlannedUpdate, type UpworkContract, type UpworkRead,
} from '../core/upwork';
import { reaudit, reportOf, startAudit, withStableSheet, writeAudit } from './auditRun';
import { ensureColumns } from './columns';
import type { ContractsTable } from './contractsTable';
import { withDocumentLock } from './lock';
import { createContractsSheet } from './setupSheet';
import { dateOfDay } from './timeZone';

export function importUpworkReport(csvText: string, options?: ImportOptions): ImportResult {
  if (typeof csvText !== 'string') {
    throw new Error(`Give the text of the report (the CSV file's contents). ${EXPECTED_COLUMNS_MESSAGE}`);
  }
  const addMissing = Boolean(options && options.addMissing);
  const read = readReport(csvText);
  return withDocumentLock(() => {
    try {
      return importInto(read, addMissing);
    } catch (e) {
      // No contracts table anywhere: adding the report's contracts starts one (as "Set up contracts sheet" would).
      const noTable = e instanceof Error && e.message === REQUIRED_HEADERS_MESSAGE;
      if (!(noTable && addMissing && read.contracts.some((c) => c.title !== ''))) throw e;
    }
    createContractsSheet();
    return importInto(read, addMissing);
  });
}

/** The report's contracts, or an Error naming the columns expected (nothing read from the sheet, nothing written). */
function readReport(text: string): UpworkRead {
  const notCsv = notCsvMessage(text);
  if (notCsv) throw new Error(notCsv);
  let rows: string[][];
  try {
    rows = Utilities.parseCsv(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\.$/, '') : String(e);
    throw new Error(`The file could not be read as CSV (${why}). ${EXPECTED_COLUMNS_MESSAGE}`);
  }
  try {
    return readUpworkReport(rows);
  } catch (e) {
    if (e instanceof UpworkFormatError) throw new Error(e.message);
    throw e;
  }
}

function importInto(read: UpworkRead, addMissing: boolean): ImportResult {
  let plan: ImportPlan = { matched: 0, updates: [], unmatched: [], toAppend: [] };
  return withStableSheet(() => startAudit({ rule: 'remembered', audit: false }), (session) => {
    const { table } = session;
    plan = planImport(read.contracts, {
      values: table.values, layout: table.layout, locale: table.locale, dayOfDate: session.dayOfDate,
    });
    const appending = addMissing ? plan.toAppend : [];
    return () => {
      const toDate = dateMaker(table.timeZone);
      if (plan.updates.length > 0 || appending.length > 0) ensureColumns(table, IMPORT_ADDED_FIELDS);
      const restore = writeLastPayments(table, plan.updates, toDate);
      try {
        appendContracts(table, appending, toDate);
      } catch (e) {
        restore();
        throw e;
      }
      reaudit(session);
      writeAudit(session);
      const added = appending.length;
      const unmatched = plan.unmatched.filter((u) => !(addMissing && u.appendable))
        .map(({ contractId, title, client, lastPayment, reason }) => ({ contractId, title, client, lastPayment, reason }));
      const result = {
        format: read.format, contracts: read.contracts.length, matched: plan.matched, updated: plan.updates.length,
        added, skippedLines: read.skippedLines, unmatched,
      };
      return { ...result, report: reportOf(session, importNotice(result)) };
    };
  }, (session) => {
    // Rows appended below the table must not land on a row the user added meanwhile.
    if (!addMissing || plan.toAppend.length === 0) return true;
    return session.table.sheet.getLastRow() === session.table.values.length;
  });
}

function importNotice(r: Omit<ImportResult, 'report'>): string {
  const kind = r.format === 'weekly-summary' ? 'weekly summary' : 'transaction history';
  const parts = [`${plural(r.contracts, 'contract')} in the file`, `${r.matched} found in the sheet`,
    `${plural(r.updated, 'Last payment')} updated`];
  if (r.added > 0) parts.push(`${plural(r.added, 'contract')} added as new rows`);
  if (r.unmatched.length > 0) parts.push(`${r.unmatched.length} not matched`);
  if (r.skippedLines > 0) parts.push(`${plural(r.skippedLines, 'line')} skipped (not payments, or unreadable)`);
  return `Imported the Upwork ${kind}: ${parts.join(', ')}.`;
}

/** Date cells for days in the sheet's time zone, one conversion per distinct day. */
function dateMaker(timeZone: string): (day: Day) => Date {
  const memo = new Map<Day, Date>();
  return (day: Day): Date => {
    let date = memo.get(day);
    if (!date) {
      date = dateOfDay(day, timeZone);
      memo.set(day, date);
    }
    return new Date(date.getTime());
  };
}

/**
 * Text written with setValues is read as typed input: `'` keeps what would turn into a number,
 * a date, a boolean or a formula as the text it is.
 */
function asTypedText(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const reinterpreted = /^[=+\-@']/.test(value) || /^[\d\s$£€.,:/%()-]+$/.test(value) || /^(?:true|false)$/i.test(value);
  return reinterpreted ? `'${value}` : value;
}

function refused(table: ContractsTable, field: Field, row: number, what: string, e: unknown): Error {
  const column = table.layout.columns[field] as number;
  const header = table.layout.headers[column] || FIELD_HEADERS[field][0];
  const cause = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');
  const why = /data validation|violates/i.test(cause)
    ? 'the cell\'s dropdown or validation rule does not allow it. Remove the rule (Data > Data validation), then try again'
    : cause;
  return new Error(`The sheet refused ${what} in ${header} (cell ${columnLetter(column)}${row}): ${why}. No Last payment was changed.`);
}

/**
 * Writes the new Last payment dates in one call: the column's cells from the first to the last
 * changed row, the cells in between written back as they were read, formulas as formulas (the
 * column is the add-on's; one call whatever the number of distinct dates, where writing only the
 * changed cells would take one call per date). Returns how to put the cells back (when a later write of the same import fails).
 */
function writeLastPayments(table: ContractsTable, updates: readonly PlannedUpdate[], toDate: (day: Day) => Date): () => void {
  if (updates.length === 0) return () => undefined;
  const column = table.layout.columns.lastPayment as number;
  const first = updates[0].index;
  const last = updates[updates.length - 1].index;
  const fresh = new Map<number, Date>(updates.map((u) => [u.index, toDate(u.day)]));
  const range = table.sheet.getRange(first + 1, column + 1, last - first + 1, 1);
  // A cell in between that holds a formula gets its formula back, not its value.
  const formulas = range.getFormulas();
  const before: unknown[][] = [];
  const cells: unknown[][] = [];
  for (let i = first; i <= last; i++) {
    const old = table.values[i][column];
    const formula = formulas[i - first][0];
    const kept = formula !== '' ? formula : old === undefined || old === null ? '' : asTypedText(old);
    before.push([kept]);
    const date = fresh.get(i);
    cells.push([date !== undefined ? date : kept]);
  }
  try {
    range.setValues(cells);
  } catch (e) {
    throw refused(table, 'lastPayment', first + 1, 'a date', e);
  }
  const previous = new Map<number, unknown>();
  fresh.forEach((date, i) => {
    previous.set(i, table.values[i][column]);
    table.values[i][column] = date;
  });
  return () => {
    try { range.setValues(before); } catch (_e) { /* the error path: nothing more to do */ }
    previous.forEach((value, i) => { table.values[i][column] = value; });
  };
}

/**
 * Appends one row per contract below the table's last row, in one call: Job = title, Client,
 * Platform Upwork, Start date = first payment, Last payment, Contract ID (columns the sheet lacks
 * are skipped, except Last payment, added before). Never over a row that holds anything.
 */
function appendContracts(table: ContractsTable, contracts: readonly UpworkContract[], toDate: (day: Day) => Date): void {
  if (contracts.length === 0) return;
  const columns = table.layout.columns;
  const cellsOf: [Field, (c: UpworkContract) => unknown][] = [
    ['job', (c) => c.title], ['client', (c) => c.client], ['platform', () => 'Upwork'],
    ['startDate', (c) => toDate(c.firstPayment)], ['lastPayment', (c) => toDate(c.lastPayment)],
    ['contractId', (c) => c.contractId],
  ];
  const present = cellsOf.filter(([field]) => columns[field] !== undefined);
  const indexes = present.map(([field]) => columns[field] as number);
  const firstColumn = Math.min(...indexes);
  const width = Math.max(...indexes) - firstColumn + 1;
  const start = table.values.length; // 0-based index of the first new row
  const maxRows = table.sheet.getMaxRows();
  if (start + contracts.length > maxRows) table.sheet.insertRowsAfter(maxRows, start + contracts.length - maxRows);
  const tableWidth = Math.max(table.layout.width, table.values.length > 0 ? table.values[0].length : 0);
  const block: unknown[][] = [];
  const rows: unknown[][] = [];
  for (const c of contracts) {
    const written: unknown[] = new Array(width).fill('');
    const held: unknown[] = new Array(tableWidth).fill('');
    for (const [field, value] of present) {
      const v = value(c);
      written[(columns[field] as number) - firstColumn] = asTypedText(v);
      held[columns[field] as number] = v;
    }
    block.push(written);
    rows.push(held);
  }
  try {
    table.sheet.getRange(start + 1, firstColumn + 1, contracts.length, width).setValues(block);
  } catch (e) {
    const cause = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');
    const why = /data validation|violates/i.test(cause)
      ? `${cause.charAt(0).toLowerCase()}${cause.slice(1)}. Allow the new values in the rule (Data > Data validation), or remove it, then try again`
      : cause;
    throw new Error(`The sheet refused the new rows for the contracts found in no row (from row ${start + 1}): ${why}. `
      + 'No contract was changed.');
  }
  for (const row of rows) table.values.push(row);
}
