/**
 * A filter made before the add-on appended its columns leaves them outside, and sorting through
 * the filter then moves the contracts but not their follow-up counts. So (README "Your
 * contracts sheet", What the add-on writes) the add-on's columns are brought inside the filter's range, same criteria.
 * One call when there is no filter or it already covers them; a fixed few otherwise.
 */
import { OWN_FIELDS } from '../core/headers';
import type { ContractsTable } from './contractsTable';

type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

export function keepOwnColumnsInFilter(table: ContractsTable): void {
  const filter = table.sheet.getFilter();
  if (!filter) return;
  const range = filter.getRange();
  const top = range.getRow();
  const first = range.getColumn();
  const last = range.getLastColumn();
  const own = OWN_FIELDS.map((f) => table.layout.columns[f]).filter((c): c is number => c !== undefined).map((c) => c + 1);
  const tableColumns = Object.values(table.layout.columns).filter((c): c is number => c !== undefined).map((c) => c + 1);
  // Only a filter over this table (its header row, overlapping its columns) is the table's filter.
  const overTable = top === table.layout.headerRow && tableColumns.some((c) => c >= first && c <= last);
  if (!overTable || own.length === 0) return;
  const newFirst = Math.min(first, ...own);
  const newLast = Math.max(last, ...own);
  if (newFirst === first && newLast === last) return;
  const kept: [number, Criteria][] = [];
  for (let c = first; c <= last; c++) {
    const criteria = filter.getColumnFilterCriteria(c);
    if (criteria) kept.push([c, criteria.copy().build()]);
  }
  const rows = Math.max(range.getNumRows(), table.values.length - top + 1);
  filter.remove();
  let widened: GoogleAppsScript.Spreadsheet.Filter;
  try {
    widened = table.sheet.getRange(top, newFirst, rows, newLast - newFirst + 1).createFilter();
  } catch (e) {
    // Put the user's filter back as it was rather than leave the sheet without one.
    widened = table.sheet.getRange(top, first, range.getNumRows(), last - first + 1).createFilter();
    for (const [c, criteria] of kept) widened.setColumnFilterCriteria(c, criteria);
    throw e;
  }
  for (const [c, criteria] of kept) widened.setColumnFilterCriteria(c, criteria);
}
