/**
 * The automatic audit (README "Automation: the automatic audit"): the one time-driven trigger an add-on may hold per
 * user per document. Enabling replaces the add-on's own trigger for this document and never
 * touches any other trigger (ScriptApp.getUserTriggers(spreadsheet), not getProjectTriggers(),
 * which for an add-on also lists the user's triggers in other documents).
 */
import { nextRunAfter, parseScheduleInput, type ScheduleConfig } from '../core/schedule';
import type { Schedule } from '../core/types';
import { activeSpreadsheet, openContractsTable, rememberedSheetId, rememberSheet } from '../sheets/contractsTable';
import { getPermissions, requireFeature } from '../sheets/permissions';
import { loadSettings } from '../sheets/settingsStore';
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

/** The schedule; without the permission to hold triggers it is simply off (nothing to list). */
export function getSchedule(): Schedule {
  return scheduleOf(getPermissions().schedule && ownTriggers().length > 0);
}

function createTrigger(config: ScheduleConfig, timeZone: string): void {
  const clock = ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased();
  const timed = config.frequency === 'weekly'
    ? clock.onWeekDay(ScriptApp.WeekDay[config.weekday])
    : clock.onMonthDay(config.dayOfMonth);
  timed.atHour(config.hour).inTimezone(timeZone).create();
}

/**
 * Validates first (bad input keeps the current trigger), saves the configuration, then replaces
 * the add-on's own trigger: a failed save leaves no orphan trigger, and a failed trigger leaves
 * the schedule off (it is on exactly when the trigger exists). Remembers the sheet the sidebar
 * shows when no sheet is remembered yet, so the scheduled run audits that one.
 */
export function enableSchedule(input?: unknown): Schedule {
  requireFeature('schedule');
  const state = loadScheduleState();
  // Fields left out take the defaults (monthly, day 1, 9 o'clock), not the previous trigger's.
  const config = parseScheduleInput(input === undefined || input === null ? {} : input);
  const timeZone = activeSpreadsheet().getSpreadsheetTimeZone();
  saveScheduleState({ ...state, config });
  if (rememberedSheetId() === null) {
    try {
      rememberSheet(openContractsTable(loadSettings().settings, 'remembered', { headerOnly: true }).sheet);
    } catch (_e) { /* no table yet: the first scheduled run takes the first sheet that holds one */ }
  }
  for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  createTrigger(config, timeZone);
  return scheduleOf(true);
}

export function disableSchedule(): Schedule {
  requireFeature('schedule');
  for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
  return scheduleOf(false);
}
