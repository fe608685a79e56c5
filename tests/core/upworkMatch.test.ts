// Matching an Upwork report's contracts to the sheet (README "Upwork reports"): by contract id in
// the link or the Contract ID cell, else by title (+ client) among open Upwork/blank rows; never
// guessed; Last payment never moves backwards.
import { dayFromIso, isoOfDay, type Day } from '../../src/core/days';
import { findTable } from '../../src/core/headers';
import { rowList } from '../../src/core/rowList';
import { planImport, type UpworkContract } from '../../src/core/upwork';

const day = (iso: string): Day => dayFromIso(iso) as Day;
const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Contract URL', 'Contract ID', 'Last payment'];

function contract(over: Partial<UpworkContract> & { last: string; first?: string }): UpworkContract {
  const { last, first, ...rest } = over;
  return {
    key: '', contractId: '', title: '', client: '', payments: 1,
    lastPayment: day(last), firstPayment: day(first || last), ...rest,
  };
}

function plan(rows: unknown[][], contracts: UpworkContract[], header = HEADER) {
  const values = [header, ...rows];
  const layout = findTable(values)!;
  const result = planImport(contracts, { values, layout, locale: 'en_US', dayOfDate: () => NaN });
  return { ...result, updates: result.updates.map((u) => `${u.index + 1}:${isoOfDay(u.day)}`) };
}

describe('matching', () => {
  test('by the contract id as a whole number in the link, or equal to the Contract ID cell', () => {
    const result = plan([
      ['Acme', 'Logo', 'Upwork', 'Open', 'https://www.upwork.com/ab/f/contracts/38120001', '', ''],
      ['Bolt', 'API', 'Upwork', 'Open', 'https://www.upwork.com/ab/f/contracts/381200010', '', ''],
      ['Cobalt', 'SEO', 'Upwork', 'Open', '', 38120002, ''],
    ], [contract({ contractId: '38120001', title: 'Other title', last: '2026-11-02' }),
      contract({ contractId: '38120002', title: 'SEO', last: '2026-11-03' })]);
    expect(result.updates).toEqual(['2:2026-11-02', '4:2026-11-03']);
    expect(result.matched).toBe(2);
    expect(result.unmatched).toEqual([]);
  });

  test('a contract id matches even a Closed row (the payment is still true)', () => {
    const result = plan([['Acme', 'Logo', 'Upwork', 'Closed', 'https://www.upwork.com/ab/f/contracts/5550001', '', '']],
      [contract({ contractId: '5550001', last: '2026-11-02' })]);
    expect(result.updates).toEqual(['2:2026-11-02']);
  });

  test('else by title, ignoring case and spacing, and the client when the file names one', () => {
    const result = plan([
      ['Acme', '  logo   DESIGN ', '', '', '', '', ''],
      ['Bolt', 'Logo design', 'Upwork', 'Open', '', '', ''],
    ], [contract({ title: 'Logo Design', client: 'ACME', last: '2026-11-02' }),
      contract({ contractId: '999', title: 'logo design', client: 'bolt', last: '2026-11-05' })]);
    expect(result.updates).toEqual(['2:2026-11-02', '3:2026-11-05']);
  });

  test('by title only among rows that are not Closed, on Upwork or a blank platform; those others are not appended', () => {
    const result = plan([
      ['Acme', 'Logo', 'Upwork', 'Closed', '', '', ''],
      ['Bolt', 'API', 'Fiverr', 'Open', '', '', ''],
      ['Cobalt', 'SEO', 'Upwork', 'Keep open', '', '', ''],
    ], [contract({ title: 'Logo', last: '2026-11-02' }), contract({ title: 'API', last: '2026-11-02' }),
      contract({ title: 'SEO', last: '2026-11-02' })]);
    expect(result.updates).toEqual(['4:2026-11-02']);
    expect(result.unmatched.map((u) => [u.title, u.reason, u.appendable])).toEqual([
      ['Logo', 'only row 2 has this title, and it is closed or not on Upwork', false],
      ['API', 'only row 3 has this title, and it is closed or not on Upwork', false],
    ]);
    expect(result.toAppend).toEqual([]);
  });

  test('a contract matching two rows is unmatched, "matches rows 7 and 12", never guessed nor appended', () => {
    const rows: unknown[][] = [];
    for (let r = 2; r <= 12; r++) rows.push([`Client ${r}`, r === 7 || r === 12 ? 'Logo' : `Job ${r}`, 'Upwork', 'Open', '', '', '']);
    const result = plan(rows, [contract({ title: 'logo', last: '2026-11-02' })]);
    expect(result.matched).toBe(0);
    expect(result.updates).toEqual([]);
    expect(result.unmatched).toEqual([{ contractId: '', title: 'logo', client: '', lastPayment: '2026-11-02',
      reason: 'matches rows 7 and 12', appendable: false }]);
    expect(result.toAppend).toEqual([]);
    expect(rowList([3, 7, 12])).toBe('rows 3, 7 and 12');
  });

  test('the same id in two rows is ambiguous too', () => {
    const result = plan([
      ['Acme', 'Logo', 'Upwork', 'Open', 'https://www.upwork.com/ab/f/contracts/42', '', ''],
      ['Acme', 'Logo v2', 'Upwork', 'Open', '', '42', ''],
    ], [contract({ contractId: '42', title: 'Logo', last: '2026-11-02' })]);
    expect(result.unmatched[0].reason).toBe('matches rows 2 and 3');
  });

  test('a contract in no row is unmatched and appendable; title-less (legacy hourly) ones are not appendable', () => {
    const result = plan([['Acme', 'Logo', 'Upwork', 'Open', '', '', '']],
      [contract({ contractId: '7', title: 'New job', client: 'Zed', last: '2026-11-02' }),
        contract({ client: 'Nobody', last: '2026-11-02' })]);
    expect(result.unmatched.map((u) => [u.title, u.client, u.reason, u.appendable])).toEqual([
      ['New job', 'Zed', 'no row with this contract', true],
      ['', 'Nobody', 'an hourly invoice line names no contract, and no open Upwork row has this client', false],
    ]);
    expect(result.toAppend.map((c) => c.title)).toEqual(['New job']);
  });

  test('legacy hourly lines match only when exactly one open Upwork row has that client', () => {
    const one = plan([['Acme', 'Logo', 'Upwork', 'Open', '', '', ''], ['Acme', 'Old', 'Upwork', 'Closed', '', '', '']],
      [contract({ client: 'acme', last: '2026-11-02' })]);
    expect(one.updates).toEqual(['2:2026-11-02']);
    const two = plan([['Acme', 'Logo', 'Upwork', 'Open', '', '', ''], ['Acme', 'SEO', '', 'Paused', '', '', '']],
      [contract({ client: 'Acme', last: '2026-11-02' })]);
    expect(two.unmatched.map((u) => u.reason)).toEqual(['matches rows 2 and 3']);
  });
});

describe('the plan of writes', () => {
  test('Last payment never moves backwards, and an equal date is not rewritten', () => {
    const later = new Date('2026-11-20T05:00:00Z');
    const result = planImport(
      [contract({ title: 'Logo', last: '2026-11-02' }), contract({ title: 'API', last: '2026-11-02' }),
        contract({ title: 'SEO', last: '2026-11-02' }), contract({ title: 'Ads', last: '2026-11-02' })],
      {
        values: [HEADER, ['A', 'Logo', '', '', '', '', later], ['B', 'API', '', '', '', '', '2026-11-02'],
          ['C', 'SEO', '', '', '', '', 'not yet'], ['D', 'Ads', '', '', '', '', 'Oct 1, 2026']],
        layout: findTable([HEADER])!, locale: 'en_US', dayOfDate: () => day('2026-11-20'),
      });
    expect(result.matched).toBe(4);
    expect(result.updates.map((u) => [u.index + 1, isoOfDay(u.day)])).toEqual([[4, '2026-11-02'], [5, '2026-11-02']]);
  });

  test('two contracts of the file on one row: the later date wins', () => {
    const result = plan([['Acme', 'Logo', 'Upwork', 'Open', 'https://www.upwork.com/ab/f/contracts/9', '', '']],
      [contract({ contractId: '9', last: '2026-11-09' }), contract({ title: 'Logo', client: 'Acme', last: '2026-11-02' })]);
    expect(result.matched).toBe(2);
    expect(result.updates).toEqual(['2:2026-11-09']);
  });

  test('no Last payment column: every matched row is an update; rows that are not contracts are never matched', () => {
    const header = ['Client', 'Job', 'Platform'];
    const result = plan([['', '', 'Upwork'], ['Acme', 'Logo', 'Upwork']], [contract({ title: 'Logo', last: '2026-11-02' })], header);
    expect(result.updates).toEqual(['3:2026-11-02']);
  });
});
