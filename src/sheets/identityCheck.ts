/**
 * The check before every write (README "Trust: writes land where they were meant"): one read of the
 * identity columns (client, job, platform, start date, link) from the header row down, compared
 * with what the action read. Any difference means rows were sorted, inserted or deleted (or a
 * contract was renamed) since, so the rows the action would write may hold other contracts.
 */
import type { Field } from '../core/headers';
import type { ContractsTable } from './contractsTable';

const IDENTITY_FIELDS: readonly Field[] = ['client', 'job', 'platform', 'startDate', 'url'];

function sameCell(a: unknown, b: unknown): boolean {
  const aDate = Object.prototype.toString.call(a) === '[object Date]';
  const bDate = Object.prototype.toString.call(b) === '[object Date]';
  if (aDate || bDate) return aDate && bDate && (a as Date).getTime() === (b as Date).getTime();
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return text(a) === text(b);
}

/** True when every row from the header down still holds, in its identity columns, what `table.values` holds. */
export function identityUnchanged(table: ContractsTable): boolean {
  const columns = IDENTITY_FIELDS.map((f) => table.layout.columns[f]).filter((c): c is number => c !== undefined);
  const rows = table.values.length - table.layout.headerRow + 1;
  if (columns.length === 0 || rows <= 0) return true;
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  const fresh = table.sheet.getRange(table.layout.headerRow, first + 1, rows, last - first + 1).getValues() as unknown[][];
  for (let k = 0; k < rows; k++) {
    const before = table.values[table.layout.headerRow - 1 + k];
    const now = fresh[k];
    for (const c of columns) {
      if (!sameCell(before[c], now[c - first])) return false;
    }
  }
  return true;
}
