/**
 * Reading the first worksheet of an .xlsx file (as Google Sheets or Excel download it) into the
 * values a sheet would hold, with read-excel-file: text, numbers, booleans, and dates (cells with
 * a date format). Formulas give their cached value.
 */
import { readSheet } from 'read-excel-file/node';

/** A cell as read: text, number, boolean, or a date as `YYYY-MM-DD`. */
export type XlsxCell = string | number | boolean | { date: string };

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The first worksheet of an .xlsx file as rows of cells (rows and columns from A1, gaps filled
 * with ''). A date cell's day is the one the sheet shows (read-excel-file gives it as UTC).
 */
export async function readXlsx(data: Buffer): Promise<XlsxCell[][]> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(data, { trim: false })) as unknown[][];
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'InvalidInputError') {
      throw new Error(`This is not an .xlsx file (${(error as { code?: string }).code || (error as Error).message}).`);
    }
    throw new Error(`The .xlsx file could not be read: ${(error as Error).message}`);
  }
  const rows = sheet.map((row) => row.map((value): XlsxCell => {
    if (value === null || value === undefined) return '';
    if (isDate(value)) return { date: value.toISOString().slice(0, 10) };
    return value as string | number | boolean;
  }));
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => { const out = row.slice(); while (out.length < width) out.push(''); return out; });
}
