import { fail, signatureMismatch } from '../core/errors';
import type { StoredValue } from './cell';
import { isDateValue } from './cell';
import { SERIAL_EPOCH_WALL_MS } from '../format/sheets-format';

/**
 * The order Sheets sorts cells in: numbers and dates (by their serial number) before text
 * (compared ignoring case), text before booleans (FALSE before TRUE); blank cells always last,
 * whichever the direction. Sorting is stable: equal rows keep their order.
 */

/** One sort key: an absolute column number and its direction. */
export interface SortKey { column: number; ascending: boolean }

const DAY_MS = 86_400_000;

function rank(value: StoredValue): number {
  if (typeof value === 'number' || isDateValue(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function numeric(value: StoredValue): number {
  if (isDateValue(value)) return (value.wall - SERIAL_EPOCH_WALL_MS) / DAY_MS;
  return typeof value === 'number' ? value : value === true ? 1 : 0;
}

/** Compares two non-blank values in ascending order. */
export function compareValues(a: StoredValue, b: StoredValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return numeric(a) - numeric(b);
}

/** Compares two rows' values on the keys (blanks last in either direction). */
export function compareByKeys(a: (column: number) => StoredValue, b: (column: number) => StoredValue,
  keys: readonly SortKey[]): number {
  for (const key of keys) {
    const x = a(key.column);
    const y = b(key.column);
    const xBlank = x === '';
    const yBlank = y === '';
    if (xBlank || yBlank) {
      if (xBlank && yBlank) continue;
      return xBlank ? 1 : -1;
    }
    const order = compareValues(x, y);
    if (order !== 0) return key.ascending ? order : -order;
  }
  return 0;
}

/**
 * Range.sort's argument as sort keys: a column number, `{ column, ascending }` (ascending by
 * default), or an array of them. Columns are sheet column numbers and must lie in the range.
 */
export function parseSortSpec(spec: unknown, firstColumn: number, lastColumn: number): SortKey[] {
  const items = Array.isArray(spec) ? spec : [spec];
  if (items.length === 0) signatureMismatch([spec], 'SpreadsheetApp.Range.sort');
  return items.map((item) => {
    let key: SortKey;
    if (typeof item === 'number') key = { column: item, ascending: true };
    else if (item !== null && typeof item === 'object' && typeof (item as { column?: unknown }).column === 'number') {
      const { column, ascending } = item as { column: number; ascending?: unknown };
      key = { column, ascending: ascending === undefined ? true : Boolean(ascending) };
    } else {
      return signatureMismatch([spec], 'SpreadsheetApp.Range.sort');
    }
    if (!Number.isInteger(key.column) || key.column < firstColumn || key.column > lastColumn) {
      fail('Invalid argument: sortSpecObj');
    }
    return key;
  });
}
