import type { ApiShape } from '../core/api-shape';
import { fail, signatureMismatch } from '../core/errors';
import { fromWall, isKnownTimeZone, toWall } from '../core/timezone';
import { splitSheetPrefix } from './a1';
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

/** The active spreadsheet (the only one a currentonly add-on may open). */
export class FakeSpreadsheet implements ApiShape<RealSpreadsheet, typeof SPREADSHEET_API[number]> {
  static readonly apiName = 'Spreadsheet';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = SPREADSHEET_API;

  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet;
  private nextSheetId = 1;

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
  }
  getActiveCell(): FakeRange { return this.activeSheet.getActiveCell(); }
  getActiveRange(): FakeRange { return this.activeSheet.getActiveRange(); }
  getActiveSheet(): FakeSheet { return this.activeSheet; }
  getDataRange(): FakeRange { return this.activeSheet.getDataRange(); }
  getId(): string { return this.id; }
  getName(): string { return this.name; }
  getNumSheets(): number { return this.sheets.length; }
  getRange(a1Notation: string): FakeRange {
    const { sheetName } = splitSheetPrefix(String(a1Notation));
    if (sheetName !== null && !this.getSheetByName(sheetName)) fail('Range not found');
    return this.activeSheet.rangeByA1(String(a1Notation));
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
    this.activeSheet = sheet;
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
  toast(msg: string, _title?: string, _timeoutSeconds?: number | null): void {
    this.host.toasts.push(String(msg));
  }

  // ---- internals ----
  /** Makes a sheet (and optionally a range on it) the active selection. */
  activate(sheet: FakeSheet, range: FakeRange | null): void {
    this.activeSheet = sheet;
    if (range) sheet.selection = { rect: { ...range.rect }, shape: range.shape };
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

  private unusedSheetName(): string {
    for (let n = this.sheets.length + 1; ; n += 1) {
      if (!this.getSheetByName(`Sheet${n}`)) return `Sheet${n}`;
    }
  }
}
