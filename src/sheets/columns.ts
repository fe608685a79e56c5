/**
 * Writing the add-on's own columns: appending the missing ones at the right of the table with
 * the exact headers the README lists, and writing a whole column of data rows in one call.
 */
import { ADDON_HEADERS, columnLetter, FIELD_HEADERS, type Field } from '../core/headers';
import type { ContractsTable } from './contractsTable';


/**
 * The first column right of the table that is empty from the header row down, so appending there
 * overwrites nothing (a title above the header may stretch further; it is never written).
 */
function firstFreeColumn(table: ContractsTable): number {
  let start = table.layout.width;
  for (let i = table.layout.headerRow - 1; i < table.values.length; i++) {
    const row = table.values[i];
    for (let c = row.length - 1; c >= start; c--) {
      if (row[c] !== '' && row[c] !== null && row[c] !== undefined) { start = c + 1; break; }
    }
  }
  return start;
}

/**
 * Appends the missing columns among `fields` after the last used column, so no cell of the
 * user's is overwritten, and updates the in-memory table to match. One write, plus a grid resize
 * only when the sheet is too narrow.
 */
export function ensureColumns(table: ContractsTable, fields: readonly Field[]): void {
  const missing = fields.filter((f) => table.layout.columns[f] === undefined);
  if (missing.length === 0) return;
  const start = firstFreeColumn(table); // 0-based index of the first new column
  const needed = start + missing.length;
  const maxColumns = table.sheet.getMaxColumns();
  if (needed > maxColumns) table.sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
  const headers = missing.map((f) => (ADDON_HEADERS as Partial<Record<Field, string>>)[f] || FIELD_HEADERS[f][0]);
  table.sheet.getRange(table.layout.headerRow, start + 1, 1, missing.length).setValues([headers]);

  for (const row of table.values) while (row.length < needed) row.push('');
  const headerIndex = table.layout.headerRow - 1;
  if (headerIndex < table.values.length) {
    missing.forEach((f, i) => { table.values[headerIndex][start + i] = headers[i]; });
  }
  while (table.layout.headers.length < needed) table.layout.headers.push('');
  missing.forEach((f, i) => {
    table.layout.columns[f] = start + i;
    table.layout.headers[start + i] = headers[i];
  });
  table.layout.width = needed;
}

/** Sheet rows of the table's data: from the row below the header to the last row read. */
export function dataRowSpan(table: ContractsTable): { firstRow: number; count: number } {
  const firstRow = table.layout.headerRow + 1;
  return { firstRow, count: Math.max(0, table.values.length - table.layout.headerRow) };
}

/** The range of one column over the table's data rows (null when there are no data rows). */
export function dataColumnRange(table: ContractsTable, field: Field): GoogleAppsScript.Spreadsheet.Range | null {
  const column = table.layout.columns[field];
  const { firstRow, count } = dataRowSpan(table);
  if (column === undefined || count === 0) return null;
  return table.sheet.getRange(firstRow, column + 1, count, 1);
}

/**
 * Writes `value` into exactly these cells of one column, in one call (a RangeList), and into
 * the in-memory table. No other cell is rewritten, so text, numbers and formulas the user put
 * in other rows of the column stay exactly as they are.
 */
export function setCells(table: ContractsTable, field: Field, sheetRows: readonly number[], value: unknown): void {
  const column = table.layout.columns[field];
  if (column === undefined || sheetRows.length === 0) return;
  const letter = columnLetter(column);
  table.sheet.getRangeList(sheetRows.map((row) => `${letter}${row}`)).setValue(value as string);
  for (const row of sheetRows) table.values[row - 1][column] = value;
}
