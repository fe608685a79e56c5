// The bundle loader: dist/Code.js run as fresh Apps Script executions on the fakes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeAppsScript } from '../../dev/fakes';
import { loadBundle, runFresh, topLevelFunctions } from '../support/bundle';

/** A throwaway dist folder holding the given Code.js. */
function distWith(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-dist-'));
  writeFileSync(join(dir, 'Code.js'), code);
  return dir;
}

// dist/ comes from `npm run build` (npm test builds first).
describe('runFresh against the real build', () => {
  it('lists the top-level functions of dist/Code.js', () => {
    expect(topLevelFunctions()).toContain('runAudit');
  });

  it('rethrows the server\'s error message as an Error', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    expect(() => runFresh(env, 'runAudit')).toThrow(/Set up contracts sheet/);
  });

  it('refuses a function the bundle does not declare', () => {
    const env = createFakeAppsScript();
    expect(() => runFresh(env, 'noSuchFunction')).toThrow('dist/Code.js has no top-level function "noSuchFunction".');
  });
});

describe('runFresh semantics (on a tiny hand-written Code.js)', () => {
  const dist = distWith(`
    var calls = 0;
    function count() { calls += 1; return calls; }
    function echo(x) { return { got: x, isArray: Array.isArray(x) }; }
    function today() { return new Date(); }
    function stamp() { return Utilities.formatDate(new Date(), 'UTC', 'yyyy-MM-dd HH:mm'); }
    function fail() { SpreadsheetApp.getActiveSheet().getRange(0, 1); }
    function failPlain() { throw new Error('Nothing to audit: no contracts sheet.'); }
    function catchQuota() {
      try { GmailApp.createDraft('a@b.co', 's', 'b'); return 'no error'; }
      catch (e) { return [e instanceof Error, e.name, e.message].join('|'); }
    }
    function dateCell() { var v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); return [v instanceof Date, v.getTime()]; }
    function lockAndKeep() { return LockService.getDocumentLock().tryLock(1000); }
    function openEvent(e) { return { mode: String(e.authMode), isNone: e.authMode === ScriptApp.AuthMode.NONE }; }
    function ui() { SpreadsheetApp.getUi().alert('hi'); }
  `);

  it('runs every call in a fresh context: nothing in memory survives', () => {
    const env = createFakeAppsScript();
    expect(runFresh(env, 'count', [], { distDir: dist })).toBe(1);
    expect(runFresh(env, 'count', [], { distDir: dist })).toBe(1);
  });

  it('round-trips arguments and results through JSON', () => {
    const env = createFakeAppsScript();
    expect(runFresh(env, 'echo', [[1, 'two', null]], { distDir: dist })).toEqual({ got: [1, 'two', null], isArray: true });
  });

  it('gives the script a Date that follows the fake clock', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:04:00Z' });
    expect(runFresh(env, 'stamp', [], { distDir: dist })).toBe('2026-11-28 15:04');
    env.clock.advanceDays(3);
    expect(runFresh(env, 'stamp', [], { distDir: dist })).toBe('2026-12-01 15:04');
  });

  it('refuses a result holding a Date (google.script.run would deliver null)', () => {
    const env = createFakeAppsScript();
    expect(() => runFresh(env, 'today', [], { distDir: dist })).toThrow('today returned a Date at the top level');
  });

  it('rethrows Apps Script errors and the script\'s own errors with their messages', () => {
    const env = createFakeAppsScript();
    expect(() => runFresh(env, 'fail', [], { distDir: dist })).toThrow('The starting row of the range is too small.');
    expect(() => runFresh(env, 'failPlain', [], { distDir: dist })).toThrow('Nothing to audit: no contracts sheet.');
  });

  it('throws service errors in the script\'s realm, named Exception', () => {
    const env = createFakeAppsScript();
    env.gmail.failAfter(0);
    expect(runFresh(env, 'catchQuota', [], { distDir: dist }))
      .toBe('true|Exception|Service invoked too many times for one day: gmail.');
  });

  it('returns date cells as instances of the context Date', () => {
    const env = createFakeAppsScript();
    env.spreadsheet.getActiveSheet().load([[env.localDate('2026-10-01')]]);
    expect(runFresh(env, 'dateCell', [], { distDir: dist })).toEqual([true, Date.parse('2026-10-01T04:00:00Z')]);
  });

  it('releases the locks an execution still holds when it ends', () => {
    const env = createFakeAppsScript();
    expect(runFresh(env, 'lockAndKeep', [], { distDir: dist })).toBe(true);
    expect(env.lock.holder()).toBeNull();
  });

  it('passes onOpen-style events with the real AuthMode members', () => {
    const env = createFakeAppsScript();
    const dist2 = distWith('function onOpen(e) { return { mode: String(e.authMode), isNone: e.authMode === ScriptApp.AuthMode.NONE, hasSource: !!e.source }; }');
    expect(runFresh(env, 'onOpen', undefined, { distDir: dist2, authMode: 'NONE' })).toEqual({ mode: 'NONE', isNone: true, hasSource: false });
    expect(runFresh(env, 'onOpen', undefined, { distDir: dist2 })).toEqual({ mode: 'FULL', isNone: false, hasSource: true });
    expect(runFresh(env, 'openEvent', (g) => [{ authMode: (g.ScriptApp as { AuthMode: Record<string, unknown> }).AuthMode.LIMITED }],
      { distDir: dist })).toEqual({ mode: 'LIMITED', isNone: false });
  });

  it('has no UI in a time-driven execution', () => {
    const env = createFakeAppsScript();
    expect(() => runFresh(env, 'ui', [], { distDir: dist, trigger: true })).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    runFresh(env, 'ui', [], { distDir: dist });
    expect(env.ui.alerts).toEqual(['hi']);
  });

  it('exposes the loaded context for tests that need more', () => {
    const env = createFakeAppsScript();
    const context = loadBundle(env, { distDir: dist });
    expect(typeof context.echo).toBe('function');
    expect(topLevelFunctions(dist)).toEqual(['catchQuota', 'count', 'dateCell', 'echo', 'fail', 'failPlain',
      'lockAndKeep', 'openEvent', 'stamp', 'today', 'ui']);
  });
});

describe('harsh Apps Script behaviour, visible to a script run with runFresh', () => {
  const dist = distWith(`
    function activeName() { return SpreadsheetApp.getActiveSheet().getName(); }
    function markPaid(client) {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contracts');
      var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
      for (var i = 0; i < rows.length; i++) {
        if (rows[i][0] === client) { sheet.getRange(i + 2, 3).setValue('paid'); return i + 2; }
      }
      return -1;
    }
    function save() {
      try { SpreadsheetApp.getActiveSheet().getRange('A1').setValues([['saved']]); return 'ok'; }
      catch (e) { return 'failed: ' + e.message; }
    }
    function draftAll(n) {
      var lock = LockService.getDocumentLock(); lock.tryLock(1000);
      var made = 0;
      for (var i = 0; i < n; i++) {
        try { GmailApp.createDraft('c' + i + '@example.com', 'Follow-up', 'Hi'); made++; } catch (e) { /* keep going */ }
      }
      return made;
    }
    function draftOne() {
      try { GmailApp.createDraft('c@example.com', 's', 'b'); return 'drafted'; } catch (e) { return e.message; }
    }
    function needGmail() {
      try { ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/gmail.compose']); return 'granted'; }
      catch (e) { return 'caught'; }
    }
  `);

  function contractsEnv() {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    const sheet = env.spreadsheet.insertSheet('Contracts').load([['Client', 'Rate', 'Paid'], ['Acme', 3], ['Bolt', 1], ['Cobalt', 2]]);
    return { env, sheet };
  }

  it('a time-driven run sees the first sheet as active', () => {
    const { env } = contractsEnv();
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Contracts');
    expect(runFresh(env, 'activeName', [], { distDir: dist, trigger: true })).toBe('Sheet1');
    expect(runFresh(env, 'activeName', [], { distDir: dist })).toBe('Contracts');
  });

  it('a sort by the user between the script\'s read and its write puts the write on another contract', () => {
    const { env, sheet } = contractsEnv();
    env.interleaveOnce('Range.getValues', 1, () => sheet.sortRows(2, 4, { column: 2, ascending: false }));
    expect(runFresh(env, 'markPaid', ['Bolt'], { distDir: dist })).toBe(3);
    expect(sheet.getRange('A2:C4').getValues()).toEqual([['Acme', 3, ''], ['Cobalt', 2, 'paid'], ['Bolt', 1, '']]);
  });

  it('a failed write throws in the script and writes nothing', () => {
    const env = createFakeAppsScript();
    env.faults.failNext('Range.setValues');
    expect(runFresh(env, 'save', [], { distDir: dist })).toBe(
      `failed: Service Spreadsheets timed out while accessing document with id ${env.spreadsheet.getId()}.`);
    expect(env.spreadsheet.getActiveSheet().getRange('A1').getValue()).toBe('');
    expect(runFresh(env, 'save', [], { distDir: dist })).toBe('ok');
  });

  it('the 6-minute limit kills the script even though it caught the error; its lock is released', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    env.latency.set('GmailApp.createDraft', 2000);
    expect(() => runFresh(env, 'draftAll', [500], { distDir: dist })).toThrow('Exceeded maximum execution time');
    expect(env.gmail.drafts).toHaveLength(181); // 180 drafts fill the 6 minutes; the 181st starts at 6:00
    expect(env.lock.holder()).toBeNull();
    expect(runFresh(env, 'draftAll', [3], { distDir: dist })).toBe(3); // a new execution has its own 6 minutes
  });

  it('a declined scope refuses the call; requireScopes ends the run with a consent prompt', () => {
    const env = createFakeAppsScript();
    env.decline('https://www.googleapis.com/auth/gmail.compose');
    expect(runFresh(env, 'draftOne', [], { distDir: dist })).toBe(
      'You do not have permission to call GmailApp.createDraft. Required permissions: https://www.googleapis.com/auth/gmail.compose');
    expect(() => runFresh(env, 'needGmail', [], { distDir: dist })).toThrow('Authorization is required to perform that action.');
    expect(env.ui.consentPrompts).toEqual([{ scopes: ['https://www.googleapis.com/auth/gmail.compose'] }]);
    env.grant('https://www.googleapis.com/auth/gmail.compose');
    expect(runFresh(env, 'needGmail', [], { distDir: dist })).toBe('granted');
  });

  it('an error in a call hook fails the run as a test error, even if the script caught it', () => {
    const env = createFakeAppsScript();
    env.interleaveOnce('GmailApp.createDraft', 1, () => { throw new Error('bad test hook'); });
    expect(() => runFresh(env, 'draftOne', [], { distDir: dist })).toThrow('A call hook (test code) threw: bad test hook');
  });
});
