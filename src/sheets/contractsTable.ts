/**
 * Finding and reading the user's contracts table (README "Your contracts sheet", "The header row"):
 * one sheet at a time, remembered by sheet ID, one getValues() call per sheet looked at.
 */
import { findTable, HEADER_SCAN_ROWS, REQUIRED_HEADERS_MESSAGE, type TableLayout } from '../core/headers';
import type { Problem, Settings } from '../core/types';
import { configuredSheet } from './sheetChoice';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ContractsTable {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  sheetName: string;
  sheetId: number;
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

export const LAST_SHEET_KEY = 'contractAudit.lastSheet';

/** The sheet the last audit wrote (by ID, so a rename does not lose it), or null. */
export function rememberedSheetId(): number | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(LAST_SHEET_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { sheetId?: unknown };
    return typeof parsed.sheetId === 'number' ? parsed.sheetId : null;
  } catch (_e) {
    return null; // an older version stored the name only: treated as nothing remembered
  }
}

/** Remembers which sheet the last audit wrote, so the sidebar, actions and the schedule use it. */
export function rememberSheet(sheet: Sheet): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_SHEET_KEY,
    JSON.stringify({ sheetId: sheet.getSheetId(), name: sheet.getName() }));
}

/**
 * Which rule picks the sheet (README "Your contracts sheet"); `sheetName` in Settings always wins:
 * - 'audit' (Run audit): the active sheet if it holds a table, else the remembered sheet, else the first with a table;
 * - 'remembered' (the sidebar, actions): the remembered sheet; when none is (or it is gone), as 'audit';
 * - 'scheduled' (no UI, so never the active sheet): the remembered sheet (gone: an error); when none is
 *   remembered, the first sheet with a table.
 */
export type SheetRule = 'audit' | 'remembered' | 'scheduled';

function sheetById(spreadsheet: Spreadsheet, id: number | null): Sheet | null {
  return id === null ? null : spreadsheet.getSheetById(id);
}

/**
 * Opens the contracts table chosen by `rule`, or throws a message a person can act on. Other
 * sheets are probed by their first 10 rows before one is read whole; with `headerOnly` nothing
 * is read whole.
 */
export function openContractsTable(settings: Settings, rule: SheetRule, options: { headerOnly?: boolean } = {}): ContractsTable {
  const spreadsheet = activeSpreadsheet();
  const headerOnly = Boolean(options.headerOnly);
  const base = { spreadsheet, timeZone: spreadsheet.getSpreadsheetTimeZone(), locale: spreadsheetLocale(spreadsheet) };
  const make = (sheet: Sheet, values: unknown[][], layout: TableLayout): ContractsTable => ({
    ...base, sheet, sheetName: sheet.getName(), sheetId: sheet.getSheetId(), values, layout,
    problems: layout.problems.map((message) => ({ row: layout.headerRow, message })),
  });
  const tryOpen = (sheet: Sheet | null): ContractsTable | null => {
    if (!sheet) return null;
    const { values, layout } = readSheet(sheet, headerOnly);
    return layout ? make(sheet, values, layout) : null;
  };

  if (settings.sheetName) {
    const sheet = configuredSheet(spreadsheet, settings.sheetName);
    const { values, layout } = readSheet(sheet, headerOnly);
    if (!layout) throw new Error(`The sheet "${sheet.getName()}" chosen in Settings has no contracts table. ${REQUIRED_HEADERS_MESSAGE}`);
    return make(sheet, values, layout);
  }

  const rememberedId = rememberedSheetId();
  const remembered = sheetById(spreadsheet, rememberedId);
  if (rule === 'scheduled' && rememberedId !== null && !remembered) {
    throw new Error('The sheet the add-on audited last is gone (deleted), so nothing was audited. Open the sidebar on '
      + 'your contracts sheet and run the audit once; the automatic audit then uses that sheet.');
  }
  const candidates: (Sheet | null)[] = rule === 'audit'
    ? [spreadsheet.getActiveSheet(), remembered]
    : rule === 'remembered' ? [remembered, spreadsheet.getActiveSheet()] : [remembered];
  const tried = new Set<number>();
  for (const sheet of candidates) {
    if (!sheet || tried.has(sheet.getSheetId())) continue;
    tried.add(sheet.getSheetId());
    const table = tryOpen(sheet);
    if (table) return table;
  }
  for (const sheet of spreadsheet.getSheets()) {
    if (tried.has(sheet.getSheetId()) || !readSheet(sheet, true).layout) continue;
    const table = tryOpen(sheet);
    if (table) return table;
  }
  throw new Error(REQUIRED_HEADERS_MESSAGE);
}

/** Header texts of the contracts table, or [] when there is none (for validating templates). */
export function contractsHeaders(settings: Settings): string[] {
  try {
    return openContractsTable(settings, 'remembered', { headerOnly: true }).layout.headers.filter((h) => h !== '');
  } catch (_e) {
    return [];
  }
}
