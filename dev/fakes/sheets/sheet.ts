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
import { FakeRangeList } from './range-list';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

type RealSheet = GoogleAppsScript.Spreadsheet.Sheet;

const SHEET_API = ['activate', 'appendRow', 'autoResizeColumn', 'autoResizeColumns', 'clear',
  'clearConditionalFormatRules', 'clearContents', 'clearFormats', 'clearNotes', 'deleteRow', 'deleteRows',
  'getActiveCell', 'getActiveRange', 'getColumnWidth', 'getConditionalFormatRules', 'getDataRange',
  'getFrozenColumns', 'getFrozenRows', 'getIndex', 'getLastColumn', 'getLastRow', 'getMaxColumns', 'getMaxRows',
  'getName', 'getParent', 'getRange', 'getRangeList', 'getSheetId', 'getSheetName', 'getSheetValues', 'insertColumnAfter',
  'insertColumnBefore', 'insertColumns', 'insertColumnsAfter', 'insertColumnsBefore', 'insertRowAfter',
  'insertRowBefore', 'insertRows', 'insertRowsAfter', 'insertRowsBefore', 'isSheetHidden', 'setActiveRange',
  'setActiveSelection', 'setColumnWidth', 'setColumnWidths', 'setConditionalFormatRules', 'setFrozenColumns',
  'setFrozenRows', 'setName', 'setTabColor'] as const;

/** Test-only helpers on a sheet (never counted, invisible to the script). */
const SHEET_HELPERS = ['load', 'snapshot', 'cell', 'conditionalRules', 'effectiveBackground'] as const;

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
  selection: { rect: GridRect; shape: RangeShape } = { rect: { row: 1, column: 1, numRows: 1, numColumns: 1 }, shape: 'cells' };
  private readonly columnWidths = new Map<number, number>();

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
  }
  getActiveCell(): FakeRange {
    return this.rangeAt(this.selection.rect.row, this.selection.rect.column, 1, 1);
  }
  getActiveRange(): FakeRange {
    return new FakeRange(this, { ...this.selection.rect }, this.selection.shape);
  }
  getColumnWidth(columnPosition: number): number { return this.columnWidths.get(columnPosition) ?? 100; }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.rules.map((rule) => new FakeConditionalFormatRule(cloneRule(rule)));
  }
  getDataRange(): FakeRange {
    return this.rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
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
  insertColumnAfter(afterPosition: number): FakeSheet { return this.insertColumnsAfter(afterPosition, 1); }
  insertColumnBefore(beforePosition: number): FakeSheet { return this.insertColumnsBefore(beforePosition, 1); }
  insertColumns(columnIndex: number, numColumns?: number): void { this.insertColumnsBefore(columnIndex, numColumns ?? 1); }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.checkInsert(afterPosition, howMany, this.maxColumns, true);
    for (const row of this.grid) if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array(howMany));
    this.maxColumns += howMany;
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
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.checkInsert(beforePosition, howMany, this.maxRows, false);
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
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

  // ---- internals used by ranges, the spreadsheet and state ----
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
