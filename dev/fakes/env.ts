import { join } from 'node:path';
import { CallCounter } from './core/calls';
import { CallHooks, type CallInfo, type CallListener, type InterleaveSpec } from './core/call-hooks';
import { CallPipeline } from './core/call-pipeline';
import { Faults } from './core/faults';
import { Latency } from './core/latency';
import { CONSUMER_EXECUTION_MS, type ExecutionLimits, pastTimeLimit, TIME_LIMIT_MESSAGE } from './core/limits';
import { Grants, MANIFEST_SCOPES } from './core/scopes';
import { repoRoot } from './repo-root';
import { createClock, createZonedDate, type FakeClock } from './core/clock';
import { type AuthModeName, type Execution, newExecution } from './core/execution';
import { startOfDay } from './core/timezone';
import { Tracker } from './core/tracker';
import { columnLetter, columnNumber, parseA1, toA1 } from './sheets/a1';
import { isDateValue } from './sheets/cell';
import type { RuleData } from './sheets/conditional-format';
import { FakeSpreadsheet } from './sheets/spreadsheet';
import { FakeSpreadsheetApp } from './sheets/spreadsheet-app';
import { type CacheStore, type CacheStores, FakeCacheService } from './services/cache';
import { FakeGmailApp, GmailState } from './services/gmail';
import { FakeLockService, type LockHolders, type LockKind } from './services/lock';
import { createConsole, FakeLogger } from './services/logger';
import { FakeMailApp, MailState } from './services/mail';
import { FakePropertiesService, type PropertyStores } from './services/properties';
import { FakeScriptApp, TriggerState } from './services/script-app';
import { type EventTypeName } from './services/script-enums';
import { FakeSession } from './services/session';
import { type ClockConfig, FakeTrigger } from './services/trigger';
import { FakeUtilities } from './services/utilities';
import type { CellState, FakeState, FilterState, SheetState } from './state';
import { cloneCriteria } from './sheets/filter-criteria';
import { isoToWall, wallToIso } from './state';
import { FakeHtmlService } from './ui/html-service';
import { emptyUiRecord, type UiRecord } from './ui/records';
import type { FakeSheet } from './sheets/sheet';

export interface FakeOptions {
  /** Fixed clock; default: real time. ISO strings allowed. */
  now?: Date | string;
  /** Spreadsheet time zone (IANA), default 'America/New_York'. */
  timeZone?: string;
  /** Session.getScriptTimeZone(), default same as timeZone. */
  scriptTimeZone?: string;
  /** Spreadsheet locale, default 'en_US'. */
  locale?: string;
  /** Default 'freelancer@example.com'. */
  userEmail?: string;
  /** Default 'My contracts'. */
  spreadsheetName?: string;
  /** Default a fixed fake id. */
  spreadsheetId?: string;
  /** Title of the add-on menu (createAddonMenu), default 'Contract Audit'. */
  addonTitle?: string;
  /** HTML files by name (without .html); default: read lazily from <repo>/dist/<name>.html. */
  htmlFiles?: Record<string, string>;
  /** Where HTML files are read from when htmlFiles is not given. */
  distDir?: string;
  /** The scopes the user granted (Google's granular consent); default: every manifest scope. */
  grantedScopes?: string[];
  /** Start from a saved account (see toJSON). */
  state?: FakeState;
}

/** Options of one simulated execution. */
export interface ExecutionOptions {
  authMode?: AuthModeName;
  /**
   * Run as a time-driven trigger: no UI (getUi() throws, toasts show nothing) and no active
   * sheet of its own (the first sheet is the active sheet), as in Apps Script.
   */
  trigger?: boolean;
}

/** How an execution ended, for the bundle loader. */
export interface ExecutionEnding {
  /** The error that ended it for good (time limit, consent prompt), even if the script caught it. */
  ended: string | null;
  /** Errors thrown by call hooks (test code) during the execution. */
  hookErrors: unknown[];
}

/** A seeded trigger's details (for addUserTrigger). */
export interface SeedTriggerOptions { eventType?: EventTypeName; config?: ClockConfig | null }

const EXECUTION = Symbol.for('fake-apps-script.execution');
const DEFAULT_SPREADSHEET_ID = '1FakeSpreadsheetId0ContractAudit0000000000';

/** The whole simulated Google account plus the one spreadsheet open in it. */
export class FakeAppsScript {
  readonly clock: FakeClock;
  /** The Date class put in every execution's globals: follows the clock, local time in the script's zone. */
  readonly Date: DateConstructor;
  readonly calls = new CallCounter();
  readonly ui: UiRecord = emptyUiRecord();
  readonly gmail = new GmailState();
  readonly mail = new MailState();
  readonly properties: PropertyStores = { document: new Map(), user: new Map(), script: new Map() };
  readonly cache: CacheStores = { document: new Map(), user: new Map(), script: new Map() };
  readonly logs: string[] = [];
  /** Injected failures: `failNext(method, { nth, message, executionScoped })`, `clear()`. */
  readonly faults = new Faults();
  /** What calls cost on the fake clock: `set('GmailApp.createDraft', 1500)`, `get`, `clear()`. */
  readonly latency = new Latency();
  /** Apps Script's limits: `executionMs` (default 6 minutes, a consumer account). */
  readonly limits: ExecutionLimits = { executionMs: CONSUMER_EXECUTION_MS };
  /** Test code run between a script's calls (see onCall / interleave). */
  readonly hooks = new CallHooks();
  readonly lock: {
    /** Simulates another execution holding the lock (document by default). */
    holdByOtherExecution(kind?: LockKind): void;
    /** Frees the lock whoever holds it. */
    release(kind?: LockKind): void;
    /** Who holds it: 'other', an execution id, or null. */
    holder(kind?: LockKind): number | 'other' | null;
  };
  private readonly lockHolders: LockHolders = { document: null, script: null, user: null };
  private readonly triggerState = new TriggerState();
  private readonly grants: Grants;
  private readonly pipeline: CallPipeline;
  private readonly settings: { scriptTimeZone: string; userEmail: string; addonTitle: string };
  private readonly htmlSource: { files?: Record<string, string>; distDir: string };
  private sheetsModel: FakeSpreadsheet;

  constructor(options: FakeOptions = {}) {
    const timeZone = options.timeZone ?? 'America/New_York';
    this.clock = createClock(options.now, () => this.sheetsModel.timeZone);
    this.Date = createZonedDate(() => this.clock.nowMs(), () => this.settings.scriptTimeZone);
    this.settings = {
      scriptTimeZone: options.scriptTimeZone ?? timeZone,
      userEmail: options.userEmail ?? 'freelancer@example.com',
      addonTitle: options.addonTitle ?? 'Contract Audit',
    };
    this.htmlSource = { files: options.htmlFiles, distDir: options.distDir ?? join(repoRoot(), 'dist') };
    this.grants = new Grants(options.grantedScopes ?? MANIFEST_SCOPES);
    this.pipeline = new CallPipeline({
      counter: this.calls, hooks: this.hooks, faults: this.faults, latency: this.latency, limits: this.limits,
      grants: this.grants, nowMs: () => this.clock.nowMs(), advanceClock: (ms) => this.clock.advance(ms),
      documentId: () => this.sheetsModel.getId(),
    });
    this.sheetsModel = new FakeSpreadsheet(this.spreadsheetHost(), options.spreadsheetId ?? DEFAULT_SPREADSHEET_ID,
      options.spreadsheetName ?? 'My contracts', timeZone, options.locale ?? 'en_US');
    const holders = this.lockHolders;
    this.lock = {
      holdByOtherExecution: (kind = 'document') => { holders[kind] = 'other'; },
      release: (kind = 'document') => { holders[kind] = null; },
      holder: (kind = 'document') => holders[kind],
    };
    if (options.state) this.restore(options.state);
  }

  /** The active spreadsheet (test side: calls are not counted, helpers available). */
  get spreadsheet(): FakeSpreadsheet { return this.sheetsModel; }

  /** All triggers of this user (any document). */
  get triggers(): FakeTrigger[] { return [...this.triggerState.triggers]; }

  /** Seeds a trigger the user made elsewhere (default: a daily clock trigger in another document). */
  addUserTrigger(handler: string, documentId = 'another-document-id', options: SeedTriggerOptions = {}): FakeTrigger {
    const eventType = options.eventType ?? 'CLOCK';
    const config = options.config !== undefined ? options.config
      : eventType === 'CLOCK' ? { kind: 'everyDays' as const, interval: 1, hour: 9, timeZone: this.settings.scriptTimeZone } : null;
    const trigger = new FakeTrigger({ id: this.triggerState.newId(), handler, eventType, documentId, config });
    this.triggerState.triggers.push(trigger);
    return trigger;
  }

  /** Makes ScriptApp.getAuthorizationInfo() report REQUIRED (true) or NOT_REQUIRED (false). */
  requireReauthorization(flag: boolean): void { this.triggerState.reauthorizationRequired = flag; }

  /** The user grants these scopes (at a consent prompt). */
  grant(scopes: string | string[]): void { this.grants.grant(typeof scopes === 'string' ? [scopes] : scopes); }
  /** The user declines (or revokes) these scopes: calls needing them are refused. */
  decline(scopes: string | string[]): void { this.grants.decline(typeof scopes === 'string' ? [scopes] : scopes); }
  /** The scopes granted now. */
  grantedScopes(): string[] { return this.grants.list(); }

  /**
   * Runs `listener` after every counted call of every execution (test side, uncounted); returns
   * the unsubscribe. See CallHooks.
   */
  onCall(listener: CallListener): () => void { return this.hooks.onCall(listener); }
  /** The user acting mid-execution: `spec.run` after the nth call matching `spec.after` (every one with `every`). */
  interleave(spec: InterleaveSpec): () => void { return this.hooks.interleave(spec); }
  /** Runs `fn` once after the nth call of `method` ('Range.getValues') made from now on. */
  interleaveOnce(method: string, nth: number, fn: (call: CallInfo) => void): () => void {
    return this.hooks.interleaveOnce(method, nth, fn);
  }

  /** The Date a date cell holding that day returns: midnight of the day in the spreadsheet's zone. */
  localDate(isoDay: string): Date {
    return new this.Date(startOfDay(isoDay, this.sheetsModel.timeZone));
  }

  /** The globals of a NEW simulated execution (put them in a vm context). */
  globals(options: ExecutionOptions = {}): Record<string, unknown> {
    const execution = newExecution(options.authMode ?? 'FULL', 'script',
      { trigger: options.trigger, startedAtMs: this.clock.nowMs() });
    this.faults.executionStarted(execution.id);
    const tracker = new Tracker(this.pipeline, execution);
    const spreadsheet = this.sheetsModel;
    const globals: Record<string, unknown> = {
      SpreadsheetApp: tracker.present(new FakeSpreadsheetApp({
        spreadsheet, ui: this.ui, addonTitle: this.settings.addonTitle, fromTrigger: Boolean(options.trigger),
      })),
      HtmlService: tracker.present(new FakeHtmlService(this.htmlSource)),
      GmailApp: tracker.present(new FakeGmailApp(this.gmail)),
      MailApp: tracker.present(new FakeMailApp(this.mail)),
      ScriptApp: tracker.present(new FakeScriptApp({
        state: this.triggerState, documentId: spreadsheet.getId(), scriptTimeZone: this.settings.scriptTimeZone,
        scriptId: 'fake-script-id', nowMs: () => this.clock.nowMs(), grants: this.grants, ui: this.ui,
      })),
      PropertiesService: tracker.present(new FakePropertiesService(this.properties)),
      LockService: tracker.present(new FakeLockService(this.lockHolders, execution.id)),
      CacheService: tracker.present(new FakeCacheService(this.cache, () => this.clock.nowMs())),
      Session: tracker.present(new FakeSession({
        userEmail: this.settings.userEmail, scriptTimeZone: this.settings.scriptTimeZone, locale: spreadsheet.locale,
      })),
      Utilities: tracker.present(new FakeUtilities((ms) => this.clock.advance(ms))),
      Logger: tracker.present(new FakeLogger(this.logs)),
      console: createConsole(this.logs),
      Date: this.Date,
    };
    Object.defineProperty(globals, EXECUTION, { value: execution, enumerable: false });
    return globals;
  }

  /** Tells the execution behind a globals object which realm's Error to throw (the loader calls this). */
  bindRealm(globals: Record<string, unknown>, errorConstructor: ErrorConstructor): void {
    executionOf(globals).errorConstructor = errorConstructor;
  }

  /**
   * Ends an execution: releases the locks it still holds, as Apps Script does when a script
   * returns, and drops its execution-scoped faults. Tells whether something ended it for good:
   * past the time limit the script was killed, whatever it caught.
   */
  finishExecution(globals: Record<string, unknown>): ExecutionEnding {
    const execution = executionOf(globals);
    for (const kind of Object.keys(this.lockHolders) as LockKind[]) {
      if (this.lockHolders[kind] === execution.id) this.lockHolders[kind] = null;
    }
    this.faults.executionEnded(execution.id);
    if (execution.ended === null && pastTimeLimit(execution.startedAtMs, this.clock.nowMs(), this.limits)) {
      execution.ended = TIME_LIMIT_MESSAGE;
    }
    return { ended: execution.ended, hookErrors: this.hooks.errors.splice(0) };
  }

  /** The whole account as JSON. */
  toJSON(): FakeState {
    const ss = this.sheetsModel;
    return {
      version: 1,
      clock: { now: this.clock.now().toISOString(), fixed: this.clock.isFixed() },
      settings: { ...this.settings, spreadsheetId: ss.getId() },
      spreadsheet: {
        name: ss.name, timeZone: ss.timeZone, locale: ss.locale, activeSheet: ss.activeSheet.name,
        sheets: ss.sheets.map(sheetState),
      },
      properties: {
        document: Object.fromEntries(this.properties.document), user: Object.fromEntries(this.properties.user),
        script: Object.fromEntries(this.properties.script),
      },
      cache: { document: cacheState(this.cache.document), user: cacheState(this.cache.user), script: cacheState(this.cache.script) },
      gmail: { drafts: structuredClone(this.gmail.drafts), successesLeft: this.gmail.successesLeft, nextId: this.gmail.nextId },
      mail: { sent: structuredClone(this.mail.sent), remainingQuota: this.mail.remainingQuota },
      triggers: this.triggerState.triggers.map((t) => structuredClone(t.data)),
      nextTriggerId: this.triggerState.nextId,
      reauthorizationRequired: this.triggerState.reauthorizationRequired,
      grantedScopes: this.grants.list(),
      locksHeldByOther: (Object.keys(this.lockHolders) as LockKind[]).filter((k) => this.lockHolders[k] === 'other'),
      ui: structuredClone(this.ui),
    };
  }

  /** Replaces the whole account with a saved one. */
  restore(state: FakeState): void {
    if (state.version !== 1) throw new Error(`Unknown fake state version ${String(state.version)}`);
    if (state.clock.fixed) this.clock.set(state.clock.now);
    Object.assign(this.settings, {
      scriptTimeZone: state.settings.scriptTimeZone, userEmail: state.settings.userEmail, addonTitle: state.settings.addonTitle,
    });
    const ss = new FakeSpreadsheet(this.spreadsheetHost(), state.settings.spreadsheetId, state.spreadsheet.name,
      state.spreadsheet.timeZone, state.spreadsheet.locale);
    ss.sheets.length = 0;
    for (const sheet of state.spreadsheet.sheets) restoreSheet(ss, sheet);
    ss.activeSheet = ss.getSheetByName(state.spreadsheet.activeSheet) ?? ss.sheets[0];
    this.sheetsModel = ss;
    for (const key of ['document', 'user', 'script'] as const) {
      replaceMap(this.properties[key], Object.entries(state.properties[key]));
      replaceMap(this.cache[key], Object.entries(state.cache[key]).map(([k, v]) => [k, { value: v.value, expiresAt: Date.parse(v.expiresAt) }]));
    }
    this.gmail.drafts = structuredClone(state.gmail.drafts);
    this.gmail.successesLeft = state.gmail.successesLeft;
    this.gmail.nextId = state.gmail.nextId;
    this.mail.sent = structuredClone(state.mail.sent);
    this.mail.remainingQuota = state.mail.remainingQuota;
    this.triggerState.triggers = state.triggers.map((data) => new FakeTrigger(structuredClone(data)));
    this.triggerState.nextId = state.nextTriggerId;
    this.triggerState.reauthorizationRequired = state.reauthorizationRequired;
    this.grants.replace(state.grantedScopes ?? MANIFEST_SCOPES);
    for (const kind of Object.keys(this.lockHolders) as LockKind[]) {
      this.lockHolders[kind] = state.locksHeldByOther.includes(kind) ? 'other' : null;
    }
    Object.assign(this.ui, emptyUiRecord(), structuredClone(state.ui));
  }

  private spreadsheetHost() {
    return { Date: this.Date, toasts: this.ui.toasts };
  }
}

function executionOf(globals: Record<string, unknown>): Execution {
  const execution = (globals as Record<symbol, Execution | undefined>)[EXECUTION];
  if (!execution) throw new Error('Not a globals object made by FakeAppsScript.globals()');
  return execution;
}

function replaceMap<K, V>(map: Map<K, V>, entries: Iterable<readonly [K, V]>): void {
  map.clear();
  for (const [key, value] of entries) map.set(key, value);
}

function cacheState(store: CacheStore): Record<string, { value: string; expiresAt: string }> {
  const out: Record<string, { value: string; expiresAt: string }> = {};
  for (const [key, entry] of store) out[key] = { value: entry.value, expiresAt: new Date(entry.expiresAt).toISOString() };
  return out;
}

function sheetState(sheet: FakeSheet): SheetState {
  const cells: Record<string, CellState> = {};
  for (const { row, column, cell } of sheet.storedCells()) {
    const state: CellState = {};
    if (isDateValue(cell.value)) state.date = wallToIso(cell.value.wall);
    else if (cell.value !== '') state.value = cell.value;
    if (cell.formula) state.formula = cell.formula;
    if (cell.note) state.note = cell.note;
    if (cell.background) state.background = cell.background;
    if (cell.numberFormat) state.numberFormat = cell.numberFormat;
    if (cell.fontWeight) state.fontWeight = cell.fontWeight;
    if (cell.validation) state.validation = structuredClone(cell.validation);
    if (Object.keys(state).length > 0) cells[toA1({ row, column, numRows: 1, numColumns: 1 })] = state;
  }
  return {
    name: sheet.name, sheetId: sheet.sheetId, maxRows: sheet.maxRows, maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows, frozenColumns: sheet.frozenColumns,
    selection: toA1(sheet.selection.rect, sheet.selection.shape),
    rules: sheet.rules.map((rule: RuleData) => ({
      criteria: rule.criteria, values: structuredClone(rule.values), background: rule.background,
      fontColor: rule.fontColor, bold: rule.bold, italic: rule.italic,
      ranges: rule.ranges.map((range) => range.getA1Notation()),
    })),
    cells,
    merges: sheet.merges.map((rect) => toA1(rect)),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    filter: sheet.filter ? filterState(sheet.filter) : null,
  };
}

function filterState(filter: NonNullable<FakeSheet['filter']>): FilterState {
  const criteria: FilterState['criteria'] = {};
  for (const [column, data] of [...filter.criteria].sort(([a], [b]) => a - b)) criteria[columnLetter(column)] = cloneCriteria(data);
  return { range: toA1(filter.rect), criteria };
}

function restoreSheet(ss: FakeSpreadsheet, state: SheetState): void {
  const sheet = ss.addSheet(state.name, state.sheetId, ss.sheets.length, state.maxRows, state.maxColumns);
  sheet.frozenRows = state.frozenRows;
  sheet.frozenColumns = state.frozenColumns;
  for (const [a1, cellState] of Object.entries(state.cells)) {
    const { row, column } = parseA1(a1, state.maxRows, state.maxColumns);
    const cell = sheet.cellForWrite(row, column);
    cell.value = cellState.date !== undefined ? { wall: isoToWall(cellState.date) } : cellState.value ?? '';
    cell.formula = cellState.formula ?? '';
    cell.note = cellState.note ?? '';
    cell.background = cellState.background ?? null;
    cell.numberFormat = cellState.numberFormat ?? null;
    cell.fontWeight = cellState.fontWeight ?? null;
    cell.validation = cellState.validation ? structuredClone(cellState.validation) : null;
  }
  const selection = sheet.rangeByA1(state.selection);
  sheet.selection = { rect: selection.rect, shape: selection.shape };
  sheet.rules = state.rules.map((rule) => ({
    criteria: rule.criteria as RuleData['criteria'], values: structuredClone(rule.values), background: rule.background,
    fontColor: rule.fontColor, bold: rule.bold, italic: rule.italic,
    ranges: rule.ranges.map((a1) => sheet.rangeByA1(a1)),
  }));
  sheet.merges = (state.merges ?? []).map((a1) => ({ ...sheet.rangeByA1(a1).rect }));
  sheet.hiddenRows = new Set(state.hiddenRows ?? []);
  sheet.filter = state.filter ? {
    rect: { ...sheet.rangeByA1(state.filter.range).rect },
    criteria: new Map(Object.entries(state.filter.criteria).map(([letter, data]) => [columnNumber(letter), cloneCriteria(data)])),
  } : null;
}
