import { normalizeName } from '../../src/core/normalize';
import {
  ADDON_HEADERS, ALL_SETUP_HEADERS, AUDIT_ADDED_FIELDS, CLOSE_ADDED_FIELDS, columnLetter, Field,
  FIELD_HEADERS, fieldOfHeader, findTable, REQUIRED_HEADERS_MESSAGE,
} from '../../src/core/headers';

describe('FIELD_HEADERS', () => {
  test('every synonym the README lists is recognised for its field', () => {
    const spec: Record<Field, string[]> = {
      client: ['Client', 'Client name', 'Customer', 'Company'],
      job: ['Job', 'Job title', 'Contract', 'Contract title', 'Project'],
      status: ['Status', 'State'],
      lastActivity: ['Last client activity', 'Last activity', 'Last contact', 'Last reply', 'Last message'],
      startDate: ['Start date', 'Started', 'Start'],
      platform: ['Platform', 'Marketplace', 'Source'],
      email: ['Client email', 'Email'],
      url: ['Contract URL', 'Contract link', 'Link', 'URL'],
      earnings: ['Earnings', 'Earned', 'Billed', 'Amount'],
      contact: ['Contact', 'Contact name', 'Client contact'],
      contractType: ['Type', 'Contract type'],
      contractId: ['Contract ID', 'Contract number'],
      lastPayment: ['Last payment', 'Last paid'],
      followUps: ['Follow-ups'],
      lastFollowUp: ['Last follow-up'],
      audit: ['Audit'],
      closedOn: ['Closed on'],
      closeReason: ['Close reason'],
    };
    for (const field of Object.keys(spec) as Field[]) {
      for (const header of spec[field]) expect([header, fieldOfHeader(header)]).toEqual([header, field]);
    }
  });

  test('no two fields share a normalised header', () => {
    const seen = new Map<string, Field>();
    for (const field of Object.keys(FIELD_HEADERS) as Field[]) {
      for (const header of FIELD_HEADERS[field]) {
        const name = normalizeName(header);
        expect([header, seen.get(name) ?? field]).toEqual([header, field]);
        seen.set(name, field);
      }
    }
  });

  test.each([
    ['FOLLOW UPS', 'followUps'], ['Follow-up', 'followUps'], ['Follow-up(s)', 'followUps'], ['follow_ups', 'followUps'],
    ['  client  ', 'client'], ['Clients', 'client'], ['E-mail', 'email'], ['last follow up', 'lastFollowUp'],
    ['Notes', null], ['', null], ['Rate', null], ['Contract URL', 'url'],
  ])('%p → %p', (text, field) => {
    expect(fieldOfHeader(text)).toBe(field);
  });

  test('the add-on writes exactly the headers the README lists, and recognises them', () => {
    expect(ADDON_HEADERS).toEqual({
      followUps: 'Follow-ups', lastFollowUp: 'Last follow-up', audit: 'Audit', closedOn: 'Closed on', closeReason: 'Close reason',
      lastPayment: 'Last payment',
    });
    expect(AUDIT_ADDED_FIELDS).toEqual(['followUps', 'lastFollowUp', 'audit']);
    expect(CLOSE_ADDED_FIELDS).toEqual(['closedOn', 'closeReason']);
    for (const [field, header] of Object.entries(ADDON_HEADERS)) expect(fieldOfHeader(header)).toBe(field);
  });

  test('the setup header row is a complete table with every field once', () => {
    const layout = findTable([ALL_SETUP_HEADERS])!;
    expect(layout.problems).toEqual([]);
    expect(Object.keys(layout.columns).sort()).toEqual(Object.keys(FIELD_HEADERS).sort());
    expect(layout.width).toBe(ALL_SETUP_HEADERS.length);
  });
});

describe('columnLetter', () => {
  test.each([[0, 'A'], [1, 'B'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])(
    '%i → %s', (index, letters) => {
      expect(columnLetter(index)).toBe(letters);
    });
});

describe('findTable', () => {
  test('a header in row 1', () => {
    const layout = findTable([
      ['Client', 'Job', 'Status', 'Last activity', 'Notes'],
      ['Acme', 'Logo', 'Open', '2026-10-01', ''],
    ]);
    expect(layout).toEqual({
      headerRow: 1,
      columns: { client: 0, job: 1, status: 2, lastActivity: 3 },
      headers: ['Client', 'Job', 'Status', 'Last activity', 'Notes'],
      width: 5,
      problems: [],
    });
  });

  test('title rows above the header are skipped; trailing blank cells are not part of the table', () => {
    const layout = findTable([
      ['My contracts 2026', '', ''],
      ['', '', ''],
      ['Client: Acme', 'Job', ''],               // a note, not a header ("Client: Acme" is no header)
      ['  Customer ', 'Project title', 'Start date', '', 'Platform', '', ''],
      ['Acme', 'Logo', '2026-01-01', '', 'Upwork', '', ''],
    ])!;
    expect(layout.headerRow).toBe(4);
    expect(layout.columns).toEqual({ client: 0, job: 1, startDate: 2, platform: 4 });
    expect(layout.headers).toEqual(['Customer', 'Project title', 'Start date', '', 'Platform']);
    expect(layout.width).toBe(5);
  });

  test('the header must be within the first 10 rows', () => {
    const filler = Array.from({ length: 10 }, () => ['note']);
    expect(findTable([...filler, ['Client', 'Job', 'Start date']])).toBeNull();
    expect(findTable([...filler.slice(1), ['Client', 'Job', 'Start date']])!.headerRow).toBe(10);
  });

  test.each([
    [[['Client', 'Status', 'Start date']]],
    [[['Job', 'Status', 'Start date']]],
    [[]],
    [[[]]],
  ])('no table without both a client and a job column: %j', (rows) => {
    expect(findTable(rows)).toBeNull();
  });

  test('a repeated header: the first one is used and the user is told', () => {
    const layout = findTable([['Client', 'Job', 'Start', 'Notes', 'Client', 'Customer']])!;
    expect(layout.columns.client).toBe(0);
    expect(layout.problems).toEqual([
      'Column E "Client" repeats column A; column A is used.',
      'Column F "Customer" means the same as column A "Client"; column A is used.',
    ]);
  });

  test('a table without a date column is still a table, with a problem saying what to add', () => {
    const layout = findTable([['Client', 'Job', 'Status']])!;
    expect(layout.headerRow).toBe(1);
    expect(layout.problems).toEqual([
      'No "Last client activity" or "Start date" column: add one so the audit can tell how long each job has been quiet.',
    ]);
  });

  test('non-text header cells do not break the scan', () => {
    const layout = findTable([[null, 42, new Date(0), 'Client', 'Job', undefined, 'Start date']])!;
    expect(layout.columns).toEqual({ client: 3, job: 4, startDate: 6 });
    expect(layout.headers[0]).toBe('');
    expect(layout.headers[1]).toBe('42');
  });
});

test('the message when no table is found names the headers and the menu item', () => {
  expect(REQUIRED_HEADERS_MESSAGE).toContain('Client');
  expect(REQUIRED_HEADERS_MESSAGE).toContain('Job');
  expect(REQUIRED_HEADERS_MESSAGE).toContain('first 10 rows');
  expect(REQUIRED_HEADERS_MESSAGE).toContain('"Set up contracts sheet"');
});
