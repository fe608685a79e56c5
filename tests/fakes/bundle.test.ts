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
