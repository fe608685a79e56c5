import { parseBootstrap } from '../../src/sidebar/bootstrap';
import { fieldOfError, readableError } from '../../src/sidebar/errors';
import { countStates } from '../../src/core/counts';
import {
  activeShare, attentionGroups, formatDateTime, formatDay, formatIdle, pasteText, problemText, safeUrl,
} from '../../src/sidebar/format';
import type { AuditContract, SidebarBootstrap } from '../../src/core/types';

function contract(key: string, state: AuditContract['state']): AuditContract {
  return { key, row: 2, client: 'C', job: 'J', platform: 'Upwork', status: '', state, idleDays: 40,
    followUps: 0, lastFollowUp: null, followUpDue: false, nextStep: '', email: '', url: '', lastPayment: null };
}

describe('attentionGroups', () => {
  const report = (contracts: AuditContract[]) => ({ contracts, counts: countStates(contracts) });

  test('groups Close out, Dormant, Quiet, Check data in that order, keeping sheet order, skipping the rest', () => {
    const groups = attentionGroups(report([
      contract('a', 'Quiet'), contract('b', 'Active'), contract('c', 'Close out'), contract('d', 'Quiet'),
      contract('e', 'Closed'), contract('f', 'Check data'), contract('g', 'Keep open'),
    ]));
    expect(groups.map((g) => [g.state, g.contracts.map((c) => c.key), g.total, g.more])).toEqual([
      ['Close out', ['c'], 1, 0], ['Quiet', ['a', 'd'], 2, 0], ['Check data', ['f'], 1, 0],
    ]);
  });

  test('shows at most `limit` cards a group, and counts the rest', () => {
    const many = Array.from({ length: 250 }, (_, i) => contract(`d${i}`, 'Dormant'));
    const groups = attentionGroups(report([...many, contract('q', 'Quiet')]), 100);
    expect(groups.map((g) => [g.state, g.contracts.length, g.total, g.more])).toEqual([
      ['Dormant', 100, 250, 150], ['Quiet', 1, 1, 0],
    ]);
    expect(groups[0].contracts[0].key).toBe('d0');
    expect(groups[0].contracts[99].key).toBe('d99');
  });

  test('totals come from the counts when the report carries fewer contracts (the embedded first paint)', () => {
    const all = [contract('c', 'Close out'), contract('d1', 'Dormant'), contract('d2', 'Dormant'), contract('x', 'Check data')];
    const groups = attentionGroups({ contracts: all.slice(0, 2), counts: countStates(all) });
    expect(groups.map((g) => [g.state, g.contracts.map((c) => c.key), g.total, g.more])).toEqual([
      ['Close out', ['c'], 1, 0], ['Dormant', ['d1'], 2, 1], ['Check data', [], 1, 1],
    ]);
  });
});

describe('problemText', () => {
  test('says the row once, whether or not the server already did', () => {
    expect(problemText({ row: 5, message: 'Row 5: the start date is in the future.' })).toBe('Row 5: the start date is in the future.');
    expect(problemText({ row: 1, message: 'Column C "Job" repeats column B; column B is used.' }))
      .toBe('Row 1: Column C "Job" repeats column B; column B is used.');
    expect(problemText({ row: 15, message: 'Row 1: something else.' })).toBe('Row 15: Row 1: something else.');
    expect(problemText({ row: 0, message: 'Some saved settings were damaged.' })).toBe('Some saved settings were damaged.');
  });
});

describe('safeUrl', () => {
  test('keeps http and https links', () => {
    expect(safeUrl(' https://www.upwork.com/ab/f/contracts/1 ')).toBe('https://www.upwork.com/ab/f/contracts/1');
    expect(safeUrl('http://example.com/x')).toBe('http://example.com/x');
  });
  test('refuses script, data and relative links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('')).toBeNull();
  });
});

describe('readableError', () => {
  test('strips the prefixes Apps Script adds', () => {
    expect(readableError(new Error('Exception: quietDays must be a whole number'))).toBe('quietDays must be a whole number');
    expect(readableError('ScriptError: Error: The contract is gone.')).toBe('The contract is gone.');
    expect(readableError({ message: 'Plain words.' })).toBe('Plain words.');
  });
  test('never shows an empty message', () => {
    expect(readableError(undefined)).toMatch(/went wrong/);
    expect(readableError(new Error('Exception: '))).toMatch(/went wrong/);
  });
});

describe('fieldOfError', () => {
  const fields = ['quietDays', 'dormantDays', 'followUpEveryDays', 'sheetName'];
  test('names the field the message starts with, not one it mentions later', () => {
    expect(fieldOfError('quietDays must be a whole number from 1 to 364 and less than dormantDays (30).', fields)).toBe('quietDays');
    expect(fieldOfError('dormantDays must be more than quietDays (14).', fields)).toBe('dormantDays');
  });
  test('matches whole names only', () => {
    expect(fieldOfError('followUpEveryDaysX is odd', fields)).toBeNull();
    expect(fieldOfError('Unknown setting "colour".', fields)).toBeNull();
  });
});

describe('parseBootstrap', () => {
  const bootstrap: SidebarBootstrap = {
    report: null, error: 'No contracts sheet yet.',
    settings: {} as SidebarBootstrap['settings'], schedule: {} as SidebarBootstrap['schedule'], placeholders: ['client'],
    auditStatus: { kind: 'never', lastAudit: null }, permissions: { audit: true, drafts: true, schedule: true, digest: true },
  };
  test('reads what showSidebar embedded, including escaped markup', () => {
    const text = JSON.stringify({ ...bootstrap, error: '<img src=x>' }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
    const parsed = parseBootstrap(text);
    expect(parsed && parsed.error).toBe('<img src=x>');
    expect(parsed && parsed.placeholders).toEqual(['client']);
  });
  test('an unreplaced marker or broken JSON gives null (the "Run an audit" state)', () => {
    expect(parseBootstrap('__BOOTSTRAP_JSON__')).toBeNull();
    expect(parseBootstrap('{"report": ')).toBeNull();
    expect(parseBootstrap('')).toBeNull();
  });
  test('a report without contracts is not trusted', () => {
    const parsed = parseBootstrap(JSON.stringify({ ...bootstrap, report: { counts: {} } }));
    expect(parsed && parsed.report).toBeNull();
  });
});

describe('formatting', () => {
  test('idle days and dates read like sentences', () => {
    expect(formatIdle(1)).toBe('idle 1 day');
    expect(formatIdle(45)).toBe('idle 45 days');
    expect(formatIdle(null)).toBe('no usable date');
    expect(formatDay('2026-12-05')).toBe('December 5, 2026');
    expect(formatDateTime('2026-11-30T09:00:00-05:00')).toBe('November 30, 2026, 9:00');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  test('active share of open jobs is a bounded percentage', () => {
    expect(activeShare(12, 4)).toBe(33);
    expect(activeShare(0, 0)).toBe(0);
    expect(activeShare(3, 5)).toBe(100);
  });
  test('paste text puts the subject first', () => {
    expect(pasteText('Checking in', 'Hi Sam')).toBe('Checking in\n\nHi Sam');
  });
});
