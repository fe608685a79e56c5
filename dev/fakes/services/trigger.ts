import type { ApiShape } from '../core/api-shape';
import { asRealEnum } from '../core/enums';
import { EventType, type EventTypeName, TriggerSource, type WeekDayName } from './script-enums';

type RealTrigger = GoogleAppsScript.Script.Trigger;

/** The schedule of a time-driven trigger, as plain data (test-only view). */
export interface ClockConfig {
  kind: 'monthDay' | 'weekDay' | 'everyDays' | 'everyWeeks' | 'everyHours' | 'everyMinutes' | 'at' | 'after';
  monthDay?: number;
  weekDay?: WeekDayName;
  hour?: number;
  minute?: number;
  /** Every n days / weeks / hours / minutes. */
  interval?: number;
  /** ISO instant for at()/atDate()/after(). */
  at?: string;
  timeZone?: string;
}

/** A trigger as the account stores it. */
export interface TriggerData {
  id: string;
  handler: string;
  eventType: EventTypeName;
  /** The document the trigger belongs to (add-on triggers belong to one document); null for none. */
  documentId: string | null;
  config: ClockConfig | null;
}

const TRIGGER_API = ['getEventType', 'getHandlerFunction', 'getTriggerSource', 'getTriggerSourceId', 'getUniqueId'] as const;

/** One installable trigger of this user. `config` and `documentId` are test-only. */
export class FakeTrigger implements ApiShape<RealTrigger, typeof TRIGGER_API[number]> {
  static readonly apiName = 'Trigger';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = TRIGGER_API;

  constructor(readonly data: TriggerData) {}

  /** Test-only: the clock schedule (null for spreadsheet triggers). */
  get config(): ClockConfig | null { return this.data.config; }
  /** Test-only: the event type's name ('CLOCK', 'ON_OPEN'...); getEventType() returns the enum member. */
  get eventType(): EventTypeName { return this.data.eventType; }
  /** Test-only: the document the trigger belongs to. */
  get documentId(): string | null { return this.data.documentId; }

  getEventType(): GoogleAppsScript.Script.EventType {
    return asRealEnum<GoogleAppsScript.Script.EventType>(EventType[this.data.eventType]);
  }
  getHandlerFunction(): string { return this.data.handler; }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    const source = this.data.eventType === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
    return asRealEnum<GoogleAppsScript.Script.TriggerSource>(source);
  }
  getTriggerSourceId(): string | null { return this.data.eventType === 'CLOCK' ? null : this.data.documentId; }
  getUniqueId(): string { return this.data.id; }
}
