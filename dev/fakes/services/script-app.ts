import type { ApiShape } from '../core/api-shape';
import { memberName } from '../core/enums';
import { MANIFEST_SCOPES } from '../core/scopes';
import { isDate } from '../core/clock';
import { fail, signatureMismatch } from '../core/errors';
import { isKnownTimeZone } from '../core/timezone';
import type { Grants } from '../core/scopes';
import { FakeSpreadsheet } from '../sheets/spreadsheet';
import type { UiRecord } from '../ui/records';
import { type AuthorizationState, FakeAuthorizationInfo, requireScopes } from './authorization';
import {
  AuthMode, AuthorizationStatus, EventType, type EventTypeName, InstallationSource, TriggerSource, WeekDay,
} from './script-enums';
import { type ClockConfig, FakeTrigger, type TriggerData } from './trigger';

type RealScriptApp = GoogleAppsScript.Script.ScriptApp;
type RealTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type RealClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type RealSheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** The account's triggers and authorization state, shared by all executions. */
export class TriggerState {
  triggers: FakeTrigger[] = [];
  reauthorizationRequired = false;
  nextId = 1;

  /** A new unique trigger id (numeric text, like Apps Script's). */
  newId(): string { return String(4_200_000_000 + this.nextId++); }
}

/** What ScriptApp needs to know about the execution. */
export interface ScriptContext {
  state: TriggerState; documentId: string; scriptTimeZone: string; scriptId: string; nowMs: () => number;
  /** The scopes the user granted, and where consent prompts are recorded. */
  grants: Grants; ui: UiRecord;
}

const MAX_TRIGGERS_PER_USER = 20;

const APP_API = ['deleteTrigger', 'getAuthorizationInfo', 'getProjectTriggers', 'getScriptId', 'getUserTriggers',
  'newTrigger', 'requireAllScopes', 'requireScopes'] as const;
const BUILDER_API = ['forSpreadsheet', 'timeBased'] as const;
const CLOCK_API = ['after', 'at', 'atDate', 'atHour', 'create', 'everyDays', 'everyHours', 'everyMinutes',
  'everyWeeks', 'inTimezone', 'nearMinute', 'onMonthDay', 'onWeekDay'] as const;
const SHEET_TRIGGER_API = ['create', 'onChange', 'onEdit', 'onFormSubmit', 'onOpen'] as const;

/** ScriptApp: triggers (with the add-on limits), authorization info and the enums. */
export class FakeScriptApp implements ApiShape<RealScriptApp, typeof APP_API[number]> {
  static readonly apiName = 'ScriptApp';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = [...APP_API, 'AuthMode', 'AuthorizationStatus', 'WeekDay', 'EventType',
    'TriggerSource', 'InstallationSource'];

  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly WeekDay = WeekDay;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly InstallationSource = InstallationSource;

  constructor(private readonly context: ScriptContext) {}

  deleteTrigger(trigger: FakeTrigger): void {
    if (!(trigger instanceof FakeTrigger)) signatureMismatch([trigger], 'ScriptApp.deleteTrigger');
    this.context.state.triggers = this.context.state.triggers.filter((t) => t.data.id !== trigger.data.id);
  }
  /** getAuthorizationInfo(authMode) or getAuthorizationInfo(authMode, oAuthScopes). */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]): FakeAuthorizationInfo {
    if (memberName(AuthMode, authMode) === null || (oAuthScopes !== undefined && !isScopeList(oAuthScopes))) {
      signatureMismatch(oAuthScopes === undefined ? [authMode] : [authMode, oAuthScopes], 'ScriptApp.getAuthorizationInfo');
    }
    return new FakeAuthorizationInfo(this.authorization(), oAuthScopes === undefined ? null : oAuthScopes.map(String));
  }
  /** All of this user's triggers of the project, in every document. */
  getProjectTriggers(): FakeTrigger[] { return [...this.context.state.triggers]; }
  getScriptId(): string { return this.context.scriptId; }
  /** This user's triggers belonging to the given document. */
  getUserTriggers(document: FakeSpreadsheet): FakeTrigger[] {
    if (!(document instanceof FakeSpreadsheet)) signatureMismatch([document], 'ScriptApp.getUserTriggers');
    return this.context.state.triggers.filter((t) => t.data.documentId === document.getId());
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') signatureMismatch([functionName], 'ScriptApp.newTrigger');
    return new FakeTriggerBuilder(this.context, functionName);
  }
  /** Ends the execution with a consent prompt unless every manifest scope is granted. */
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    if (memberName(AuthMode, authMode) === null) signatureMismatch([authMode], 'ScriptApp.requireAllScopes');
    requireScopes(this.authorization(), MANIFEST_SCOPES);
  }
  /** Ends the execution with a consent prompt unless every given scope is granted. */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    if (memberName(AuthMode, authMode) === null || !isScopeList(oAuthScopes)) {
      signatureMismatch([authMode, oAuthScopes], 'ScriptApp.requireScopes');
    }
    requireScopes(this.authorization(), oAuthScopes.map(String));
  }

  private authorization(): AuthorizationState {
    const { state, grants, ui } = this.context;
    return { grants, ui, reauthorizationRequired: () => state.reauthorizationRequired };
  }
}

function isScopeList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** ScriptApp.newTrigger(fn). */
export class FakeTriggerBuilder implements ApiShape<RealTriggerBuilder, typeof BUILDER_API[number]> {
  static readonly apiName = 'TriggerBuilder';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = BUILDER_API;

  constructor(private readonly context: ScriptContext, private readonly handler: string) {}

  forSpreadsheet(sheet: FakeSpreadsheet | string): FakeSpreadsheetTriggerBuilder {
    const id = sheet instanceof FakeSpreadsheet ? sheet.getId() : String(sheet);
    if (id !== this.context.documentId) {
      fail('You do not have permission to call ScriptApp.newTrigger for another spreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    }
    return new FakeSpreadsheetTriggerBuilder(this.context, this.handler, id);
  }
  timeBased(): FakeClockTriggerBuilder { return new FakeClockTriggerBuilder(this.context, this.handler); }
}

/** Saves a trigger, enforcing the add-on limits (one trigger of each type per user per document). */
function install(context: ScriptContext, data: Omit<TriggerData, 'id'>): FakeTrigger {
  const { state } = context;
  if (state.triggers.length >= MAX_TRIGGERS_PER_USER) {
    fail('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  const sameKind = state.triggers.filter((t) => t.data.documentId === data.documentId && t.data.eventType === data.eventType);
  if (sameKind.length > 0) {
    fail(data.eventType === 'CLOCK'
      ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
      : `This add-on has created too many ${triggerNoun(data.eventType)} triggers in this document for this Google user account.`);
  }
  const trigger = new FakeTrigger({ ...data, id: state.newId() });
  state.triggers.push(trigger);
  return trigger;
}

function triggerNoun(eventType: EventTypeName): string {
  return eventType.replace(/^ON_/, '').toLowerCase().replace(/_/g, ' ');
}

/** newTrigger(fn).timeBased()... create(). Add-ons may run at most hourly. */
export class FakeClockTriggerBuilder implements ApiShape<RealClockBuilder, typeof CLOCK_API[number]> {
  static readonly apiName = 'ClockTriggerBuilder';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = CLOCK_API;

  private config: Partial<ClockConfig> = {};

  constructor(private readonly context: ScriptContext, private readonly handler: string) {}

  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    return this.set({ kind: 'after', at: new Date(this.context.nowMs() + durationMilliseconds).toISOString() });
  }
  at(date: Date): FakeClockTriggerBuilder {
    if (!isDate(date)) signatureMismatch([date], 'ClockTriggerBuilder.at');
    return this.set({ kind: 'at', at: new Date(date.getTime()).toISOString() });
  }
  atDate(year: number, month: number, day: number): FakeClockTriggerBuilder {
    return this.set({ kind: 'at', at: new Date(Date.UTC(year, month - 1, day)).toISOString() });
  }
  atHour(hour: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) fail('Invalid argument: hour');
    this.config.hour = hour;
    return this;
  }
  create(): FakeTrigger {
    const { kind } = this.config;
    if (!kind) fail('A time-based trigger needs a schedule (for example everyDays, onWeekDay or onMonthDay).');
    if (this.config.hour !== undefined && !['everyDays', 'everyWeeks', 'weekDay', 'monthDay'].includes(kind)) {
      fail('atHour() can only be used with everyDays(), everyWeeks(), onWeekDay() or onMonthDay().');
    }
    const config: ClockConfig = { ...this.config, kind, timeZone: this.config.timeZone ?? this.context.scriptTimeZone };
    return install(this.context, { handler: this.handler, eventType: 'CLOCK', documentId: this.context.documentId, config });
  }
  everyDays(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) fail('Invalid argument: n');
    return this.set({ kind: 'everyDays', interval: n });
  }
  everyHours(n: number): FakeClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) fail('The number of hours must be 1, 2, 4, 6, 8 or 12.');
    return this.set({ kind: 'everyHours', interval: n });
  }
  everyMinutes(_n: number): FakeClockTriggerBuilder {
    return fail('Add-ons may not create time-based triggers that run more often than once per hour.');
  }
  everyWeeks(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) fail('Invalid argument: n');
    return this.set({ kind: this.config.kind === 'weekDay' ? 'weekDay' : 'everyWeeks', interval: n });
  }
  inTimezone(timezone: string): FakeClockTriggerBuilder {
    if (!isKnownTimeZone(String(timezone))) fail(`Invalid argument: timezone`);
    this.config.timeZone = String(timezone);
    return this;
  }
  nearMinute(minute: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) fail('Invalid argument: minute');
    this.config.minute = minute;
    return this;
  }
  onMonthDay(day: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(day) || day < 1 || day > 31) fail('Invalid argument: day');
    if (this.config.kind === 'weekDay') fail('onMonthDay() cannot be combined with onWeekDay().');
    return this.set({ kind: 'monthDay', monthDay: day });
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): FakeClockTriggerBuilder {
    const name = memberName(WeekDay, day);
    if (name === null) return signatureMismatch([day], 'ClockTriggerBuilder.onWeekDay');
    if (this.config.kind === 'monthDay') fail('onWeekDay() cannot be combined with onMonthDay().');
    return this.set({ kind: 'weekDay', weekDay: name });
  }

  private set(patch: Partial<ClockConfig>): FakeClockTriggerBuilder {
    Object.assign(this.config, patch);
    return this;
  }
}

/** newTrigger(fn).forSpreadsheet(ss).onOpen()/onEdit()/onChange()/onFormSubmit().create(). */
export class FakeSpreadsheetTriggerBuilder implements ApiShape<RealSheetTriggerBuilder, typeof SHEET_TRIGGER_API[number]> {
  static readonly apiName = 'SpreadsheetTriggerBuilder';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = SHEET_TRIGGER_API;

  private eventType: EventTypeName | null = null;

  constructor(private readonly context: ScriptContext, private readonly handler: string,
    private readonly documentId: string) {}

  create(): FakeTrigger {
    if (!this.eventType) fail('A spreadsheet trigger needs an event (onOpen, onEdit, onChange or onFormSubmit).');
    return install(this.context, { handler: this.handler, eventType: this.eventType, documentId: this.documentId, config: null });
  }
  onChange(): FakeSpreadsheetTriggerBuilder { this.eventType = 'ON_CHANGE'; return this; }
  onEdit(): FakeSpreadsheetTriggerBuilder { this.eventType = 'ON_EDIT'; return this; }
  onFormSubmit(): FakeSpreadsheetTriggerBuilder { this.eventType = 'ON_FORM_SUBMIT'; return this; }
  onOpen(): FakeSpreadsheetTriggerBuilder { this.eventType = 'ON_OPEN'; return this; }
}
