/** Reading a contracts sheet exported as CSV (RFC 4180) into the values a sheet would hold. */
import { parse } from 'csv-parse/sync';

/**
 * Parses CSV (RFC 4180, with csv-parse): quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF, LF and CR all end a row; a byte-order mark is dropped; rows may differ in length;
 * a trailing line break adds no row.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new Error('The CSV file ends inside a quoted field: a closing " is missing.');
    }
    throw new Error(`The file is not valid CSV: ${(error as Error).message}`);
  }
}

/** Formats rows back to CSV, quoting where needed. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';
}

/** `YYYY-MM-DD` of `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

export type CellValue = string | number | boolean | Date;

/**
 * What Google Sheets would hold after importing the CSV: ISO and US (10/1/2026) dates and `=TODAY()±N` become
 * date cells (built by `toDate`, in the spreadsheet's time zone, relative to `today`), numbers
 * become numbers, everything else stays text. Rows are padded to the widest row.
 */
export function toSheetValues(rows: readonly (readonly string[])[], today: string, toDate: (iso: string) => Date): CellValue[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row, index) => {
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c += 1) {
      const text = row[c] === undefined ? '' : row[c];
      cells.push(index === 0 ? text : cellValue(text, today, toDate));
    }
    return cells;
  });
}

function cellValue(text: string, today: string, toDate: (iso: string) => Date): CellValue {
  const trimmed = text.trim();
  const formula = /^=\s*TODAY\(\)\s*(?:([+-])\s*(\d+))?\s*$/i.exec(trimmed);
  if (formula) {
    const offset = formula[2] ? Number(formula[2]) * (formula[1] === '-' ? -1 : 1) : 0;
    return toDate(addDays(today, offset));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && isRealDay(trimmed)) return toDate(trimmed);
  // A sheet exported under en_US (the preview's locale) writes dates as 10/1/2026; Sheets re-imports them as dates.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (us) {
    const iso = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
    if (isRealDay(iso)) return toDate(iso);
  }
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && !/^-?0\d/.test(trimmed)) return Number(trimmed);
  return text;
}

function isRealDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
