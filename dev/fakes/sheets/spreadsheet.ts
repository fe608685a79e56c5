import type { ApiShape } from '../core/api-shape';
import { fail, signatureMismatch } from '../core/errors';
import type { Execution } from '../core/execution';
import { runningExecution } from '../core/running';
import { fromWall, isKnownTimeZone, toWall } from '../core/timezone';
import { type GridRect, type RangeShape, splitSheetPrefix } from './a1';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

type RealSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SPREADSHEET_API = ['deleteSheet', 'getActiveCell', 'getActiveRange', 'getActiveSheet', 'getDataRange', 'getId',
  'getName', 'getNumSheets', 'getRange', 'getSheetById', 'getSheetByName', 'getSheets', 'getSpreadsheetLocale',
  'getSpreadsheetTimeZone', 'getUrl', 'insertSheet', 'rename', 'setActiveRange', 'setActiveSelection',
  'setActiveSheet', 'setSpreadsheetLocale', 'setSpreadsheetTimeZone', 'toast'] as const;

/** What a spreadsheet needs from the simulated account around it. */
export interface SpreadsheetHost {
  /** The clock-following Date class handed to scripts; date cells are returned as its instances. */
  readonly Date: DateConstructor;
  /** Toasts shown by Spreadsheet.toast. */
  readonly toasts: string[];
}

/** Which cells are selected on a sheet. */
export interface Selection { rect: GridRect; shape: RangeShape }

/**
 * A time-driven execution's own notion of "active": nobody has the document open, so the first
 * sheet is the active sheet (and A1 its active cell) whatever the user last looked at; what the
 * script activates stays within its execution.
 */
interface DetachedView { sheet: FakeSheet | null; selections: Map<FakeSheet, Selection> }

/** The active spreadsheet (the only one a currentonly add-on may open). */
export class FakeSpreadsheet implements ApiShape<RealSpreadsheet, typeof SPREADSHEET_API[number]> {
  static readonly apiName = 'Spreadsheet';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = SPREADSHEET_API;

  readonly sheets: FakeSheet[] = [];
  /** The sheet the user has open (what UI-started executions see as active). */
  activeSheet: FakeSheet;
  private nextSheetId = 1;
  private readonly detachedViews = new WeakMap<Execution, DetachedView>();

  constructor(readonly host: SpreadsheetHost, readonly id: string, public name: string,
    public timeZone: string, public locale: string) {
    this.activeSheet = this.addSheet('Sheet1', 0);
  }

  deleteSheet(sheet: FakeSheet): void {
    if (!(sheet instanceof FakeSheet)) signatureMismatch([sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const index = this.sheets.indexOf(sheet);
    if (index < 0) fail('Sheet not found');
    if (this.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, index - 1)];
    const view = this.detachedView();
    if (view?.sheet === sheet) view.sheet = this.sheets[Math.max(0, index - 1)];
  }
  getActiveCell(): FakeRange { return this.currentSheet().getActiveCell(); }
  getActiveRange(): FakeRange { return this.currentSheet().getActiveRange(); }
  getActiveSheet(): FakeSheet { return this.currentSheet(); }
  getDataRange(): FakeRange { return this.currentSheet().getDataRange(); }
  getId(): string { return this.id; }
  getName(): string { return this.name; }
  getNumSheets(): number { return this.sheets.length; }
  getRange(a1Notation: string): FakeRange {
    const { sheetName } = splitSheetPrefix(String(a1Notation));
    if (sheetName !== null && !this.getSheetByName(sheetName)) fail('Range not found');
    return this.currentSheet().rangeByA1(String(a1Notation));
  }
  getSheetById(id: number): FakeSheet | null { return this.sheets.find((sheet) => sheet.sheetId === id) ?? null; }
  /** Sheet names are unique ignoring case in Sheets, and looked up the same way. */
  getSheetByName(name: string): FakeSheet | null {
    const wanted = String(name).toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted) ?? null;
  }
  getSheets(): FakeSheet[] { return [...this.sheets]; }
  getSpreadsheetLocale(): string { return this.locale; }
  getSpreadsheetTimeZone(): string { return this.timeZone; }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this.id}/edit`; }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.unusedSheetName();
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? this.sheets.length;
    this.checkNewSheetName(name, null);
    const sheet = this.addSheet(name, this.nextSheetId++ * 1_000_003 % 2_147_483_647, position);
    this.activate(sheet, null);
    return sheet;
  }
  rename(newName: string): void { this.name = String(newName); }
  setActiveRange(range: FakeRange): FakeRange {
    this.activate(range.sheet, range);
    return range;
  }
  setActiveSelection(a1OrRange: string | FakeRange): FakeRange {
    const range = typeof a1OrRange === 'string' ? this.getRange(a1OrRange) : a1OrRange;
    this.activate(range.sheet, range);
    return range;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    if (!(sheet instanceof FakeSheet)) signatureMismatch([sheet], 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.activate(sheet, null);
    return sheet;
  }
  setSpreadsheetLocale(locale: string): void { this.locale = String(locale); }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isKnownTimeZone(String(timezone))) fail(`Invalid argument: timezone`);
    this.timeZone = String(timezone);
  }
  /** Shows a toast to the user; a time-driven run has no user watching, so nothing is shown. */
  toast(msg: string, _title?: string, _timeoutSeconds?: number | null): void {
    if (this.detachedView()) return;
    this.host.toasts.push(String(msg));
  }

  // ---- internals ----
  /** Makes a sheet (and optionally a range on it) the active selection of the running execution. */
  activate(sheet: FakeSheet, range: FakeRange | null): void {
    const view = this.detachedView();
    if (view) {
      view.sheet = sheet;
      if (range) view.selections.set(sheet, { rect: { ...range.rect }, shape: range.shape });
      return;
    }
    this.activeSheet = sheet;
    if (range) sheet.selection = { rect: { ...range.rect }, shape: range.shape };
  }
  /** The active sheet as the running execution sees it (the first sheet in a time-driven run). */
  currentSheet(): FakeSheet {
    const view = this.detachedView();
    if (!view) return this.activeSheet;
    if (!view.sheet || !this.sheets.includes(view.sheet)) view.sheet = this.sheets[0];
    return view.sheet;
  }
  /** A sheet's selection as the running execution sees it (A1 in a time-driven run until it selects). */
  selectionOf(sheet: FakeSheet): Selection {
    const view = this.detachedView();
    if (!view) return sheet.selection;
    return view.selections.get(sheet) ?? { rect: { row: 1, column: 1, numRows: 1, numColumns: 1 }, shape: 'cells' };
  }
  /** Refuses a sheet name another sheet already has (ignoring case). */
  checkNewSheetName(name: string, renamed: FakeSheet | null): void {
    if (name.trim() === '') fail('Sheet names cannot be empty.');
    const existing = this.getSheetByName(name);
    if (existing && existing !== renamed) {
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  /** Adds a sheet without the API's checks (state restore, constructor). */
  addSheet(name: string, sheetId: number, position = this.sheets.length, maxRows = 1000, maxColumns = 26): FakeSheet {
    const sheet = new FakeSheet(this, name, sheetId, maxRows, maxColumns);
    this.sheets.splice(Math.min(Math.max(position, 0), this.sheets.length), 0, sheet);
    return sheet;
  }
  /** Instant (epoch ms) to the wall time a cell stores, in the spreadsheet's zone. */
  toWall(epochMs: number): number { return toWall(epochMs, this.timeZone); }
  /** Stored wall time to the instant getValues returns. */
  fromWall(wallMs: number): number { return fromWall(wallMs, this.timeZone); }

  /** The running execution's own view when it is a time-driven run, else null (the user's view). */
  private detachedView(): DetachedView | null {
    const execution = runningExecution();
    if (!execution?.trigger) return null;
    let view = this.detachedViews.get(execution);
    if (!view) {
      view = { sheet: null, selections: new Map() };
      this.detachedViews.set(execution, view);
    }
    return view;
  }

  private unusedSheetName(): string {
    for (let n = this.sheets.length + 1; ; n += 1) {
      if (!this.getSheetByName(`Sheet${n}`)) return `Sheet${n}`;
    }
  }
}
