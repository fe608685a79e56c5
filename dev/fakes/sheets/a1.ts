import { fail } from '../core/errors';

/** A rectangle of cells, 1-based. */
export interface GridRect { row: number; column: number; numRows: number; numColumns: number }

/** How a range was named: plain cells, whole columns ('A:C') or whole rows ('2:3'). */
export type RangeShape = 'cells' | 'columns' | 'rows';

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'A' → 1, 'AA' → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (quotes removed, '' unescaped) and the range part. */
export function splitSheetPrefix(notation: string): { sheetName: string | null; range: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, range: notation };
  let name = notation.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, range: notation.slice(bang + 1) };
}

/**
 * Parses A1 notation within a sheet of the given size: 'B2', 'B2:D9', 'A:A', 'A:C', '2:2',
 * 'A2:C' (open-ended to the last row), '$A$1'. Throws Apps Script's "Range not found" otherwise.
 */
export function parseA1(notation: string, maxRows: number, maxColumns: number): GridRect & { shape: RangeShape } {
  const text = notation.trim().replace(/\$/g, '');
  const parts = text.split(':');
  if (parts.length > 2 || text === '') return fail('Range not found');
  const ends = parts.map(parseEnd);
  if (ends.some((end) => end === null)) return fail('Range not found');
  const [start, finish] = [ends[0]!, ends[ends.length - 1]!];
  if (parts.length === 1 && (start.row === null || start.column === null)) return fail('Range not found');
  const startRow = start.row ?? 1;
  const startColumn = start.column ?? 1;
  const endRow = finish.row ?? (start.row !== null && finish.column === null ? start.row : maxRows);
  const endColumn = finish.column ?? (start.column !== null && finish.row === null ? start.column : maxColumns);
  const rowOnly = start.column === null && finish.column === null;
  const columnOnly = start.row === null && finish.row === null;
  const rect = {
    shape: (columnOnly ? 'columns' : rowOnly ? 'rows' : 'cells') as RangeShape,
    row: Math.min(startRow, columnOnly ? 1 : endRow),
    column: Math.min(startColumn, rowOnly ? 1 : endColumn),
    numRows: 0, numColumns: 0,
  };
  const lastRow = columnOnly ? maxRows : Math.max(startRow, endRow);
  const lastColumn = rowOnly ? maxColumns : Math.max(startColumn, endColumn);
  rect.numRows = lastRow - rect.row + 1;
  rect.numColumns = lastColumn - rect.column + 1;
  return rect;
}

function parseEnd(part: string): { row: number | null; column: number | null } | null {
  const match = /^([A-Za-z]{0,3})(\d*)$/.exec(part);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const row = match[2] === '' ? null : Number(match[2]);
  if (row !== null && row < 1) return null;
  return { row, column: match[1] === '' ? null : columnNumber(match[1]) };
}

/** A1 notation of a rectangle: 'B2', 'B2:D9'; whole columns 'A:C' and whole rows '2:3' when named so. */
export function toA1(rect: GridRect, shape: RangeShape = 'cells'): string {
  const lastRow = rect.row + rect.numRows - 1;
  const lastColumn = rect.column + rect.numColumns - 1;
  if (shape === 'columns') return `${columnLetter(rect.column)}:${columnLetter(lastColumn)}`;
  if (shape === 'rows') return `${rect.row}:${lastRow}`;
  const first = `${columnLetter(rect.column)}${rect.row}`;
  return rect.numRows === 1 && rect.numColumns === 1 ? first : `${first}:${columnLetter(lastColumn)}${lastRow}`;
}
