import type { ApiShape } from '../core/api-shape';
import { isDate } from '../core/clock';
import { fail, signatureMismatch } from '../core/errors';
import { columnNumber, type GridRect, parseA1, type RangeShape, splitSheetPrefix } from './a1';
import {
  type Cell, DEFAULT_BACKGROUND, displayText, emptyCell, hasContent, isBlankCell, isDateValue,
  reportedNumberFormat, type StoredValue,
} from './cell';
import { cloneRule, FakeConditionalFormatRule, type RuleData } from './conditional-format';
import { cloneValidation } from './data-validation';
import { FakeFilter, type FilterData, rowHiddenByFilter } from './filter';
import type { CriteriaData } from './filter-criteria';
import {
  type Axis, containsCell, positionAfterDelete, positionAfterInsert, rectAfterDelete, rectAfterInsert,
} from './geometry';
import { FakeRangeList } from './range-list';
import { FakeRange } from './range';
import { compareByKeys, type SortKey } from './sort-order';
import type { FakeSpreadsheet } from './spreadsheet';

type RealSheet = GoogleAppsScript.Spreadsheet.Sheet;

const SHEET_API = ['activate', 'appendRow', 'autoResizeColumn', 'autoResizeColumns', 'clear',
  'clearConditionalFormatRules', 'clearContents', 'clearFormats', 'clearNotes', 'deleteColumn', 'deleteColumns',
  'deleteRow', 'deleteRows',
  'getActiveCell', 'getActiveRange', 'getColumnWidth', 'getConditionalFormatRules', 'getDataRange', 'getFilter',
  'getFrozenColumns', 'getFrozenRows', 'getIndex', 'getLastColumn', 'getLastRow', 'getMaxColumns', 'getMaxRows',
  'getName', 'getParent', 'getRange', 'getRangeList', 'getSheetId', 'getSheetName', 'getSheetValues', 'hideRow',
  'hideRows', 'insertColumnAfter', 'insertColumnBefore', 'insertColumns', 'insertColumnsAfter', 'insertColumnsBefore',
  'insertRowAfter', 'insertRowBefore', 'insertRows', 'insertRowsAfter', 'insertRowsBefore', 'isRowHiddenByFilter',
  'isRowHiddenByUser', 'isSheetHidden', 'setActiveRange', 'setActiveSelection', 'setColumnWidth', 'setColumnWidths',
  'setConditionalFormatRules', 'setFrozenColumns', 'setFrozenRows', 'setName', 'setTabColor', 'showRows', 'sort',
  'unhideRow'] as const;

/** Test-only helpers on a sheet (never counted, invisible to the script). */
const SHEET_HELPERS = ['load', 'snapshot', 'cell', 'conditionalRules', 'effectiveBackground', 'sortRows'] as const;

/** How the sortRows helper orders rows: a comparator of two rows' values, or a column and direction. */
export type RowOrder = ((a: unknown[], b: unknown[]) => number) | { column: number; ascending?: boolean };

/** What `snapshot()` and `cell()` give for one cell. */
export interface CellRecord {
  value: unknown;
  formula: string;
  note: string;
  background: string;
  numberFormat: string;
  fontWeight: string;
  validation: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null;
}

/** A conditional format rule as plain data, for tests and the preview. */
export interface RuleRecord {
  /** The custom formula; for other criteria, the criteria name and its values ('TEXT_EQUAL_TO Done'). */
  formula: string;
  /** The rule's background ('#rrggbb'), null when it sets none. */
  background: string | null;
  /** Its ranges in A1 notation. */
  ranges: string[];
}

/** One grid sheet. Cells are stored sparsely. */
export class FakeSheet implements ApiShape<RealSheet, typeof SHEET_API[number]> {
  static readonly apiName = 'Sheet';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = SHEET_API;
  static readonly helpers: readonly string[] = SHEET_HELPERS;

  private grid: (Cell | undefined)[][] = [];
  rules: RuleData[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  /** The user's selection on this sheet (a time-driven execution has its own: see FakeSpreadsheet.selectionOf). */
  selection: { rect: GridRect; shape: RangeShape } = { rect: { row: 1, column: 1, numRows: 1, numColumns: 1 }, shape: 'cells' };
  private readonly columnWidths = new Map<number, number>();
  /** Merged areas (Range.merge...). */
  merges: GridRect[] = [];
  /** Rows the user (or a script) hid with hideRows. */
  hiddenRows = new Set<number>();
  /** The sheet's basic filter (Range.createFilter), or null. */
  filter: FilterData | null = null;

  constructor(readonly parent: FakeSpreadsheet, public name: string, readonly sheetId: number,
    public maxRows = 1000, public maxColumns = 26) {}

  // ---- Apps Script API ----
  activate(): FakeSheet {
    this.parent.activate(this, null);
    return this;
  }
  appendRow(rowContents: unknown[]): FakeSheet {
    if (!Array.isArray(rowContents)) signatureMismatch([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    if (rowContents.length > 0) this.rangeAt(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }
  autoResizeColumn(_columnPosition: number): FakeSheet { return this; }
  autoResizeColumns(_startColumn: number, _numColumns: number): FakeSheet { return this; }
  clear(): FakeSheet {
    this.grid = [];
    return this;
  }
  clearConditionalFormatRules(): void { this.rules = []; }
  clearContents(): FakeSheet {
    this.eachStoredCell((cell) => { cell.value = ''; cell.formula = ''; });
    this.compact();
    return this;
  }
  clearFormats(): FakeSheet {
    this.eachStoredCell((cell) => { cell.background = null; cell.numberFormat = null; cell.fontWeight = null; });
    this.compact();
    return this;
  }
  clearNotes(): FakeSheet {
    this.eachStoredCell((cell) => { cell.note = ''; });
    this.compact();
    return this;
  }
  deleteColumn(columnPosition: number): FakeSheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      fail('Those columns are out of bounds.');
    }
    if (howMany >= this.maxColumns) fail('You can\'t delete all the columns on the sheet.');
    for (const row of this.grid) if (row) row.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    this.shiftAfterDelete('columns', columnPosition, howMany);
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      fail('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows) fail('You can\'t delete all the rows on the sheet.');
    this.grid.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.shiftAfterDelete('rows', rowPosition, howMany);
  }
  getActiveCell(): FakeRange {
    const { rect } = this.parent.selectionOf(this);
    return this.rangeAt(rect.row, rect.column, 1, 1);
  }
  getActiveRange(): FakeRange {
    const { rect, shape } = this.parent.selectionOf(this);
    return new FakeRange(this, { ...rect }, shape);
  }
  getColumnWidth(columnPosition: number): number { return this.columnWidths.get(columnPosition) ?? 100; }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.rules.map((rule) => new FakeConditionalFormatRule(cloneRule(rule)));
  }
  getDataRange(): FakeRange {
    return this.rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** The sheet's filter, or null when it has none. */
  getFilter(): FakeFilter | null { return this.filter ? new FakeFilter(this) : null; }
  getFrozenColumns(): number { return this.frozenColumns; }
  getFrozenRows(): number { return this.frozenRows; }
  getIndex(): number { return this.parent.sheets.indexOf(this) + 1; }
  /** The last column with content (value or formula), 0 when the sheet is empty. */
  getLastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c -= 1) {
        if (hasContent(row[c])) { last = c + 1; break; }
      }
    }
    return last;
  }
  /** The last row with content (value or formula), 0 when the sheet is empty. */
  getLastRow(): number {
    for (let r = this.grid.length - 1; r >= 0; r -= 1) {
      const row = this.grid[r];
      if (row && row.some((cell) => hasContent(cell))) return r + 1;
    }
    return 0;
  }
  getMaxColumns(): number { return this.maxColumns; }
  getMaxRows(): number { return this.maxRows; }
  getName(): string { return this.name; }
  getParent(): FakeSpreadsheet { return this.parent; }
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations)) signatureMismatch([a1Notations], 'SpreadsheetApp.Sheet.getRangeList');
    return new FakeRangeList(a1Notations.map((a1) => this.rangeByA1(a1)));
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string' && column === undefined) return this.rangeByA1(rowOrA1);
    const args = [rowOrA1, column, numRows, numColumns].filter((arg) => arg !== undefined);
    if (args.some((arg) => typeof arg !== 'number' || Number.isNaN(arg))) {
      signatureMismatch(args, 'SpreadsheetApp.Sheet.getRange');
    }
    return this.rangeAt(rowOrA1 as number, column as number, numRows ?? 1, numColumns ?? 1);
  }
  getSheetId(): number { return this.sheetId; }
  getSheetName(): string { return this.name; }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.rangeAt(startRow, startColumn, rows, columns).getValues();
  }
  /** Hides the rows of a range. */
  hideRow(row: FakeRange): void {
    if (!(row instanceof FakeRange)) signatureMismatch([row], 'SpreadsheetApp.Sheet.hideRow');
    this.hideRows(row.rect.row, row.rect.numRows);
  }
  /** Hides rows (they still read and write normally). */
  hideRows(rowIndex: number, numRows?: number): void {
    for (const row of this.rowSpan(rowIndex, numRows, 'hideRows')) this.hiddenRows.add(row);
  }
  insertColumnAfter(afterPosition: number): FakeSheet { return this.insertColumnsAfter(afterPosition, 1); }
  insertColumnBefore(beforePosition: number): FakeSheet { return this.insertColumnsBefore(beforePosition, 1); }
  insertColumns(columnIndex: number, numColumns?: number): void { this.insertColumnsBefore(columnIndex, numColumns ?? 1); }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.checkInsert(afterPosition, howMany, this.maxColumns, true);
    for (const row of this.grid) if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array(howMany));
    this.maxColumns += howMany;
    this.shiftAfterInsert('columns', afterPosition, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.checkInsert(beforePosition, howMany, this.maxColumns, false);
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }
  insertRowAfter(afterPosition: number): FakeSheet { return this.insertRowsAfter(afterPosition, 1); }
  insertRowBefore(beforePosition: number): FakeSheet { return this.insertRowsBefore(beforePosition, 1); }
  insertRows(rowIndex: number, numRows?: number): void { this.insertRowsBefore(rowIndex, numRows ?? 1); }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.checkInsert(afterPosition, howMany, this.maxRows, true);
    if (this.grid.length > afterPosition) this.grid.splice(afterPosition, 0, ...new Array(howMany));
    this.maxRows += howMany;
    this.shiftAfterInsert('rows', afterPosition, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.checkInsert(beforePosition, howMany, this.maxRows, false);
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
  /** Whether the sheet's filter hides the row. */
  isRowHiddenByFilter(rowPosition: number): boolean { return rowHiddenByFilter(this, this.filter, rowPosition); }
  /** Whether the row was hidden with hideRows (not by a filter). */
  isRowHiddenByUser(rowPosition: number): boolean { return this.hiddenRows.has(rowPosition); }
  isSheetHidden(): boolean { return false; }
  setActiveRange(range: FakeRange): FakeRange {
    this.checkOwnRange(range, 'setActiveRange');
    this.parent.activate(this, range);
    return range;
  }
  setActiveSelection(a1OrRange: string | FakeRange): FakeRange {
    const range = typeof a1OrRange === 'string' ? this.rangeByA1(a1OrRange) : a1OrRange;
    this.checkOwnRange(range, 'setActiveSelection');
    this.parent.activate(this, range);
    return range;
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let c = 0; c < numColumns; c += 1) this.columnWidths.set(startColumn + c, width);
    return this;
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((rule) => !(rule instanceof FakeConditionalFormatRule))) {
      signatureMismatch([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    }
    for (const rule of rules) {
      if (rule.data.ranges.some((range) => range.sheet !== this)) {
        fail('The conditional format rule cannot reference a different sheet.');
      }
    }
    this.rules = rules.map((rule) => cloneRule(rule.data));
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.maxColumns) fail('Invalid argument: columns');
    this.frozenColumns = columns;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.maxRows) fail('Invalid argument: rows');
    if (rows >= this.maxRows) fail('You can\'t freeze all visible rows on the sheet.');
    this.frozenRows = rows;
  }
  setName(name: string): FakeSheet {
    this.parent.checkNewSheetName(String(name), this);
    this.name = String(name);
    return this;
  }
  setTabColor(_color: string | null): FakeSheet { return this; }
  /** Shows hidden rows again. */
  showRows(rowIndex: number, numRows?: number): void {
    for (const row of this.rowSpan(rowIndex, numRows, 'showRows')) this.hiddenRows.delete(row);
  }
  /** Sorts the sheet's rows below the frozen rows by a column (whole rows move). */
  sort(columnPosition: number, ascending?: boolean): FakeSheet {
    if (typeof columnPosition !== 'number') signatureMismatch([columnPosition], 'SpreadsheetApp.Sheet.sort');
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition > this.maxColumns) {
      fail('Invalid argument: columnPosition');
    }
    const first = this.frozenRows + 1;
    const last = this.getLastRow();
    if (last > first) {
      this.sortBlock({ row: first, column: 1, numRows: last - first + 1, numColumns: this.maxColumns },
        [{ column: columnPosition, ascending: ascending === undefined ? true : Boolean(ascending) }]);
    }
    return this;
  }
  /** Shows the rows of a range again. */
  unhideRow(row: FakeRange): void {
    if (!(row instanceof FakeRange)) signatureMismatch([row], 'SpreadsheetApp.Sheet.unhideRow');
    this.showRows(row.rect.row, row.rect.numRows);
  }

  // ---- test helpers ----
  /** Sets values from A1 (Dates stay dates, '' or null empty); grows the grid to fit. No parsing. */
  load(rows: unknown[][]): FakeSheet {
    this.maxRows = Math.max(this.maxRows, rows.length);
    this.maxColumns = Math.max(this.maxColumns, ...rows.map((row) => row.length));
    rows.forEach((row, r) => row.forEach((value, c) => {
      const cell = this.cellForWrite(r + 1, c + 1);
      cell.formula = '';
      cell.value = this.inputToStored(value);
    }));
    this.compact();
    return this;
  }
  /** A deep copy of every cell up to the last one with anything set, for before/after comparisons. */
  snapshot(): CellRecord[][] {
    let lastRow = 0;
    let lastColumn = 0;
    this.grid.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell && !isBlankCell(cell)) { lastRow = Math.max(lastRow, r + 1); lastColumn = Math.max(lastColumn, c + 1); }
    }));
    const out: CellRecord[][] = [];
    for (let r = 1; r <= lastRow; r += 1) {
      const row: CellRecord[] = [];
      for (let c = 1; c <= lastColumn; c += 1) row.push(this.record(r, c));
      out.push(row);
    }
    return out;
  }
  /** Everything about one cell, by A1 notation ('B2'). */
  cell(a1: string): CellRecord {
    const rect = parseA1(a1, this.maxRows, this.maxColumns);
    return this.record(rect.row, rect.column);
  }
  /** The sheet's conditional format rules as plain data. */
  conditionalRules(): RuleRecord[] {
    return this.rules.map((rule) => ({
      formula: rule.criteria === 'CUSTOM_FORMULA' ? String(rule.values[0]) : [rule.criteria, ...rule.values].join(' '),
      background: rule.background,
      ranges: rule.ranges.map((range) => range.getA1Notation()),
    }));
  }
  /**
   * The background a person sees: the first conditional rule (in order) whose range holds the
   * cell and whose condition is true gives its background; else the cell's own background.
   * Understood conditions: custom formulas `=$B2="text"` / `=$B$2="text"` / `=B2="text"` (compared
   * by displayed text, ignoring case, as Sheets' `=` does), text equal/contains, cell (not) empty.
   */
  effectiveBackground(row: number, column: number): string {
    for (const rule of this.rules) {
      if (!rule.ranges.some((range) => contains(range.rect, row, column))) continue;
      if (this.ruleMatches(rule, row, column)) return rule.background ?? this.ownBackground(row, column);
    }
    return this.ownBackground(row, column);
  }

  /**
   * The user sorts rows firstRow..lastRow (Data > Sort range on whole rows): every cell of those
   * rows moves with its row (values, formulas, notes, formats, validations). `order` compares
   * two rows' values (as getValues gives them), or names a column and direction (Sheets' order:
   * numbers, then text, then booleans; blanks last).
   */
  sortRows(firstRow: number, lastRow: number, order: RowOrder): FakeSheet {
    if (firstRow < 1 || lastRow > this.maxRows || lastRow < firstRow) fail('Those rows are out of bounds.');
    if (typeof order === 'function') {
      const width = Math.max(this.maxColumns, 1);
      const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
      const values = new Map(rows.map((row) => [row, this.rangeAt(row, 1, 1, width).getValues()[0]]));
      rows.sort((a, b) => order(values.get(a)!, values.get(b)!));
      this.permuteRows(firstRow, rows, null);
    } else {
      this.sortBlock({ row: firstRow, column: 1, numRows: lastRow - firstRow + 1, numColumns: this.maxColumns },
        [{ column: order.column, ascending: order.ascending ?? true }]);
    }
    return this;
  }

  // ---- internals used by ranges, the spreadsheet and state ----
  /**
   * Sorts the rows of a block by keys (stable). Only the block's columns move when it is narrower
   * than the sheet; a block as wide as the sheet moves whole rows.
   */
  sortBlock(rect: GridRect, keys: readonly SortKey[]): void {
    const rows = Array.from({ length: rect.numRows }, (_, i) => rect.row + i);
    const value = (row: number) => (column: number) => this.cellAt(row, column)?.value ?? '';
    rows.sort((a, b) => compareByKeys(value(a), value(b), keys));
    const wholeRows = rect.column === 1 && rect.numColumns >= this.maxColumns;
    this.permuteRows(rect.row, rows, wholeRows ? null : { first: rect.column, last: rect.column + rect.numColumns - 1 });
  }
  /** The stored cell a reader sees: none for cells covered by a merge (only its top-left cell shows). */
  visibleCellAt(row: number, column: number): Cell | undefined {
    if (this.merges.length > 0 && this.isCovered(row, column)) return undefined;
    return this.cellAt(row, column);
  }
  /** Whether a merge covers the cell (it lies in a merged area but is not its top-left cell). */
  isCovered(row: number, column: number): boolean {
    return this.merges.some((m) => containsCell(m, row, column) && (m.row !== row || m.column !== column));
  }
  /** The stored cell, if any. */
  cellAt(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }
  /** The stored cell, created when missing. */
  cellForWrite(row: number, column: number): Cell {
    let gridRow = this.grid[row - 1];
    if (!gridRow) { gridRow = []; this.grid[row - 1] = gridRow; }
    let cell = gridRow[column - 1];
    if (!cell) { cell = emptyCell(); gridRow[column - 1] = cell; }
    return cell;
  }
  /** Replaces a cell (blank cells are dropped). */
  putCell(row: number, column: number, cell: Cell): void {
    if (isBlankCell(cell)) { this.deleteCell(row, column); return; }
    let gridRow = this.grid[row - 1];
    if (!gridRow) { gridRow = []; this.grid[row - 1] = gridRow; }
    gridRow[column - 1] = cell;
  }
  deleteCell(row: number, column: number): void {
    const gridRow = this.grid[row - 1];
    if (gridRow) gridRow[column - 1] = undefined;
  }
  /** Drops blank cells (within a rectangle, or everywhere). */
  compact(rect?: GridRect): void {
    const firstRow = rect ? rect.row : 1;
    const lastRow = rect ? rect.row + rect.numRows - 1 : this.grid.length;
    for (let r = firstRow; r <= lastRow; r += 1) {
      const row = this.grid[r - 1];
      if (!row) continue;
      const firstColumn = rect ? rect.column : 1;
      const lastColumn = rect ? rect.column + rect.numColumns - 1 : row.length;
      for (let c = firstColumn; c <= lastColumn; c += 1) {
        const cell = row[c - 1];
        if (cell && isBlankCell(cell)) row[c - 1] = undefined;
      }
    }
  }
  /** Every stored cell with its position. */
  storedCells(): { row: number; column: number; cell: Cell }[] {
    const out: { row: number; column: number; cell: Cell }[] = [];
    this.grid.forEach((row, r) => row?.forEach((cell, c) => { if (cell) out.push({ row: r + 1, column: c + 1, cell }); }));
    return out;
  }
  /** A bounds-checked range, with Apps Script's messages. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number, shape: RangeShape = 'cells'): FakeRange {
    const [r, c, nr, nc] = [row, column, numRows, numColumns].map(Math.trunc);
    if (r < 1) fail('The starting row of the range is too small.');
    if (c < 1) fail('The starting column of the range is too small.');
    if (nr < 1) fail('The number of rows in the range must be at least 1.');
    if (nc < 1) fail('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this.maxRows || c + nc - 1 > this.maxColumns) {
      fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, { row: r, column: c, numRows: nr, numColumns: nc }, shape);
  }
  /** A range from A1 notation within this sheet ('B2:D9', 'A:A', '2:2', "'Name'!A1"). */
  rangeByA1(notation: string): FakeRange {
    const { sheetName, range } = splitSheetPrefix(String(notation));
    if (sheetName !== null && sheetName.toLowerCase() !== this.name.toLowerCase()) {
      const other = this.parent.getSheetByName(sheetName);
      if (!other) return fail('Range not found');
      return other.rangeByA1(range);
    }
    const rect = parseA1(range, this.maxRows, this.maxColumns);
    return this.rangeAt(rect.row, rect.column, rect.numRows, rect.numColumns, rect.shape);
  }
  /** A stored value as getValues returns it. */
  outputValue(value: StoredValue): unknown {
    return isDateValue(value) ? new this.parent.host.Date(this.parent.fromWall(value.wall)) : value;
  }
  /** A value given to load()/state as stored (Dates in the spreadsheet's zone). */
  inputToStored(value: unknown): StoredValue {
    if (value === null || value === undefined) return '';
    if (isDate(value)) return { wall: this.parent.toWall(value.getTime()) };
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
    return String(value);
  }

  private record(row: number, column: number): CellRecord {
    const cell = this.cellAt(row, column);
    return {
      value: this.outputValue(cell?.value ?? ''),
      formula: cell?.formula ?? '',
      note: cell?.note ?? '',
      background: cell?.background ?? DEFAULT_BACKGROUND,
      numberFormat: reportedNumberFormat(cell, this.parent.locale),
      fontWeight: cell?.fontWeight ?? 'normal',
      validation: cell?.validation ? cloneValidation(cell.validation) : null,
    };
  }

  private ownBackground(row: number, column: number): string {
    return this.cellAt(row, column)?.background ?? DEFAULT_BACKGROUND;
  }

  private ruleMatches(rule: RuleData, row: number, column: number): boolean {
    const text = (r: number, c: number): string => displayText(this.cellAt(r, c), this.parent.locale);
    const own = text(row, column);
    const value = String(rule.values[0] ?? '');
    switch (rule.criteria) {
      case 'CELL_EMPTY': return own === '';
      case 'CELL_NOT_EMPTY': return own !== '';
      case 'TEXT_EQUAL_TO': return own.toLowerCase() === value.toLowerCase();
      case 'TEXT_NOT_EQUAL_TO': return own.toLowerCase() !== value.toLowerCase();
      case 'TEXT_CONTAINS': return own.toLowerCase().includes(value.toLowerCase());
      case 'TEXT_DOES_NOT_CONTAIN': return !own.toLowerCase().includes(value.toLowerCase());
      case 'TEXT_STARTS_WITH': return own.toLowerCase().startsWith(value.toLowerCase());
      case 'TEXT_ENDS_WITH': return own.toLowerCase().endsWith(value.toLowerCase());
      case 'CUSTOM_FORMULA': {
        const match = /^=\s*(\$?)([A-Za-z]{1,3})(\$?)(\d+)\s*=\s*"((?:[^"]|"")*)"\s*$/.exec(value);
        if (!match) return false;
        const anchor = rule.ranges[0].rect;
        const refColumn = match[1] ? columnNumber(match[2]) : columnNumber(match[2]) + (column - anchor.column);
        const refRow = match[3] ? Number(match[4]) : Number(match[4]) + (row - anchor.row);
        const expected = match[5].replace(/""/g, '"');
        return text(refRow, refColumn).toLowerCase() === expected.toLowerCase();
      }
      default:
        return false;
    }
  }

  /**
   * Puts rows in a new order: `order[i]` is the row that goes to row `first + i`. With `columns`,
   * only those columns' cells move.
   */
  private permuteRows(first: number, order: readonly number[], columns: { first: number; last: number } | null): void {
    if (columns === null) {
      const moved = order.map((row) => this.grid[row - 1]);
      moved.forEach((gridRow, i) => { this.grid[first - 1 + i] = gridRow; });
      return;
    }
    for (let column = columns.first; column <= columns.last; column += 1) {
      const cells = order.map((row) => this.cellAt(row, column));
      cells.forEach((cell, i) => {
        if (cell) this.putCell(first + i, column, cell);
        else this.deleteCell(first + i, column);
      });
    }
  }

  /** Merges, hidden rows and the filter follow inserted rows or columns. */
  private shiftAfterInsert(axis: Axis, after: number, howMany: number): void {
    this.merges = this.merges.map((m) => rectAfterInsert(m, axis, after, howMany));
    if (axis === 'rows') this.hiddenRows = new Set([...this.hiddenRows].map((r) => positionAfterInsert(r, after, howMany)));
    if (this.filter) {
      this.filter.rect = rectAfterInsert(this.filter.rect, axis, after, howMany);
      if (axis === 'columns') {
        this.filter.criteria = new Map([...this.filter.criteria].map(([c, d]) => [positionAfterInsert(c, after, howMany), d]));
      }
    }
  }

  /** Merges, hidden rows and the filter follow deleted rows or columns (and vanish with them). */
  private shiftAfterDelete(axis: Axis, first: number, howMany: number): void {
    this.merges = this.merges.map((m) => rectAfterDelete(m, axis, first, howMany)).filter((m): m is GridRect => m !== null);
    if (axis === 'rows') {
      this.hiddenRows = new Set([...this.hiddenRows].map((r) => positionAfterDelete(r, first, howMany))
        .filter((r): r is number => r !== null));
    }
    if (this.filter) {
      const rect = rectAfterDelete(this.filter.rect, axis, first, howMany);
      if (!rect) { this.filter = null; return; }
      this.filter.rect = rect;
      if (axis === 'columns') {
        const moved = new Map<number, CriteriaData>();
        for (const [c, d] of this.filter.criteria) {
          const next = positionAfterDelete(c, first, howMany);
          if (next !== null) moved.set(next, d);
        }
        this.filter.criteria = moved;
      }
    }
  }

  /** The rows hideRows/showRows name, bounds-checked. */
  private rowSpan(rowIndex: number, numRows: number | undefined, method: string): number[] {
    const count = numRows ?? 1;
    if (typeof rowIndex !== 'number' || typeof count !== 'number') {
      signatureMismatch(numRows === undefined ? [rowIndex] : [rowIndex, numRows], `SpreadsheetApp.Sheet.${method}`);
    }
    if (!Number.isInteger(rowIndex) || !Number.isInteger(count) || rowIndex < 1 || count < 1 ||
      rowIndex + count - 1 > this.maxRows) {
      fail('Those rows are out of bounds.');
    }
    return Array.from({ length: count }, (_, i) => rowIndex + i);
  }

  private eachStoredCell(visit: (cell: Cell) => void): void {
    for (const row of this.grid) row?.forEach((cell) => { if (cell) visit(cell); });
  }

  private checkInsert(position: number, howMany: number, max: number, after: boolean): void {
    const lowest = after ? 0 : 1;
    if (Math.trunc(position) !== position || position < lowest || position > max || howMany < 1) {
      fail(`Those ${max === this.maxRows ? 'rows' : 'columns'} are out of bounds.`);
    }
  }

  private checkOwnRange(range: FakeRange, method: string): void {
    if (!(range instanceof FakeRange)) signatureMismatch([range], `SpreadsheetApp.Sheet.${method}`);
    if (range.sheet !== this) fail('The range must be on the active sheet.');
  }
}

function contains(rect: GridRect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && column >= rect.column && column < rect.column + rect.numColumns;
}
