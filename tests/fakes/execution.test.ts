// What one execution is subject to: the trigger's own active sheet, the user acting between
// calls, injected write failures, call latency and the 6-minute limit.
import { createFakeAppsScript } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

function twoSheets() {
  const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
  const first = env.spreadsheet.getActiveSheet().load([['first']]);
  const contracts = env.spreadsheet.insertSheet('Contracts').load([['Client'], ['Acme']]);
  contracts.setActiveSelection('A2');
  return { env, first, contracts };
}

describe('a time-driven execution has no active sheet of its own', () => {
  it('sees the first sheet (and its A1) as active, whatever the user has open', () => {
    const { env } = twoSheets();
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Contracts');
    const g = scriptGlobals(env, { trigger: true });
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Sheet1');
    expect(g.SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    expect(g.SpreadsheetApp.getActiveRange()!.getA1Notation()).toBe('A1');
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getActiveRange()!.getSheet().getName()).toBe('Sheet1');
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getRange('A1').getValue()).toBe('first');
    // A UI execution still sees the user's sheet and selection.
    const ui = scriptGlobals(env);
    expect(ui.SpreadsheetApp.getActiveSheet().getName()).toBe('Contracts');
    expect(ui.SpreadsheetApp.getActiveRange()!.getA1Notation()).toBe('A2');
  });

  it('keeps what it activates to itself, and shows no toast', () => {
    const { env } = twoSheets();
    const g = scriptGlobals(env, { trigger: true });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.setActiveSheet(ss.getSheetByName('Contracts')!);
    expect(ss.getActiveSheet().getName()).toBe('Contracts');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A1');
    ss.getSheets()[0].activate();
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Contracts'); // the user's view did not move
    ss.toast('Audit done', 'Contract Audit', 5);
    expect(env.ui.toasts).toEqual([]);
    scriptGlobals(env).SpreadsheetApp.getActive().toast('shown');
    expect(env.ui.toasts).toEqual(['shown']);
  });
});

describe('the user acting mid-execution (call hooks)', () => {
  it('onCall reports every counted call with its method, index and execution; unsubscribe stops it', () => {
    const env = createFakeAppsScript();
    const seen: string[] = [];
    const stop = env.onCall((call) => seen.push(`${call.executionId}:${call.method}#${call.index}`));
    const g = scriptGlobals(env);
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1');
    range.getValues();
    range.getValues();
    stop();
    range.getValues();
    const id = seen[0].split(':')[0];
    expect(seen).toEqual([`${id}:SpreadsheetApp.getActiveSheet#1`, `${id}:Sheet.getRange#1`,
      `${id}:Range.getValues#1`, `${id}:Range.getValues#2`]);
  });

  it('interleaveOnce runs test code after the nth call: a sort between the script\'s read and write', () => {
    const env = createFakeAppsScript();
    const sheet = env.spreadsheet.getActiveSheet().load([['Client', 'Paid'], ['Acme', 1], ['Bolt', 3], ['Cobalt', 2]]);
    env.interleaveOnce('Range.getValues', 1, () => sheet.sortRows(2, 4, { column: 2, ascending: false }));
    const g = scriptGlobals(env);
    const data = g.SpreadsheetApp.getActiveSheet().getRange('A2:B4');
    const rows = data.getValues(); // read before the sort
    expect(rows.map((r) => r[0])).toEqual(['Acme', 'Bolt', 'Cobalt']);
    expect(sheet.getRange('A2:A4').getValues().flat()).toEqual(['Bolt', 'Cobalt', 'Acme']); // sorted meanwhile
    g.SpreadsheetApp.getActiveSheet().getRange('C2').setValue('Acme row?'); // written by stale position
    expect(sheet.getRange('A2:C2').getValues()[0]).toEqual(['Bolt', 3, 'Acme row?']);
    expect(env.calls.byMethod()['Range.getValues']).toBe(1); // the hook's own calls are not counted
  });

  it('interleave with every: after each matching call from the nth on; hooks do not trigger hooks', () => {
    const env = createFakeAppsScript();
    const sheet = env.spreadsheet.getActiveSheet();
    let runs = 0;
    env.interleave({ after: /^GmailApp\.createDraft$/, nth: 2, every: true, run: () => { runs += 1; sheet.insertRowsBefore(1, 1); } });
    const inner: string[] = [];
    env.onCall((call) => inner.push(call.method));
    const { GmailApp } = scriptGlobals(env);
    for (let i = 0; i < 4; i += 1) GmailApp.createDraft(`a${i}@x.example`, 's', 'b');
    expect(runs).toBe(3);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(inner).toEqual(Array(4).fill('GmailApp.createDraft'));
  });
});

describe('write failures (env.faults)', () => {
  it('failNext makes the next call throw the Sheets timeout without writing', () => {
    const env = createFakeAppsScript();
    const sheet = env.spreadsheet.getActiveSheet().load([['old']]);
    env.faults.failNext('Range.setValues');
    const g = scriptGlobals(env);
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1');
    expect(() => range.setValues([['new']])).toThrow(
      `Service Spreadsheets timed out while accessing document with id ${env.spreadsheet.getId()}.`);
    expect(sheet.getRange('A1').getValue()).toBe('old');
    range.setValues([['new']]);
    expect(sheet.getRange('A1').getValue()).toBe('new');
    expect(env.calls.byMethod()['Range.setValues']).toBe(2);
  });

  it('nth and message pick the call and the text; RangeList and setValue calls too; clear() disarms', () => {
    const env = createFakeAppsScript();
    const g = scriptGlobals(env);
    const sheet = g.SpreadsheetApp.getActiveSheet();
    env.faults.failNext('RangeList.setValue', { nth: 2, message: 'Service error: Spreadsheets' });
    sheet.getRangeList(['A1', 'B1']).setValue('x');
    expect(() => sheet.getRangeList(['A2', 'B2']).setValue('y')).toThrow('Service error: Spreadsheets');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['', '']]);
    env.faults.failNext('Range.setValue');
    env.faults.clear();
    sheet.getRange('C1').setValue(1);
    expect(sheet.getRange('C1').getValue()).toBe(1);
  });

  it('executionScoped faults count only in the next execution and are dropped when it ends', () => {
    const env = createFakeAppsScript();
    env.faults.failNext('Range.setValue', { nth: 2, executionScoped: true });
    const first = scriptGlobals(env);
    first.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1);
    env.finishExecution(first as unknown as Record<string, unknown>);
    const second = scriptGlobals(env);
    second.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(2);
    second.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(3);
    expect(env.faults.pending()).toBe(0);
  });

  it('a failed Gmail call has the generic server error by default', () => {
    const env = createFakeAppsScript();
    env.faults.failNext('GmailApp.createDraft');
    expect(() => scriptGlobals(env).GmailApp.createDraft('a@x.example', 's', 'b'))
      .toThrow('We\'re sorry, a server error occurred. Please wait a bit and try again.');
    expect(env.gmail.drafts).toHaveLength(0);
  });
});

describe('latency and the 6-minute limit', () => {
  it('calls cost their latency on the fake clock; past the limit every later call throws', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    env.latency.set('GmailApp.createDraft', 1500);
    const { GmailApp, Utilities } = scriptGlobals(env);
    for (let i = 0; i < 240; i += 1) GmailApp.createDraft(`a${i}@x.example`, 's', 'b'); // exactly 6 minutes
    expect(env.clock.now().toISOString()).toBe('2026-11-28T15:06:00.000Z');
    GmailApp.createDraft('one-more@x.example', 's', 'b'); // still at the limit: allowed
    expect(() => GmailApp.createDraft('late@x.example', 's', 'b')).toThrow('Exceeded maximum execution time');
    expect(() => Utilities.formatString('%s', 'x')).toThrow('Exceeded maximum execution time');
    expect(env.gmail.drafts).toHaveLength(241);
  });

  it('service wildcards, Utilities.sleep and a configurable limit', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    env.limits.executionMs = 30_000;
    env.latency.set('SpreadsheetApp.*', 100);
    expect(env.latency.get('Range.getValues', 'SpreadsheetApp')).toBe(100);
    const g = scriptGlobals(env);
    g.SpreadsheetApp.getActiveSheet().getRange('A1').getValues();
    expect(env.clock.now().toISOString()).toBe('2026-11-28T15:00:00.300Z');
    g.Utilities.sleep(30_000);
    expect(() => g.SpreadsheetApp.getActiveSheet()).toThrow('Exceeded maximum execution time');
    env.latency.clear();
    expect(env.latency.get('Range.getValues', 'SpreadsheetApp')).toBe(0);
    // A new execution starts its own clock.
    expect(scriptGlobals(env).SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
  });
});
