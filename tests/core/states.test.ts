import { dayFromIso, isoOfDay } from '../../src/core/days';
import type { DateCell } from '../../src/core/dates';
import { evaluateContract, readFollowUpsCell, RowFacts, stageFor, Thresholds } from '../../src/core/states';

const DEFAULTS: Thresholds = { quietDays: 14, dormantDays: 30, followUpEveryDays: 7, maxFollowUps: 3, closeAfterDays: 7 };
const NAMES = { lastActivity: 'Last activity', startDate: 'Start date', lastFollowUp: 'Last follow-up', followUps: 'Follow-ups', status: 'Status' };

/** A date cell from test shorthand: '' = empty, 'bad:<text>' = bad, else an ISO day. */
function cell(text: string | undefined): DateCell {
  if (text === undefined || text === '') return { kind: 'empty' };
  if (text.startsWith('bad:')) return { kind: 'bad', text: text.slice(4), reason: `"${text.slice(4)}" is not a date. Write it like 2026-10-01.` };
  return { kind: 'date', day: day(text) };
}

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

interface Row { status?: string; la?: string; sd?: string; lf?: string; fu?: unknown }

function facts(row: Row, names = NAMES): RowFacts {
  return {
    status: row.status ?? '', lastActivity: cell(row.la), startDate: cell(row.sd), lastFollowUp: cell(row.lf),
    followUps: row.fu ?? '', columnNames: names,
  };
}

function evaluate(row: Row, today: string, t: Partial<Thresholds> = {}) {
  const e = evaluateContract(facts(row), { ...DEFAULTS, ...t }, day(today));
  return { ...e, closeOnDay: e.closeOnDay === null ? null : isoOfDay(e.closeOnDay) };
}

const TODAY = '2026-12-01';

describe('open rows: idle days and the Active / Quiet / Dormant boundaries', () => {
  test.each([
    ['idle 0', { la: TODAY }, TODAY, 'Active', 0, 'No action needed.'],
    ['idle 13', { la: '2026-11-18' }, TODAY, 'Active', 13, 'No action needed.'],
    ['idle 14', { la: '2026-11-17' }, TODAY, 'Quiet', 14, 'Check in soon: dormant on December 17, 2026.'],
    ['idle 29', { la: '2026-11-02' }, TODAY, 'Quiet', 29, 'Check in soon: dormant on December 2, 2026.'],
    ['idle 30, over the US DST change of 2026-11-01', { la: '2026-11-01' }, TODAY, 'Dormant', 30, 'Send follow-up 1 of 3.'],
    ['2 days across the DST change', { la: '2026-10-31' }, '2026-11-02', 'Active', 2, 'No action needed.'],
    ['start date only', { sd: '2026-10-01' }, TODAY, 'Dormant', 61, 'Send follow-up 1 of 3.'],
    ['the later of activity and start date counts', { la: '2026-09-01', sd: '2026-11-20' }, TODAY, 'Active', 11, 'No action needed.'],
    ['activity later than start', { la: '2026-11-17', sd: '2026-01-01' }, TODAY, 'Quiet', 14, 'Check in soon: dormant on December 17, 2026.'],
    ['month end: Jan 31 → Mar 2 is 30 days', { la: '2026-01-31' }, '2026-03-02', 'Dormant', 30, 'Send follow-up 1 of 3.'],
    ['month end: Jan 31 → Mar 1 is 29 days', { la: '2026-01-31' }, '2026-03-01', 'Quiet', 29, 'Check in soon: dormant on March 2, 2026.'],
    ['leap day: Jan 30 → Feb 29 2028 is 30 days', { la: '2028-01-30' }, '2028-02-29', 'Dormant', 30, 'Send follow-up 1 of 3.'],
    ['leap day as last activity', { la: '2028-02-29' }, '2028-03-14', 'Quiet', 14, 'Check in soon: dormant on March 30, 2028.'],
    ['year boundary', { la: '2026-12-18' }, '2027-01-01', 'Quiet', 14, 'Check in soon: dormant on January 17, 2027.'],
    ['year boundary, 13 days', { la: '2026-12-19' }, '2027-01-01', 'Active', 13, 'No action needed.'],
    ['status Paused is open', { status: 'Paused', la: '2026-11-01' }, TODAY, 'Dormant', 30, 'Send follow-up 1 of 3.'],
    ['status In progress is open', { status: 'In progress', la: '2026-11-30' }, TODAY, 'Active', 1, 'No action needed.'],
  ])('%s', (_name, row, today, state, idleDays, nextStep) => {
    const e = evaluate(row, today);
    expect({ state: e.state, idleDays: e.idleDays, nextStep: e.nextStep }).toEqual({ state, idleDays, nextStep });
    expect(e.problem).toBeNull();
  });

  test('custom thresholds move the boundaries', () => {
    expect(evaluate({ la: '2026-11-24' }, TODAY, { quietDays: 7, dormantDays: 10 }).state).toBe('Quiet');
    expect(evaluate({ la: '2026-11-21' }, TODAY, { quietDays: 7, dormantDays: 10 }).state).toBe('Dormant');
    expect(evaluate({ la: '2026-11-25' }, TODAY, { quietDays: 7, dormantDays: 10 }).state).toBe('Active');
  });
});

describe('Dormant and Close out: follow-ups due, stages, close-out day', () => {
  // Last activity 2026-10-01 = 61 idle days on TODAY.
  const LA = '2026-10-01';
  test.each([
    ['no follow-up yet: due, first', { la: LA }, {},
      { state: 'Dormant', followUps: 0, followUpDue: true, stage: 'first', nextStep: 'Send follow-up 1 of 3.', closeOnDay: '2026-12-22' }],
    ['1 sent 6 days ago: not due', { la: LA, fu: 1, lf: '2026-11-25' }, {},
      { state: 'Dormant', followUps: 1, followUpDue: false, stage: 'second', nextStep: 'Next follow-up on December 2, 2026.', closeOnDay: '2026-12-16' }],
    ['1 sent 7 days ago: due, second', { la: LA, fu: 1, lf: '2026-11-24' }, {},
      { state: 'Dormant', followUps: 1, followUpDue: true, stage: 'second', nextStep: 'Send follow-up 2 of 3.', closeOnDay: '2026-12-15' }],
    ['2 sent, last 7 days ago: due, final', { la: LA, fu: 2, lf: '2026-11-24' }, {},
      { state: 'Dormant', followUps: 2, followUpDue: true, stage: 'final', nextStep: 'Send the final follow-up.', closeOnDay: '2026-12-08' }],
    ['2 sent, last 6 days ago: final not due yet', { la: LA, fu: 2, lf: '2026-11-25' }, {},
      { state: 'Dormant', followUps: 2, followUpDue: false, stage: 'final', nextStep: 'Next follow-up on December 2, 2026.', closeOnDay: '2026-12-09' }],
    ['3 sent, last 6 days ago (closeAfterDays − 1): still Dormant', { la: LA, fu: 3, lf: '2026-11-25' }, {},
      { state: 'Dormant', followUps: 3, followUpDue: false, stage: null, nextStep: 'Close on December 2, 2026 if the client stays silent.', closeOnDay: '2026-12-02' }],
    ['3 sent, last 7 days ago (closeAfterDays): Close out', { la: LA, fu: 3, lf: '2026-11-24' }, {},
      { state: 'Close out', followUps: 3, followUpDue: false, stage: null, nextStep: 'Close the job: Client not responsive.', closeOnDay: '2026-12-01' }],
    ['3 sent, last long ago: Close out', { la: LA, fu: 3, lf: '2026-10-20' }, {},
      { state: 'Close out', followUps: 3, followUpDue: false, stage: null, nextStep: 'Close the job: Client not responsive.', closeOnDay: '2026-10-27' }],
    ['more than the maximum sent counts as the maximum', { la: LA, fu: 5, lf: '2026-11-01' }, {},
      { state: 'Close out', followUps: 5, followUpDue: false, stage: null, nextStep: 'Close the job: Client not responsive.', closeOnDay: '2026-11-08' }],
    ['a count with no date stands, sent long ago: due', { la: LA, fu: 1 }, {},
      { state: 'Dormant', followUps: 1, followUpDue: true, stage: 'second', nextStep: 'Send follow-up 2 of 3.', closeOnDay: '2026-12-15' }],
    ['all sent with no date: Close out today', { la: LA, fu: 3 }, {},
      { state: 'Close out', followUps: 3, followUpDue: false, stage: null, nextStep: 'Close the job: Client not responsive.', closeOnDay: TODAY }],
    ['a text count "2" is a count', { la: LA, fu: ' 2 ', lf: '2026-11-01' }, {},
      { state: 'Dormant', followUps: 2, followUpDue: true, stage: 'final', nextStep: 'Send the final follow-up.', closeOnDay: '2026-12-08' }],
    ['maxFollowUps 1: the only follow-up is the final one', { la: LA }, { maxFollowUps: 1 },
      { state: 'Dormant', followUps: 0, followUpDue: true, stage: 'final', nextStep: 'Send the final follow-up.', closeOnDay: '2026-12-08' }],
    ['maxFollowUps 5, 3 sent: the fourth is "second"', { la: LA, fu: 3, lf: '2026-11-20' }, { maxFollowUps: 5 },
      { state: 'Dormant', followUps: 3, followUpDue: true, stage: 'second', nextStep: 'Send follow-up 4 of 5.', closeOnDay: '2026-12-15' }],
    ['closeAfterDays 0: close out the day the last one was sent', { la: LA, fu: 3, lf: TODAY }, { closeAfterDays: 0 },
      { state: 'Close out', followUps: 3, followUpDue: false, stage: null, nextStep: 'Close the job: Client not responsive.', closeOnDay: TODAY }],
    ['followUpEveryDays 14: 13 days is not due', { la: LA, fu: 1, lf: '2026-11-18' }, { followUpEveryDays: 14 },
      { state: 'Dormant', followUps: 1, followUpDue: false, stage: 'second', nextStep: 'Next follow-up on December 2, 2026.', closeOnDay: '2026-12-23' }],
  ])('%s', (_name, row, t, expected) => {
    const e = evaluate(row, TODAY, t);
    expect({ state: e.state, followUps: e.followUps, followUpDue: e.followUpDue, stage: e.stage, nextStep: e.nextStep, closeOnDay: e.closeOnDay })
      .toEqual(expected);
    expect(e.idleDays).toBe(61);
  });
});

describe('a client reply after the last follow-up resets the count', () => {
  test('a later reply resets to 0 and asks the audit to write 0', () => {
    const e = evaluate({ la: '2026-10-20', fu: 2, lf: '2026-10-15' }, TODAY);
    expect(e).toMatchObject({
      state: 'Dormant', idleDays: 42, followUps: 0, resetFollowUps: true, lastFollowUp: '2026-10-15',
      followUpDue: true, stage: 'first', nextStep: 'Send follow-up 1 of 3.',
    });
  });

  test('a reply the day after the follow-up resets it', () => {
    expect(evaluate({ la: '2026-10-16', fu: 3, lf: '2026-10-15' }, TODAY)).toMatchObject({ state: 'Dormant', followUps: 0, resetFollowUps: true });
  });

  test('a reply on the same day as the follow-up does not reset it', () => {
    const e = evaluate({ la: '2026-10-15', fu: 3, lf: '2026-10-15' }, TODAY);
    expect(e).toMatchObject({ state: 'Close out', followUps: 3, resetFollowUps: false });
  });

  test('nothing to write back when the count was already 0', () => {
    expect(evaluate({ la: '2026-10-20', fu: 0, lf: '2026-10-15' }, TODAY)).toMatchObject({ followUps: 0, resetFollowUps: false });
    expect(evaluate({ la: '2026-10-20', fu: '', lf: '2026-10-15' }, TODAY)).toMatchObject({ followUps: 0, resetFollowUps: false });
  });

  test('a recent reply makes the job Active again with the count reset', () => {
    expect(evaluate({ la: '2026-11-28', fu: 2, lf: '2026-11-01' }, TODAY))
      .toMatchObject({ state: 'Active', idleDays: 3, followUps: 0, resetFollowUps: true, followUpDue: false, nextStep: 'No action needed.' });
  });

  test('a later start date does not reset follow-ups (only the client\'s activity does)', () => {
    expect(evaluate({ sd: '2026-10-20', fu: 2, lf: '2026-10-15' }, TODAY)).toMatchObject({ followUps: 2, resetFollowUps: false });
  });
});

describe('Closed and Keep open', () => {
  test.each([
    ['Closed', { status: 'Closed', la: '2026-01-01' }, 'Closed', 334],
    ['closed with a bad date is still Closed', { status: 'completed', la: 'bad:soon' }, 'Closed', null],
    ['closed with a future date is still Closed', { status: 'Done', la: '2027-01-01' }, 'Closed', null],
    ['closed with no dates', { status: 'Ended' }, 'Closed', null],
    ['Keep open, long idle', { status: 'Keep open', la: '2026-01-01', fu: 3, lf: '2026-02-01' }, 'Keep open', 334],
    ['Retainer with a bad count', { status: 'Retainer', sd: '2026-11-01', fu: 'lots' }, 'Keep open', 30],
  ])('%s', (_name, row, state, idleDays) => {
    const e = evaluate(row, TODAY);
    expect({ state: e.state, idleDays: e.idleDays, nextStep: e.nextStep, problem: e.problem, followUpDue: e.followUpDue, stage: e.stage })
      .toEqual({ state, idleDays, nextStep: '', problem: null, followUpDue: false, stage: null });
  });
});

describe('Check data: the row says what to fix', () => {
  test.each([
    ['unknown status', { status: 'Pending', la: '2026-11-30' },
      'Fix the status in Status.', 'Status: "Pending" is not a status the audit knows.', 1],
    ['bad last activity', { la: 'bad:soon' },
      'Fix the date in Last activity.', 'Last activity: "soon" is not a date. Write it like 2026-10-01.', null],
    ['bad start date, good activity', { la: '2026-11-30', sd: 'bad:ASAP' },
      'Fix the date in Start date.', 'Start date: "ASAP" is not a date.', 1],
    ['bad last follow-up', { la: '2026-10-01', fu: 1, lf: 'bad:last week' },
      'Fix the date in Last follow-up.', 'Last follow-up: "last week" is not a date.', 61],
    ['last activity after today', { la: '2026-12-02' },
      'Fix the future date in Last activity.', 'Last activity: December 2, 2026 is after today.', null],
    ['start date after today', { la: '2026-11-01', sd: '2027-01-05' },
      'Fix the future date in Start date.', 'Start date: January 5, 2027 is after today.', null],
    ['last follow-up after today', { la: '2026-10-01', fu: 1, lf: '2026-12-02' },
      'Fix the future date in Last follow-up.', 'Last follow-up: December 2, 2026 is after today.', 61],
    ['a word as the count', { la: '2026-10-01', fu: 'two' },
      'Fix the number in Follow-ups.', 'Follow-ups: "two" is not a count. Write a whole number: 0, 1, 2…', 61],
    ['a negative count', { la: '2026-10-01', fu: -1 }, 'Fix the number in Follow-ups.', '"-1" is not a count', 61],
    ['a fractional count', { la: '2026-10-01', fu: 1.5 }, 'Fix the number in Follow-ups.', '"1.5" is not a count', 61],
    ['a checkbox as the count', { la: '2026-10-01', fu: true }, 'Fix the number in Follow-ups.', '"true" is not a count', 61],
    ['no date at all', {},
      'Add a date in Last activity.', 'No date to count idle days from: fill in Last activity or Start date.', null],
  ])('%s', (_name, row, nextStep, problemPart, idleDays) => {
    const e = evaluate(row, TODAY);
    expect(e.state).toBe('Check data');
    expect(e.nextStep).toBe(nextStep);
    expect(e.problem).toContain(problemPart);
    expect(e.idleDays).toBe(idleDays);
    expect(e.followUpDue).toBe(false);
    expect(e.resetFollowUps).toBe(false);
  });

  test('an unknown status lists the words the audit knows', () => {
    const e = evaluate({ status: 'Pending', la: '2026-11-30' }, TODAY);
    expect(e.problem).toContain('Open');
    expect(e.problem).toContain('Closed');
    expect(e.problem).toContain('Keep open');
  });

  test('every problem of a row is in its note; the next step names the first', () => {
    const e = evaluate({ la: 'bad:soon', fu: 'x' }, TODAY);
    expect(e.nextStep).toBe('Fix the date in Last activity.');
    expect(e.problem).toContain('Last activity: "soon"');
    expect(e.problem).toContain('Follow-ups: "x"');
  });

  test('the note uses the sheet\'s own header texts', () => {
    const names = { ...NAMES, lastActivity: 'Last reply', startDate: '' };
    const e = evaluateContract(facts({}, names), DEFAULTS, day(TODAY));
    expect(e.nextStep).toBe('Add a date in Last reply.');
    expect(e.problem).toBe('No date to count idle days from: fill in Last reply.');
  });

  test('a table with no date columns: the note says to add one', () => {
    const names = { ...NAMES, lastActivity: '', startDate: '' };
    const e = evaluateContract(facts({}, names), DEFAULTS, day(TODAY));
    expect(e.state).toBe('Check data');
    expect(e.nextStep).toBe('Add a "Last client activity" column.');
    expect(e.problem).toBe('The table has no "Last client activity" or "Start date" column. Add one so the audit can tell how long this job has been quiet.');
  });

  test('a bad row still reports the follow-ups it holds', () => {
    expect(evaluate({ la: 'bad:x', fu: 2, lf: '2026-11-01' }, TODAY)).toMatchObject({ followUps: 2, lastFollowUp: '2026-11-01' });
  });
});

describe('stageFor', () => {
  test.each([
    [0, 3, 'first'], [1, 3, 'second'], [2, 3, 'final'], [3, 3, null], [4, 3, null],
    [0, 1, 'final'], [1, 1, null], [0, 2, 'first'], [1, 2, 'final'],
    [0, 5, 'first'], [1, 5, 'second'], [3, 5, 'second'], [4, 5, 'final'], [-1, 3, null],
  ])('%i counted of %i → %p', (counted, max, stage) => {
    expect(stageFor(counted, max)).toBe(stage);
  });
});

describe('readFollowUpsCell', () => {
  test.each([
    ['', 0], [null, 0], [undefined, 0], ['  ', 0], [0, 0], [2, 2], ['3', 3], [' 1 ', 1],
    [-1, null], [1.5, null], ['1.5', null], ['two', null], [true, null], [NaN, null], [Infinity, null],
    [new Date(0), null], ['-2', null],
  ])('%p → %p', (value, expected) => {
    expect(readFollowUpsCell(value)).toBe(expected);
  });
});
