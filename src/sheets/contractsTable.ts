/**
 * Finding and reading the user's contracts table (SPEC.md "Which sheet", "The header row"):
 * one getValues() call per sheet looked at, whatever the number of rows.
 */
import { findTable, HEADER_SCAN_ROWS, REQUIRED_HEADERS_MESSAGE, type TableLayout } from '../core/headers';
import type { Problem, Settings } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ContractsTable {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  sheetName: string;
  timeZone: string;
  locale: string;
  /** The sheet's values from A1 to its last row and column with content (widened by added columns). */
  values: unknown[][];
  layout: TableLayout;
  /** Problems with the table itself (duplicate headers), by header row. */
  problems: Problem[];
}

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('No spreadsheet is open. Open your contracts sheet and try again.');
  return ss;
}

/** The sheet locale ('en_US', 'en_GB'...), which decides how numeric text dates read; en_US if unknown. */
function spreadsheetLocale(spreadsheet: Spreadsheet): string {
  try {
    return spreadsheet.getSpreadsheetLocale() || 'en_US';
  } catch (_e) {
    return 'en_US';
  }
}

/** The whole sheet, or with `headerOnly` just the rows where a header may be (the first 10). */
function readSheet(sheet: Sheet, headerOnly = false): { values: unknown[][]; layout: TableLayout | null } {
  if (headerOnly) {
    const lastRow = Math.min(HEADER_SCAN_ROWS, sheet.getLastRow());
    const lastColumn = sheet.getLastColumn();
    if (lastRow < 1 || lastColumn < 1) return { values: [], layout: null };
    const top = sheet.getRange(1, 1, lastRow, lastColumn).getValues() as unknown[][];
    return { values: top, layout: findTable(top) };
  }
  const values = sheet.getDataRange().getValues() as unknown[][];
  return { values, layout: findTable(values) };
}

const LAST_SHEET_KEY = 'contractAudit.lastSheet';

/** Remembers which sheet the last audit wrote, so actions by key find their contract there. */
export function rememberAuditedSheet(sheetName: string): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_SHEET_KEY, sheetName);
}

export function lastAuditedSheet(): string {
  return PropertiesService.getDocumentProperties().getProperty(LAST_SHEET_KEY) || '';
}

/**
 * Opens the contracts table chosen by SPEC's rule (the configured sheet; else the active sheet if
 * it holds a table, else the first that does), or throws a message a person can act on.
 * `preferred` (a sheet name) is tried first when no sheet is configured. Other sheets are probed
 * by their first 10 rows before one is read whole; with `headerOnly` nothing is read whole.
 */
export function openContractsTable(settings: Settings, options: { preferred?: string; headerOnly?: boolean } = {}): ContractsTable {
  const spreadsheet = activeSpreadsheet();
  const headerOnly = Boolean(options.headerOnly);
  const preferred = options.preferred || '';
  const base = { spreadsheet, timeZone: spreadsheet.getSpreadsheetTimeZone(), locale: spreadsheetLocale(spreadsheet) };
  const make = (sheet: Sheet, name: string, values: unknown[][], layout: TableLayout): ContractsTable => ({
    ...base, sheet, sheetName: name, values, layout,
    problems: layout.problems.map((message) => ({ row: layout.headerRow, message })),
  });

  if (settings.sheetName) {
    const sheet = spreadsheet.getSheetByName(settings.sheetName);
    if (!sheet) {
      throw new Error(`The sheet "${settings.sheetName}" chosen in Settings is missing (renamed or deleted). ` +
        'Rename it back, or pick the sheet again in Settings.');
    }
    const { values, layout } = readSheet(sheet, headerOnly);
    if (!layout) throw new Error(`The sheet "${settings.sheetName}" has no contracts table. ${REQUIRED_HEADERS_MESSAGE}`);
    return make(sheet, settings.sheetName, values, layout);
  }

  if (preferred) {
    const sheet = spreadsheet.getSheetByName(preferred);
    if (sheet) {
      const { values, layout } = readSheet(sheet, headerOnly);
      if (layout) return make(sheet, preferred, values, layout);
    }
  }
  const active = spreadsheet.getActiveSheet();
  const activeName = active ? active.getName() : '';
  if (active) {
    const { values, layout } = readSheet(active, headerOnly);
    if (layout) return make(active, activeName, values, layout);
  }
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (name === activeName || !readSheet(sheet, true).layout) continue;
    const { values, layout } = readSheet(sheet, headerOnly);
    if (layout) return make(sheet, name, values, layout);
  }
  throw new Error(REQUIRED_HEADERS_MESSAGE);
}

/** Header texts of the contracts table, or [] when there is none (for validating templates). */
export function contractsHeaders(settings: Settings): string[] {
  try {
    return openContractsTable(settings, { headerOnly: true }).layout.headers.filter((h) => h !== '');
  } catch (_e) {
    return [];
  }
}
