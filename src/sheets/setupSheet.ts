/** "Set up contracts sheet": a ready Contracts sheet with every header, refused if one exists. */
import { ALL_SETUP_HEADERS, FIELD_HEADERS, type Field } from '../core/headers';
import { normalizeName } from '../core/normalize';
import { STATUS_WORDS } from '../core/status';
import { toast } from './auditRun';
import { activeSpreadsheet } from './contractsTable';
import { withDocumentLock } from './lock';

export const CONTRACTS_SHEET_NAME = 'Contracts';
const DATE_FIELDS: Field[] = ['startDate', 'lastActivity', 'lastPayment', 'lastFollowUp', 'closedOn'];

export function setupContractsSheet(): { sheetName: string } {
  return withDocumentLock(() => {
    createContractsSheet();
    toast(`Created the "${CONTRACTS_SHEET_NAME}" sheet: add one contract per row.`);
    return { sheetName: CONTRACTS_SHEET_NAME };
  });
}

/** Creates the Contracts sheet (the caller holds the document lock) and activates it; refused if it exists. */
export function createContractsSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = activeSpreadsheet();
  if (ss.getSheetByName(CONTRACTS_SHEET_NAME)) {
    throw new Error(`A sheet named "${CONTRACTS_SHEET_NAME}" already exists, so nothing was created. ` +
      'Add your contracts there, or rename it to set up a new one.');
  }
  const sheet = ss.insertSheet(CONTRACTS_SHEET_NAME);
  const headers = [...ALL_SETUP_HEADERS];
  const width = headers.length;
  const rows = sheet.getMaxRows() - 1;
  sheet.getRange(1, 1, 1, width).setValues([headers]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const columnOf = (field: Field): number =>
    headers.findIndex((h) => FIELD_HEADERS[field].some((name) => normalizeName(name) === normalizeName(h))) + 1;
  for (const field of DATE_FIELDS) {
    const column = columnOf(field);
    if (column > 0) sheet.getRange(2, column, rows, 1).setNumberFormat('yyyy-mm-dd');
  }
  const statusColumn = columnOf('status');
  if (statusColumn > 0) {
    const choices = ['Open', 'Active', 'Paused', 'Waiting', 'Keep open', 'Retainer', 'Closed', 'Completed', 'Cancelled'];
    const known = [...STATUS_WORDS.open, ...STATUS_WORDS.closed, ...STATUS_WORDS.keepOpen].map((w) => w.toLowerCase());
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(choices.filter((c) => known.indexOf(c.toLowerCase()) >= 0), true)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(2, statusColumn, rows, 1).setDataValidation(rule);
  }
  sheet.activate();
  return sheet;
}
