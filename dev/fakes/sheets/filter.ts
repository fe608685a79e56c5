import type { ApiShape } from '../core/api-shape';
import { fail, signatureMismatch } from '../core/errors';
import type { GridRect } from './a1';
import { displayText } from './cell';
import { cloneCriteria, type CriteriaData, criteriaHide, FakeFilterCriteria } from './filter-criteria';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type RealFilter = GoogleAppsScript.Spreadsheet.Filter;

/** A sheet's basic filter as stored: its range and the criteria of some of its columns. */
export interface FilterData {
  rect: GridRect;
  /** Criteria by sheet column number. */
  criteria: Map<number, CriteriaData>;
}

export function cloneFilter(data: FilterData): FilterData {
  return { rect: { ...data.rect }, criteria: new Map([...data.criteria].map(([c, d]) => [c, cloneCriteria(d)])) };
}

/** The error Range.createFilter gives on a sheet that has a filter. */
export const FILTER_EXISTS = 'You can\'t create a filter in a sheet that already has a filter.';

/**
 * Whether the filter hides a sheet row: rows below the header row of the filter range are hidden
 * when any column's criteria hide the row's cell. The fake evaluates this on each question (Sheets
 * evaluates criteria when they are set; a later edit does not re-hide a row until the filter is
 * touched again).
 */
export function rowHiddenByFilter(sheet: FakeSheet, data: FilterData | null, row: number): boolean {
  if (!data || row <= data.rect.row || row >= data.rect.row + data.rect.numRows) return false;
  const locale = sheet.parent.locale;
  for (const [column, criteria] of data.criteria) {
    const cell = sheet.visibleCellAt(row, column);
    if (criteriaHide(criteria, displayText(cell, locale), cell?.value ?? '')) return true;
  }
  return false;
}

const FILTER_API = ['getColumnFilterCriteria', 'getRange', 'remove', 'removeColumnFilterCriteria',
  'setColumnFilterCriteria', 'sort'] as const;

/**
 * The filter of a sheet (Sheet.getFilter, Range.createFilter/getFilter). Column positions are
 * sheet column numbers inside the filter range.
 */
export class FakeFilter implements ApiShape<RealFilter, typeof FILTER_API[number]> {
  static readonly apiName = 'Filter';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = FILTER_API;

  constructor(private readonly sheet: FakeSheet) {}

  getColumnFilterCriteria(columnPosition: number): FakeFilterCriteria | null {
    const criteria = this.data().criteria.get(this.column(columnPosition, 'getColumnFilterCriteria'));
    return criteria ? new FakeFilterCriteria(cloneCriteria(criteria)) : null;
  }
  getRange(): FakeRange {
    const { rect } = this.data();
    return this.sheet.rangeAt(rect.row, rect.column, rect.numRows, rect.numColumns);
  }
  /** Removes the filter: every row it hid shows again. */
  remove(): void {
    this.data();
    this.sheet.filter = null;
  }
  removeColumnFilterCriteria(columnPosition: number): FakeFilter {
    this.data().criteria.delete(this.column(columnPosition, 'removeColumnFilterCriteria'));
    return this;
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FakeFilterCriteria | null): FakeFilter {
    const column = this.column(columnPosition, 'setColumnFilterCriteria');
    if (filterCriteria === null || filterCriteria === undefined) {
      this.data().criteria.delete(column);
      return this;
    }
    if (!(filterCriteria instanceof FakeFilterCriteria)) {
      signatureMismatch([columnPosition, filterCriteria], 'SpreadsheetApp.Filter.setColumnFilterCriteria');
    }
    this.data().criteria.set(column, filterCriteria.criteriaData);
    return this;
  }
  /**
   * Sorts the rows below the filter's header row by a column. Only the filter range's columns
   * move: cells of the same rows outside the filter range stay where they are, as in Sheets.
   */
  sort(columnPosition: number, ascending: boolean): FakeFilter {
    const column = this.column(columnPosition, 'sort');
    const { rect } = this.data();
    if (rect.numRows > 1) {
      this.sheet.sortBlock({ ...rect, row: rect.row + 1, numRows: rect.numRows - 1 },
        [{ column, ascending: ascending === undefined ? true : Boolean(ascending) }]);
    }
    return this;
  }

  private data(): FilterData {
    const data = this.sheet.filter;
    if (!data) return fail('This filter has been removed.');
    return data;
  }

  private column(columnPosition: number, method: string): number {
    if (typeof columnPosition !== 'number') signatureMismatch([columnPosition], `SpreadsheetApp.Filter.${method}`);
    const { rect } = this.data();
    if (!Number.isInteger(columnPosition) || columnPosition < rect.column || columnPosition >= rect.column + rect.numColumns) {
      fail('Invalid argument: columnPosition');
    }
    return columnPosition;
  }
}
