import { digestEmail, needsAttention } from '../../src/core/digest';
import type { AuditContract, AuditReport, Counts, State } from '../../src/core/types';

const URL = 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=0';

let nextRow = 2;
function contract(state: State, fields: Partial<AuditContract> = {}): AuditContract {
  const row = nextRow++;
  return {
    key: `k${row}`, row, client: `Client ${row}`, job: `Job ${row}`, platform: 'Direct', status: 'Open', state,
    idleDays: 40, followUps: 0, lastFollowUp: null, followUpDue: false, nextStep: 'Send a follow-up.',
    email: '', url: '', lastPayment: null, ...fields,
  };
}

function report(contracts: AuditContract[], profileMessage = ''): AuditReport {
  const count = (state: State): number => contracts.filter((c) => c.state === state).length;
  const counts: Counts = {
    active: count('Active'), quiet: count('Quiet'), dormant: count('Dormant'), closeOut: count('Close out'),
    closed: count('Closed'), keepOpen: count('Keep open'), checkData: count('Check data'),
    followUpsDue: contracts.filter((c) => c.followUpDue).length, open: 0,
  };
  counts.open = counts.active + counts.quiet + counts.dormant + counts.closeOut + counts.checkData;
  return {
    sheetName: 'My contracts', sheetId: 0, today: '2026-12-01', timeZone: 'America/New_York', counts,
    profile: { openJobs: counts.open + counts.keepOpen, activeJobs: counts.active + counts.keepOpen, message: profileMessage },
    contracts, omitted: 0, problems: [], notice: '',
  };
}

describe('needsAttention / digestEmail with nothing to do', () => {
  it('all active or closed: no email', () => {
    const quietMonth = report([contract('Active', { idleDays: 3 }), contract('Closed'), contract('Keep open')]);
    expect(needsAttention(quietMonth)).toBe(false);
    expect(digestEmail(quietMonth, URL, 0)).toBeNull();
  });
  it('an empty sheet: no email', () => {
    expect(digestEmail(report([]), URL, 0)).toBeNull();
  });
  it.each(['Quiet', 'Dormant', 'Close out', 'Check data'] as const)('one %s row needs attention', (state) => {
    expect(needsAttention(report([contract('Active'), contract(state)]))).toBe(true);
  });
});

describe('digestEmail', () => {
  const contracts = [
    contract('Active', { idleDays: 2 }),
    contract('Close out', { client: 'Acme Co', job: 'Logo redesign', idleDays: 75, followUps: 3, platform: 'Upwork',
      nextStep: 'Close it with the reason "Client not responsive".' }),
    contract('Close out', { client: 'Zoë <b>&</b> "Ōkami" 株式会社', job: 'Site 🎨', idleDays: 61, followUps: 3 }),
    contract('Dormant', { client: 'Beta LLC', job: 'API work', idleDays: 33, followUpDue: true, nextStep: 'Send the first follow-up.' }),
    contract('Quiet', { client: 'Gamma', job: 'Copy edits', idleDays: 20, nextStep: 'Wait, or check in.' }),
    contract('Check data', { client: 'Delta', job: 'Audit', idleDays: null, nextStep: 'Fix the Last activity date.' }),
    contract('Keep open', { client: 'Retainer Inc' }),
  ];
  const email = digestEmail(report(contracts, 'Your profile shows 6 open jobs; 2 are really active. Close Acme Co and 1 more.'), URL, 1)!;

  it('the subject counts what to do and names the sheet', () => {
    expect(email.subject).toBe('Contract audit: 2 to close, 1 dormant, 1 quiet, 1 to check (My contracts)');
  });
  it('the body gives the counts in a line or two', () => {
    expect(email.body).toContain('Contract audit of "My contracts" on December 1, 2026.');
    expect(email.body).toContain('\n6 open jobs: 1 active, 1 quiet, 1 dormant, 2 to close out, 1 with data to check. 1 more kept open on purpose.\n');
  });
  it('lists contracts to act on, grouped, most urgent first, with their next step', () => {
    const closeOut = email.body.indexOf('Close out (2):');
    const dormant = email.body.indexOf('Dormant (1):');
    const quiet = email.body.indexOf('Quiet (1):');
    const check = email.body.indexOf('Check data (1):');
    expect([closeOut, dormant, quiet, check].every((i) => i > 0)).toBe(true);
    expect(closeOut < dormant && dormant < quiet && quiet < check).toBe(true);
    expect(email.body).toContain('- Acme Co: Logo redesign (75 days idle, 3 follow-ups sent). Close it with the reason "Client not responsive".');
    expect(email.body).toContain('- Beta LLC: API work (33 days idle). Send the first follow-up.');
    expect(email.body).toContain('- Delta: Audit. Fix the Last activity date.');
    expect(email.body).not.toContain('Retainer Inc');
    expect(email.body).not.toContain('Client 2');
  });
  it('shows client and job names exactly as typed (plain text, no escaping)', () => {
    expect(email.body).toContain('- Zoë <b>&</b> "Ōkami" 株式会社: Site 🎨 (61 days idle, 3 follow-ups sent).');
  });
  it('includes the profile advice, the drafts waiting, what is still due, and the link', () => {
    expect(email.body).toContain('Your profile shows 6 open jobs; 2 are really active. Close Acme Co and 1 more.');
    expect(email.body).toContain('1 follow-up draft is waiting in Gmail Drafts: review and send it yourself.');
    expect(email.body).toContain("1 more follow-up is due: open the add-on's sidebar in the sheet to draft or copy it.");
    expect(email.body).toContain(`Open the sheet: ${URL}`);
  });
  it('says only true things about Upwork, and only when an Upwork contract is dormant or to close', () => {
    expect(email.body).toContain('On Upwork, a contract counts toward your Job Success Score once it is closed or once several '
      + 'months pass without a payment, so leaving a quiet contract open does not keep it out of the score. '
      + 'Upwork advises closing a contract when the client is unresponsive.');
    // The claim Upwork dropped in 2020 is never made.
    expect(email.body).not.toMatch(/no earnings and no feedback|lower your Job Success Score/);
    expect(email.body).not.toMatch(/pause|auto-?close/i);
    const direct = digestEmail(report([contract('Dormant', { platform: 'Fiverr' })]), URL, 0)!;
    expect(direct.body).not.toContain('Upwork');
  });
  it('caps each list at 10 with "and N more"', () => {
    const many = Array.from({ length: 13 }, (_, i) => contract('Dormant', { client: `C${i + 1}`, job: 'J' }));
    const body = digestEmail(report(many), URL, 0)!.body;
    expect(body).toContain('Dormant (13):');
    expect(body).toContain('- C10: J');
    expect(body).not.toContain('- C11: J');
    expect(body).toContain('- and 3 more in the sheet');
  });
  it('speaks of several drafts in the plural, and of none when none were made', () => {
    const rows = [contract('Dormant'), contract('Dormant')];
    expect(digestEmail(report(rows), URL, 2)!.body).toContain('2 follow-up drafts are waiting in Gmail Drafts: review and send them yourself.');
    expect(digestEmail(report(rows), URL, 0)!.body).not.toContain('Gmail Drafts');
    const due = [contract('Dormant', { followUpDue: true }), contract('Dormant', { followUpDue: true })];
    expect(digestEmail(report(due), URL, 0)!.body).toContain('2 follow-ups are due: open the add-on');
  });
  it('keeps each listed contract on one line when a cell holds line breaks', () => {
    const body = digestEmail(report([contract('Quiet', { client: 'Line one\nLine two', job: 'J' })]), URL, 0)!.body;
    expect(body).toContain('- Line one Line two: J');
  });
  it('uses the row problem when a Check data row has no next step', () => {
    const bad = contract('Check data', { nextStep: '', idleDays: null, client: 'Eps', job: 'X' });
    const withProblem = { ...report([bad]), problems: [{ row: bad.row, message: `Row ${bad.row}: the start date is in the future.` }] };
    expect(digestEmail(withProblem, URL, 0)!.body).toContain(`- Eps: X. Row ${bad.row}: the start date is in the future.`);
  });
});
