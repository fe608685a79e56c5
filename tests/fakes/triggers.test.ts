// ScriptApp triggers with the add-on rules, and authorization info.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

describe('time-driven triggers', () => {
  it('records the schedule and exposes the real Trigger methods', () => {
    const env = createFakeAppsScript({ timeZone: 'Europe/Paris' });
    const { ScriptApp } = scriptGlobals(env);
    const trigger = ScriptApp.newTrigger('scheduledAudit').timeBased().onMonthDay(15).atHour(7).nearMinute(30).create();
    expect(trigger.getHandlerFunction()).toBe('scheduledAudit');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    expect(trigger.getUniqueId()).toBe(env.triggers[0].getUniqueId());
    expect(env.triggers[0].config).toEqual({ kind: 'monthDay', monthDay: 15, hour: 7, minute: 30, timeZone: 'Europe/Paris' });
    expect(env.triggers[0].eventType).toBe('CLOCK');
    expect(env.triggers[0].documentId).toBe(env.spreadsheet.getId());
  });

  it('allows one time-driven trigger per user per document, with the Apps Script error', () => {
    const env = createFakeAppsScript();
    const { ScriptApp } = scriptGlobals(env);
    ScriptApp.newTrigger('scheduledAudit').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).inTimezone('Asia/Tokyo').create();
    expect(env.triggers[0].config).toEqual({ kind: 'weekDay', weekDay: 'MONDAY', hour: 8, timeZone: 'Asia/Tokyo' });
    expect(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(9).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.');
    ScriptApp.deleteTrigger(ScriptApp.getUserTriggers(scriptGlobals(env).SpreadsheetApp.getActive())[0]);
    ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(9).create();
    expect(env.triggers.map((t) => t.getHandlerFunction())).toEqual(['other']);
  });

  it('refuses schedules an add-on may not have, and bad arguments', () => {
    const { ScriptApp } = scriptGlobals(createFakeAppsScript());
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5)).toThrow(/once per hour/);
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => ScriptApp.newTrigger('f').timeBased().onMonthDay(0)).toThrow('Invalid argument: day');
    expect(() => ScriptApp.newTrigger('f').timeBased().onWeekDay('MONDAY' as never)).toThrow(/don't match the method signature/);
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(9).create()).toThrow(/needs a schedule/);
    expect(() => ScriptApp.newTrigger('f').timeBased().onMonthDay(1).onWeekDay(ScriptApp.WeekDay.FRIDAY)).toThrow(/cannot be combined/);
  });
});

describe('getUserTriggers vs getProjectTriggers', () => {
  it('lists this document\'s triggers vs all of the user\'s triggers of the project', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    env.addUserTrigger('scheduledAudit', 'another-spreadsheet');
    env.addUserTrigger('onEditHandler', env.spreadsheet.getId(), { eventType: 'ON_EDIT' });
    g.ScriptApp.newTrigger('scheduledAudit').timeBased().everyDays(1).atHour(6).create();
    g.ScriptApp.newTrigger('openHandler').forSpreadsheet(g.SpreadsheetApp.getActive()).onOpen().create();
    const here = g.ScriptApp.getUserTriggers(g.SpreadsheetApp.getActive());
    expect(here.map((t) => `${t.getHandlerFunction()}:${String(t.getEventType())}`)).toEqual(
      ['onEditHandler:ON_EDIT', 'scheduledAudit:CLOCK', 'openHandler:ON_OPEN']);
    expect(here[2].getTriggerSource()).toBe(g.ScriptApp.TriggerSource.SPREADSHEETS);
    expect(here[2].getTriggerSourceId()).toBe(env.spreadsheet.getId());
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(4);
    expect(() => g.ScriptApp.newTrigger('again').forSpreadsheet(g.SpreadsheetApp.getActive()).onOpen().create())
      .toThrow(/too many open triggers in this document/);
  });
});

describe('authorization info', () => {
  it('reports NOT_REQUIRED until the account needs reauthorization', () => {
    const env = createFakeAppsScript();
    const { ScriptApp } = scriptGlobals(env);
    const info = () => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info().getAuthorizationUrl()).toBeNull();
    env.requireReauthorization(true);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\//);
  });
});
