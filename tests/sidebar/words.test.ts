/** The sidebar's words and numbers (issue 10): separators, dates for people, the truthful audit line. */
import { countOf, formatCount } from '../../src/sidebar/format';
import { humanizeDates } from '../../src/sidebar/messages';
import { auditStatusText, profileMessage } from '../../src/sidebar/view-summary';
import type { AuditReport } from '../../src/core/types';

const report = { sheetName: 'Contracts', today: '2026-12-02' } as AuditReport;

describe('numbers', () => {
  it('have thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(50000)).toBe('50,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(countOf(1, 'follow-up')).toBe('1 follow-up');
    expect(countOf(20000, 'follow-up')).toBe('20,000 follow-ups');
  });

  it('in the profile sentence, only its own counts change, never a name', () => {
    expect(profileMessage('Your profile shows 47500 open jobs, but only 17500 are really active: close Client 2015 – Job 2015, B and 2497 more.'))
      .toBe('Your profile shows 47,500 open jobs, but only 17,500 are really active: close Client 2015 – Job 2015, B and 2,497 more.');
    expect(profileMessage('Your profile shows 21 open jobs, but only 6 are really active: close A.')).toBe('Your profile shows 21 open jobs, but only 6 are really active: close A.');
  });
});

describe('dates in messages', () => {
  it('are written for people, never as raw ISO', () => {
    expect(humanizeDates('Last run 2026-12-01T09:05:00-05:00 failed.')).toBe('Last run December 1, 2026, 9:05 failed.');
    expect(humanizeDates('Closed on 2026-12-05.')).toBe('Closed on December 5, 2026.');
    expect(humanizeDates('Row 12: no date')).toBe('Row 12: no date');
  });
});

describe('the audit line at first paint', () => {
  it('says "Last audit" only for an audit written with the current settings', () => {
    expect(auditStatusText({ kind: 'current', lastAudit: '2026-12-01T09:00:00-05:00' }, report)).toBe('Last audit: December 1, 2026, 9:00 · sheet “Contracts”');
    expect(auditStatusText(null, report)).toBe('Last audit: December 2, 2026 · sheet “Contracts”');
    expect(auditStatusText({ kind: 'never', lastAudit: null }, report)).toBe('Not audited yet — Run audit writes these states to the sheet “Contracts”.');
    expect(auditStatusText({ kind: 'settingsChanged', lastAudit: '2026-12-01T09:00:00-05:00' }, report)).toMatch(/^Settings changed since the last audit/);
  });
});
