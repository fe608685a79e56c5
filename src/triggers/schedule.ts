/**
 * The automatic audit (SPEC.md "Automation"): the one time-driven trigger an add-on may hold per
 * user per document. Enabling replaces the add-on's own trigger for this document and never
 * touches any other trigger (ScriptApp.getUserTriggers(spreadsheet), not getProjectTriggers(),
 * which for an add-on also lists the user's triggers in other documents).
 */
import { nextRunAfter, parseScheduleInput, type ScheduleConfig } from '../core/schedule';
import type { Schedule } from '../core/types';
import { activeSpreadsheet } from '../sheets/contractsTable';
import { offsetMinutesIn } from '../sheets/timeZone';
import { loadScheduleState, saveScheduleState } from './scheduleStore';

export const SCHEDULED_HANDLER = 'scheduledAudit';

function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(activeSpreadsheet()).filter((t) =>
    t.getHandlerFunction() === SCHEDULED_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK);
}

function scheduleOf(enabled: boolean): Schedule {
  const state = loadScheduleState();
  const timeZone = activeSpreadsheet().getSpreadsheetTimeZone();
  return {
    enabled, ...state.config,
    nextRun: enabled ? nextRunAfter(state.config, Date.now(), offsetMinutesIn(timeZone)) : null,
    lastRun: state.lastRun, lastError: state.lastError,
  };
}

export function getSchedule(): Schedule {
  return scheduleOf(ownTriggers().length > 0);
}

function createTrigger(config: ScheduleConfig, timeZone: string): void {
  const clock = ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased();
  const timed = config.frequency === 'weekly'
    ? clock.onWeekDay(ScriptApp.WeekDay[config.weekday])
    : clock.onMonthDay(config.dayOfMonth);
  timed.atHour(config.hour).inTimezone(timeZone).create();
}

/** Validates first (bad input keeps the current trigger), then replaces the add-on's own trigger. */
export function enableSchedule(input?: unknown): Schedule {
  const state = loadScheduleState();
  // Fields left out take SPEC's defaults (monthly, day 1, 9 o'clock), not the previous trigger's.
  const config = parseScheduleInput(input === undefined || input === null ? {} : input);
  const timeZone = activeSpreadsheet().getSpreadsheetTimeZone();
  for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  createTrigger(config, timeZone);
  saveScheduleState({ ...state, config });
  return scheduleOf(true);
}

export function disableSchedule(): Schedule {
  for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  return scheduleOf(false);
}
