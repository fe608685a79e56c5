/**
 * Writes that belong together (an action's cells: Status, Closed on and Close reason; a
 * follow-up's count and date) land all or none (README "Trust: writes land where they were meant"). Each
 * distinct value is written to its cells in one call (a RangeList), so the number of calls does
 * not grow with the rows; if the sheet refuses one call, the calls already made are undone
 * from the values the action read, and the error names the cell and the value refused.
 */
import { columnLetter, FIELD_HEADERS, type Field } from '../core/headers';
import type { ContractsTable } from './contractsTable';

export interface CellWrite { row: number; field: Field; value: unknown }

interface Group { column: number; field: Field; value: unknown; rows: number[] }

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
}

/** Writes grouped by column and value, in the order given. */
function groupWrites(table: ContractsTable, writes: readonly CellWrite[]): Group[] {
  const groups: Group[] = [];
  for (const w of writes) {
    const column = table.layout.columns[w.field];
    if (column === undefined) throw new Error(`The sheet has no ${FIELD_HEADERS[w.field][0]} column to write.`);
    const group = groups.find((g) => g.column === column && sameValue(g.value, w.value));
    if (group) group.rows.push(w.row); else groups.push({ column, field: w.field, value: w.value, rows: [w.row] });
  }
  return groups;
}

function a1s(column: number, rows: readonly number[]): string[] {
  const letter = columnLetter(column);
  return rows.map((row) => `${letter}${row}`);
}

/** Puts back what the action read in the cells of the groups already written (best effort: it is the error path). */
function undo(table: ContractsTable, written: readonly Group[]): void {
  for (const group of written) {
    const byOld: { value: unknown; rows: number[] }[] = [];
    for (const row of group.rows) {
      const old = table.values[row - 1] ? table.values[row - 1][group.column] : '';
      const same = byOld.find((b) => sameValue(b.value, old));
      if (same) same.rows.push(row); else byOld.push({ value: old === undefined || old === null ? '' : old, rows: [row] });
    }
    for (const b of byOld) {
      try { table.sheet.getRangeList(a1s(group.column, b.rows)).setValue(b.value as string); } catch (_e) { /* nothing more to do */ }
    }
  }
}

function shown(value: unknown): string {
  if (isDate(value)) return 'today\'s date';
  return `"${String(value)}"`;
}

/** The Error for a refused write: the cell, the column and the value, and that nothing was changed. */
export function refusedWrite(table: ContractsTable, field: Field, row: number, value: unknown, cause: string): Error {
  const column = table.layout.columns[field] as number;
  const header = table.layout.headers[column] || FIELD_HEADERS[field][0];
  const cell = `${columnLetter(column)}${row}`;
  const validation = /data validation|violates/i.test(cause);
  const why = validation
    ? `the cell's dropdown or validation rule does not allow it. Add ${shown(value)} to the rule's list (Data > Data validation), or remove the rule, then try again`
    : cause.replace(/\.$/, '');
  return new Error(`The sheet refused ${shown(value)} in ${header} (cell ${cell}): ${why}. Nothing was changed.`);
}

/** Writes every cell or none, and updates the in-memory table to match. */
export function writeAllOrNone(table: ContractsTable, writes: readonly CellWrite[]): void {
  const groups = groupWrites(table, writes);
  const written: Group[] = [];
  for (const group of groups) {
    try {
      table.sheet.getRangeList(a1s(group.column, group.rows)).setValue(group.value as string);
    } catch (e) {
      undo(table, written);
      throw refusedWrite(table, group.field, group.rows[0], group.value, e instanceof Error ? e.message : String(e));
    }
    written.push(group);
  }
  for (const group of groups) for (const row of group.rows) table.values[row - 1][group.column] = group.value;
}

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** The values a list rule allows, or null when the rule is not a list the add-on can check. */
function listOf(table: ContractsTable, rule: Rule): string[] | null {
  const type = String(rule.getCriteriaType());
  const values = rule.getCriteriaValues();
  if (type === String(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST)) {
    return (Array.isArray(values[0]) ? values[0] as unknown[] : []).map((v) => String(v));
  }
  if (type === String(SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE)) {
    const range = values[0] as GoogleAppsScript.Spreadsheet.Range | undefined;
    if (!range || typeof range.getValues !== 'function') return null;
    return ([] as unknown[]).concat(...range.getValues()).map((v) => String(v));
  }
  return null;
}

/**
 * Before writing a few text cells (a close), checks each against its cell's dropdown, so a
 * value the sheet would refuse is refused before anything is written (one read per cell).
 */
export function checkAgainstDropdowns(table: ContractsTable, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    if (typeof w.value !== 'string') continue;
    const column = table.layout.columns[w.field];
    if (column === undefined) continue;
    const rule = table.sheet.getRange(w.row, column + 1).getDataValidation();
    if (!rule || rule.getAllowInvalid()) continue;
    const list = listOf(table, rule);
    if (list && !list.some((v) => v.trim().toLowerCase() === (w.value as string).trim().toLowerCase())) {
      throw refusedWrite(table, w.field, w.row, w.value, 'data validation');
    }
  }
}
