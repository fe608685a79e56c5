import type { ApiShape } from '../core/api-shape';
import { isDate } from '../core/clock';
import { fail, signatureMismatch } from '../core/errors';
import { type GridRect, type RangeShape, toA1 } from './a1';
import {
  type Cell, DEFAULT_BACKGROUND, displayText, emptyCell, isDateValue, reportedNumberFormat, type StoredValue,
} from './cell';
import { normalizeColor } from './color';
import { cloneValidation, FakeDataValidation, passesValidation } from './data-validation';
import { FakeFilter, FILTER_EXISTS } from './filter';
import { containsRect, overlaps } from './geometry';
import type { FakeSheet } from './sheet';
import { parseSortSpec } from './sort-order';
import { parseUserInput } from './user-input';

type RealRange = GoogleAppsScript.Spreadsheet.Range;

const RANGE_API = ['activate', 'breakApart', 'clear', 'clearContent', 'clearDataValidations', 'clearFormat',
  'clearNote', 'createFilter', 'getA1Notation', 'getBackground', 'getBackgrounds', 'getCell', 'getColumn',
  'getDataValidation', 'getDataValidations', 'getDisplayValue', 'getDisplayValues', 'getFilter', 'getFontWeight',
  'getFontWeights', 'getFormula', 'getFormulas', 'getHeight', 'getLastColumn', 'getLastRow', 'getMergedRanges',
  'getNote', 'getNotes', 'getNumColumns', 'getNumRows', 'getNumberFormat', 'getNumberFormats', 'getRow',
  'getRowIndex', 'getSheet', 'getValue', 'getValues', 'getWidth', 'isBlank', 'isPartOfMerge', 'merge',
  'mergeAcross', 'mergeVertically', 'offset', 'setBackground', 'setBackgrounds', 'setDataValidation', 'setDataValidations', 'setFontColor',
  'setFontWeight', 'setFontWeights', 'setFormula', 'setFormulas', 'setHorizontalAlignment', 'setNote', 'setNotes',
  'setNumberFormat', 'setNumberFormats', 'setValue', 'setValues', 'setVerticalAlignment', 'setWrap', 'sort'] as const;

/** Merging or unmerging only part of a merged area. */
const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';

const MAX_CELL_CHARACTERS = 50_000;

/** A rectangle of one sheet. Immutable: offset/getCell make new ranges. */
export class FakeRange implements ApiShape<RealRange, typeof RANGE_API[number]> {
  static readonly apiName = 'Range';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = RANGE_API;

  constructor(readonly sheet: FakeSheet, readonly rect: GridRect, readonly shape: RangeShape = 'cells') {}

  activate(): FakeRange {
    this.sheet.parent.activate(this.sheet, this);
    return this;
  }
  /** Unmerges every merged area in the range (which must hold each of them whole). */
  breakApart(): FakeRange {
    this.checkWholeMerges();
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
    return this;
  }
  clear(): FakeRange {
    this.forEachCell((_cell, r, c) => this.sheet.deleteCell(r, c));
    return this;
  }
  clearContent(): FakeRange {
    this.forEachCell((cell) => { cell.value = ''; cell.formula = ''; }, true);
    return this;
  }
  clearDataValidations(): FakeRange {
    this.forEachCell((cell) => { cell.validation = null; }, true);
    return this;
  }
  clearFormat(): FakeRange {
    this.forEachCell((cell) => { cell.background = null; cell.numberFormat = null; cell.fontWeight = null; }, true);
    return this;
  }
  clearNote(): FakeRange {
    this.forEachCell((cell) => { cell.note = ''; }, true);
    return this;
  }

  /** Creates the sheet's filter on this range (a sheet has at most one). */
  createFilter(): FakeFilter {
    if (this.sheet.filter) fail(FILTER_EXISTS);
    this.sheet.filter = { rect: { ...this.rect }, criteria: new Map() };
    return new FakeFilter(this.sheet);
  }
  getA1Notation(): string { return toA1(this.rect, this.shape); }
  getBackground(): string { return this.getBackgrounds()[0][0]; }
  getBackgrounds(): string[][] { return this.read((cell) => cell?.background ?? DEFAULT_BACKGROUND); }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.sheet.rangeAt(this.rect.row + row - 1, this.rect.column + column - 1, 1, 1);
  }
  getColumn(): number { return this.rect.column; }
  getDataValidation(): FakeDataValidation | null { return this.getDataValidations()[0][0]; }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.read((cell) => (cell?.validation ? new FakeDataValidation(cloneValidation(cell.validation)) : null));
  }
  getDisplayValue(): string { return this.getDisplayValues()[0][0]; }
  getDisplayValues(): string[][] {
    const locale = this.sheet.parent.locale;
    return this.readVisible((cell) => displayText(cell, locale));
  }
  /** The filter of the range's sheet (whether or not it covers this range), or null. */
  getFilter(): FakeFilter | null { return this.sheet.getFilter(); }
  getFontWeight(): 'bold' | 'normal' { return this.getFontWeights()[0][0]; }
  getFontWeights(): ('bold' | 'normal')[][] { return this.read((cell) => cell?.fontWeight ?? 'normal'); }
  getFormula(): string { return this.getFormulas()[0][0]; }
  getFormulas(): string[][] { return this.readVisible((cell) => cell?.formula ?? ''); }
  getHeight(): number { return this.rect.numRows; }
  getLastColumn(): number { return this.rect.column + this.rect.numColumns - 1; }
  getLastRow(): number { return this.rect.row + this.rect.numRows - 1; }
  /** The merged areas that lie in the range or share a cell with it. */
  getMergedRanges(): FakeRange[] {
    return this.sheet.merges.filter((m) => overlaps(m, this.rect))
      .map((m) => this.sheet.rangeAt(m.row, m.column, m.numRows, m.numColumns));
  }
  getNote(): string { return this.getNotes()[0][0]; }
  getNotes(): string[][] { return this.read((cell) => cell?.note ?? ''); }
  getNumColumns(): number { return this.rect.numColumns; }
  getNumRows(): number { return this.rect.numRows; }
  getNumberFormat(): string { return this.getNumberFormats()[0][0]; }
  getNumberFormats(): string[][] {
    const locale = this.sheet.parent.locale;
    return this.read((cell) => reportedNumberFormat(cell, locale));
  }
  getRow(): number { return this.rect.row; }
  getRowIndex(): number { return this.rect.row; }
  getSheet(): FakeSheet { return this.sheet; }
  getValue(): unknown { return this.getValues()[0][0]; }
  /**
   * Values as Apps Script returns them: Date objects for date cells (new each call), '' for empty
   * and for the cells a merge covers (its value shows in the top-left cell only).
   */
  getValues(): unknown[][] { return this.readVisible((cell) => this.sheet.outputValue(cell?.value ?? '')); }
  getWidth(): number { return this.rect.numColumns; }
  isBlank(): boolean {
    let blank = true;
    this.readVisible((cell) => { if (cell && (cell.value !== '' || cell.formula !== '')) blank = false; return null; });
    return blank;
  }
  /** Whether the range shares a cell with a merged area. */
  isPartOfMerge(): boolean { return this.sheet.merges.some((m) => overlaps(m, this.rect)); }
  /**
   * Merges the range into one cell: merged areas inside it are absorbed, one reaching outside it
   * is refused, and only the top-left value stays (the others are cleared, as Sheets does).
   */
  merge(): FakeRange {
    this.mergeAreas([this.rect]);
    return this;
  }
  /** Merges each row of the range on its own. */
  mergeAcross(): FakeRange {
    const { row, column, numRows, numColumns } = this.rect;
    this.mergeAreas(Array.from({ length: numRows }, (_, i) => ({ row: row + i, column, numRows: 1, numColumns })));
    return this;
  }
  /** Merges each column of the range on its own. */
  mergeVertically(): FakeRange {
    const { row, column, numRows, numColumns } = this.rect;
    this.mergeAreas(Array.from({ length: numColumns }, (_, i) => ({ row, column: column + i, numRows, numColumns: 1 })));
    return this;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet.rangeAt(this.rect.row + rowOffset, this.rect.column + columnOffset,
      numRows ?? this.rect.numRows, numColumns ?? this.rect.numColumns);
  }

  setBackground(color: string | null): FakeRange {
    const normalized = normalizeColor(color);
    this.forEachCell((cell) => { cell.background = normalized === DEFAULT_BACKGROUND ? null : normalized; }, true);
    return this;
  }
  setBackgrounds(color: (string | null)[][]): FakeRange {
    const colors = this.checkGrid(color, 'setBackgrounds').map((row) => row.map((c) => normalizeColor(c)));
    this.forEachCell((cell, r, c) => {
      const next = colors[r - this.rect.row][c - this.rect.column];
      cell.background = next === DEFAULT_BACKGROUND ? null : next;
    }, true);
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    const data = rule ? cloneValidation(this.validationData(rule, 'setDataValidation')) : null;
    this.forEachCell((cell) => { cell.validation = data ? cloneValidation(data) : null; }, true);
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    const grid = this.checkGrid(rules, 'setDataValidations');
    this.forEachCell((cell, r, c) => {
      const rule = grid[r - this.rect.row][c - this.rect.column] as FakeDataValidation | null;
      cell.validation = rule ? cloneValidation(this.validationData(rule, 'setDataValidations')) : null;
    }, true);
    return this;
  }
  setFontColor(_color: string | null): FakeRange { return this; }
  setFontWeight(fontWeight: string | null): FakeRange {
    const weight = checkFontWeight(fontWeight);
    this.forEachCell((cell) => { cell.fontWeight = weight; }, true);
    return this;
  }
  setFontWeights(fontWeights: (string | null)[][]): FakeRange {
    const grid = this.checkGrid(fontWeights, 'setFontWeights').map((row) => row.map((w) => checkFontWeight(w as string)));
    this.forEachCell((cell, r, c) => { cell.fontWeight = grid[r - this.rect.row][c - this.rect.column]; }, true);
    return this;
  }
  setFormula(formula: string): FakeRange {
    this.forEachCell((cell) => { cell.formula = String(formula); }, true);
    return this;
  }
  setFormulas(formulas: string[][]): FakeRange {
    const grid = this.checkGrid(formulas, 'setFormulas');
    this.forEachCell((cell, r, c) => {
      const formula = grid[r - this.rect.row][c - this.rect.column];
      cell.formula = formula === null || formula === undefined ? '' : String(formula);
      if (cell.formula === '') cell.value = '';
    }, true);
    return this;
  }
  setHorizontalAlignment(_alignment: string | null): FakeRange { return this; }
  setNote(note: string | null): FakeRange {
    this.forEachCell((cell) => { cell.note = note === null || note === undefined ? '' : String(note); }, true);
    return this;
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    const grid = this.checkGrid(notes, 'setNotes');
    this.forEachCell((cell, r, c) => {
      const note = grid[r - this.rect.row][c - this.rect.column];
      cell.note = note === null || note === undefined ? '' : String(note);
    }, true);
    return this;
  }
  setNumberFormat(numberFormat: string): FakeRange {
    this.forEachCell((cell) => { cell.numberFormat = String(numberFormat); }, true);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    const grid = this.checkGrid(numberFormats, 'setNumberFormats');
    this.forEachCell((cell, r, c) => { cell.numberFormat = String(grid[r - this.rect.row][c - this.rect.column]); }, true);
    return this;
  }
  /** Sets every cell of the range to the value (strings are read as typed input). */
  setValue(value: unknown): FakeRange {
    const grid = Array.from({ length: this.rect.numRows }, () => new Array<unknown>(this.rect.numColumns).fill(value));
    this.writeValues(grid);
    return this;
  }
  setValues(values: unknown[][]): FakeRange {
    this.writeValues(this.checkGrid(values, 'setValues'));
    return this;
  }
  setVerticalAlignment(_alignment: string | null): FakeRange { return this; }
  setWrap(_isWrapEnabled: boolean): FakeRange { return this; }
  /**
   * Sorts the range's rows: by a column number, `{ column, ascending }` or an array of them
   * (sheet column numbers within the range). Only the range's cells move.
   */
  sort(sortSpecObj: unknown): FakeRange {
    const keys = parseSortSpec(sortSpecObj, this.rect.column, this.rect.column + this.rect.numColumns - 1);
    this.sheet.sortBlock(this.rect, keys);
    return this;
  }

  private mergeAreas(areas: GridRect[]): void {
    this.checkWholeMerges();
    const merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
    for (const area of areas) {
      if (area.numRows * area.numColumns < 2) continue;
      merges.push(area);
      this.forEachCell((cell, r, c) => {
        if ((r !== area.row || c !== area.column) && r >= area.row && r < area.row + area.numRows &&
          c >= area.column && c < area.column + area.numColumns) { cell.value = ''; cell.formula = ''; }
      });
    }
    this.sheet.merges = merges;
    this.sheet.compact(this.rect);
  }

  /** Refuses when a merged area is only partly inside the range. */
  private checkWholeMerges(): void {
    if (this.sheet.merges.some((m) => overlaps(m, this.rect) && !containsRect(this.rect, m))) fail(PARTIAL_MERGE);
  }

  private writeValues(grid: unknown[][]): void {
    const planned: { row: number; column: number; cell: Cell }[] = [];
    this.forEachPosition((row, column) => {
      const current = this.sheet.cellAt(row, column);
      const next: Cell = current ? { ...current } : emptyCell();
      const input = grid[row - this.rect.row][column - this.rect.column];
      this.applyInput(next, input);
      if (next.validation && !next.validation.allowInvalid &&
        !passesValidation(next.validation, displayText(next, this.sheet.parent.locale), isDateValue(next.value))) {
        fail(`The data you entered in cell ${toA1({ row, column, numRows: 1, numColumns: 1 })} violates the data validation rules set on this cell.`);
      }
      planned.push({ row, column, cell: next });
    });
    for (const { row, column, cell } of planned) this.sheet.putCell(row, column, cell);
  }

  private applyInput(cell: Cell, input: unknown): void {
    cell.formula = '';
    if (input === null || input === undefined || input === '') { cell.value = ''; return; }
    if (isDate(input)) {
      if (Number.isNaN(input.getTime())) fail('Invalid argument: value');
      cell.value = { wall: this.sheet.parent.toWall(input.getTime()) };
      return;
    }
    if (typeof input === 'number') { cell.value = Number.isFinite(input) ? input : '#NUM!'; return; }
    if (typeof input === 'boolean') { cell.value = input; return; }
    const text = String(input);
    if (text.length > MAX_CELL_CHARACTERS) {
      fail(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
    }
    const parsed = parseUserInput(text, this.sheet.parent.locale, cell.numberFormat);
    cell.value = parsed.value as StoredValue;
    if (parsed.formula) cell.formula = parsed.formula;
    if (parsed.numberFormat && !cell.numberFormat) cell.numberFormat = parsed.numberFormat;
  }

  private validationData(rule: FakeDataValidation, method: string) {
    if (!(rule instanceof FakeDataValidation)) signatureMismatch([rule], `SpreadsheetApp.Range.${method}`);
    return rule.data;
  }

  /** Checks a 2D argument against the range size, with Apps Script's messages. */
  private checkGrid<T>(grid: T[][], method: string): T[][] {
    if (!Array.isArray(grid) || grid.some((row) => !Array.isArray(row))) {
      signatureMismatch([grid], `SpreadsheetApp.Range.${method}`);
    }
    if (grid.length !== this.rect.numRows) {
      fail(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.rect.numRows}.`);
    }
    for (const row of grid) {
      if (row.length !== this.rect.numColumns) {
        fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.numColumns}.`);
      }
    }
    return grid;
  }

  private read<T>(project: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.numRows; r += 1) {
      const row: T[] = new Array(this.rect.numColumns);
      for (let c = 0; c < this.rect.numColumns; c += 1) {
        row[c] = project(this.sheet.cellAt(this.rect.row + r, this.rect.column + c));
      }
      out.push(row);
    }
    return out;
  }

  /** Like read, but cells covered by a merge read as empty (values, display values, formulas). */
  private readVisible<T>(project: (cell: Cell | undefined) => T): T[][] {
    if (this.sheet.merges.length === 0) return this.read(project);
    const out: T[][] = [];
    for (let r = 0; r < this.rect.numRows; r += 1) {
      const row: T[] = new Array(this.rect.numColumns);
      for (let c = 0; c < this.rect.numColumns; c += 1) {
        row[c] = project(this.sheet.visibleCellAt(this.rect.row + r, this.rect.column + c));
      }
      out.push(row);
    }
    return out;
  }

  private forEachPosition(visit: (row: number, column: number) => void): void {
    for (let r = 0; r < this.rect.numRows; r += 1) {
      for (let c = 0; c < this.rect.numColumns; c += 1) visit(this.rect.row + r, this.rect.column + c);
    }
  }

  /** Visits each existing cell, or every cell (created on demand) when `create` is set. */
  private forEachCell(visit: (cell: Cell, row: number, column: number) => void, create = false): void {
    this.forEachPosition((row, column) => {
      const cell = create ? this.sheet.cellForWrite(row, column) : this.sheet.cellAt(row, column);
      if (cell) visit(cell, row, column);
    });
    if (create) this.sheet.compact(this.rect);
  }
}

function checkFontWeight(weight: string | null): 'bold' | null {
  if (weight === null || weight === undefined || weight === 'normal') return null;
  if (weight === 'bold') return 'bold';
  return fail(`Invalid argument: fontWeight`);
}
