/**
 * The state of one contract (README "The audit"): Closed, Keep open, Check data, Active, Quiet,
 * Dormant or Close out; with its idle days, the follow-ups that count, whether one is due,
 * which template it uses, and the next step for the user.
 */
import type { Stage, State } from './types';
import { humanDate, isoOfDay, type Day } from './days';
import type { DateCell } from './dates';
import { FIELD_HEADERS } from './headers';
import { rowList } from './rowList';
import { classifyStatus, STATUS_WORDS } from './status';
import {
  activeStep, addDateColumnStep, addDateStep, closeOnStep, closeOutStep, fixDateStep, fixFutureDateStep,
  fixNumberStep, fixStatusStep, nextFollowUpStep, quietStep, sendFollowUpStep,
} from './nextStep';

/** Every word the audit writes in the Audit column. */
export const STATE_WORDS: readonly State[] = ['Active', 'Quiet', 'Dormant', 'Close out', 'Closed', 'Keep open', 'Check data'];

/** The settings the state depends on (a subset of Settings). */
export interface Thresholds {
  quietDays: number; dormantDays: number; followUpEveryDays: number; maxFollowUps: number; closeAfterDays: number;
}

/** What the audit read from one row. */
export interface RowFacts {
  /** Trimmed text of the status cell ('' without a status column). */
  status: string;
  lastActivity: DateCell; startDate: DateCell; lastFollowUp: DateCell;
  /** The Last payment cell (an Upwork import): a payment is the client acting. Empty when there is no such column. */
  lastPayment?: DateCell;
  /** Headers of the identity columns left empty (client, job): an open row without them cannot be followed up. */
  missing?: string[];
  /** Other rows holding the same contract (same identity): all of them are Check data, whatever their status. */
  sameAs?: number[];
  /** Raw Follow-ups cell ('' = 0). */
  followUps: unknown;
  /** Header texts, for messages; '' for a column the table does not have. */
  columnNames: { lastActivity: string; startDate: string; lastFollowUp: string; followUps: string; status: string;
    lastPayment?: string };
}

export interface Evaluation {
  state: State;
  /** Days since the latest of last activity, last payment and start date, whenever such a date exists (any state); else null. */
  idleDays: number | null;
  /** Follow-ups that count (0 after the client's later reply). */
  followUps: number;
  /** The sheet holds a count > 0 that the client's later reply cancels: the audit writes 0. */
  resetFollowUps: boolean;
  /** ISO day of the last follow-up, if the cell holds a date. */
  lastFollowUp: string | null;
  followUpDue: boolean;
  /** The template the next follow-up uses, while one may still be sent (open rows only); else null. */
  stage: Stage | null;
  /** Dormant: the earliest day the job may be closed if the client stays silent; Close out: the day it became closable. */
  closeOnDay: Day | null;
  /** One short sentence for the user; '' for Closed and Keep open. */
  nextStep: string;
  /** Check data: the note for the Audit cell, naming the column and what to fix; else null. */
  problem: string | null;
}

/**
 * Which template the next follow-up uses: stage = counted + 1; 'final' for the last allowed one,
 * 'first' for the first (unless it is also the last), 'second' otherwise. Null once all were sent.
 */
export function stageFor(countedFollowUps: number, maxFollowUps: number): Stage | null {
  if (countedFollowUps < 0 || countedFollowUps >= maxFollowUps) return null;
  if (countedFollowUps + 1 === maxFollowUps) return 'final';
  return countedFollowUps === 0 ? 'first' : 'second';
}

/** The Follow-ups cell as a count: a whole number ≥ 0 ('' and empty = 0), or null when it is not one. */
export function readFollowUpsCell(cell: unknown): number | null {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (text === '') return 0;
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function dayOf(cell: DateCell): Day | null {
  return cell.kind === 'date' ? cell.day : null;
}

/** The latest of last activity, last payment and start date: what idle days count from. */
function idleSince(facts: RowFacts): Day | null {
  const payment = facts.lastPayment ? dayOf(facts.lastPayment) : null;
  const days = [dayOf(facts.lastActivity), payment, dayOf(facts.startDate)].filter((d): d is Day => d !== null);
  return days.length === 0 ? null : Math.max(...days);
}

/** Evaluate one contract row against the thresholds on `today` (the state table in README "The audit"). */
export function evaluateContract(facts: RowFacts, t: Thresholds, today: Day): Evaluation {
  const since = idleSince(facts);
  // A reply or a payment after a follow-up both mean the client acted: the count starts again.
  const paid = facts.lastPayment ? dayOf(facts.lastPayment) : null;
  const activity = dayOf(facts.lastActivity);
  const lastActivity = paid !== null && (activity === null || paid > activity) ? paid : activity;
  const lastFollowUp = dayOf(facts.lastFollowUp);
  const sheetCount = readFollowUpsCell(facts.followUps);
  // A follow-up counts only if the client has not replied on a later day.
  const repliedAfter = lastActivity !== null && lastFollowUp !== null && lastActivity > lastFollowUp;
  const counted = sheetCount === null || repliedAfter ? 0 : sheetCount;
  const base: Evaluation = {
    state: 'Check data',
    idleDays: since !== null && since <= today ? today - since : null,
    followUps: counted,
    resetFollowUps: repliedAfter && sheetCount !== null && sheetCount > 0,
    lastFollowUp: lastFollowUp === null ? null : isoOfDay(lastFollowUp),
    followUpDue: false, stage: null, closeOnDay: null, nextStep: '', problem: null,
  };

  if (facts.sameAs && facts.sameAs.length > 0) return checkData(base, [duplicateIssue(facts.sameAs)]);
  const statusClass = classifyStatus(facts.status);
  if (statusClass === 'closed') return { ...base, state: 'Closed' };
  if (statusClass === 'keepOpen') return { ...base, state: 'Keep open' };
  if (statusClass === 'unknown') return checkData(base, [unknownStatusIssue(facts)]);

  const issues = rowIssues(facts, sheetCount, today);
  if (issues.length > 0 || since === null) return checkData(base, issues);
  return evaluateOpen(base, { idle: today - since, since, counted, lastFollowUp }, t, today);
}

interface Issue { step: string; note: string }

function checkData(base: Evaluation, issues: Issue[]): Evaluation {
  return {
    ...base, state: 'Check data', resetFollowUps: false,
    nextStep: issues[0]?.step ?? '',
    problem: issues.map((i) => i.note).join(' ') || null,
  };
}

function duplicateIssue(rows: readonly number[]): Issue {
  const list = rowList(rows);
  return {
    step: `Same contract as ${list}: make the rows differ.`,
    note: `The same contract as ${list} (same client, job, platform, start date and link). `
      + 'No follow-up is drafted for it until the rows differ: delete the copy, or change the start date or link of one of them.',
  };
}

function unknownStatusIssue(facts: RowFacts): Issue {
  const column = facts.columnNames.status || FIELD_HEADERS.status[0];
  const known = [...STATUS_WORDS.open, ...STATUS_WORDS.closed, ...STATUS_WORDS.keepOpen].join(', ');
  return {
    step: fixStatusStep(column),
    note: `${column}: "${facts.status}" is not a status the audit knows. Use one of: ${known} (blank means Open).`,
  };
}

/** Why an open row cannot be evaluated: bad or future dates, a bad count, no date at all. */
function rowIssues(facts: RowFacts, sheetCount: number | null, today: Day): Issue[] {
  const names = facts.columnNames;
  const issues: Issue[] = [];
  for (const column of facts.missing || []) {
    issues.push({ step: `Fill in ${column}.`, note: `${column} is empty: fill it in so the add-on can name this contract in follow-ups.` });
  }
  const dated: [DateCell, string][] = [
    [facts.lastActivity, names.lastActivity || FIELD_HEADERS.lastActivity[0]],
    [facts.startDate, names.startDate || FIELD_HEADERS.startDate[0]],
    [facts.lastFollowUp, names.lastFollowUp || FIELD_HEADERS.lastFollowUp[0]],
  ];
  if (facts.lastPayment) dated.push([facts.lastPayment, names.lastPayment || FIELD_HEADERS.lastPayment[0]]);
  for (const [cell, column] of dated) {
    if (cell.kind === 'bad') issues.push({ step: fixDateStep(column), note: `${column}: ${cell.reason}` });
    if (cell.kind === 'date' && cell.day > today) {
      issues.push({
        step: fixFutureDateStep(column),
        note: `${column}: ${humanDate(cell.day)} is after today. Enter the day it happened.`,
      });
    }
  }
  if (sheetCount === null) {
    const column = names.followUps || FIELD_HEADERS.followUps[0];
    issues.push({
      step: fixNumberStep(column),
      note: `${column}: "${shownValue(facts.followUps)}" is not a count. Write a whole number: 0, 1, 2…`,
    });
  }
  const paymentEmpty = !facts.lastPayment || facts.lastPayment.kind === 'empty';
  if (facts.lastActivity.kind === 'empty' && facts.startDate.kind === 'empty' && paymentEmpty) issues.push(noDateIssue(facts));
  return issues;
}

function noDateIssue(facts: RowFacts): Issue {
  const { lastActivity, startDate } = facts.columnNames;
  if (lastActivity === '' && startDate === '') {
    const [activityHeader, startHeader] = [FIELD_HEADERS.lastActivity[0], FIELD_HEADERS.startDate[0]];
    return {
      step: addDateColumnStep(activityHeader),
      note: `The table has no "${activityHeader}" or "${startHeader}" column. Add one so the audit can tell how long this job has been quiet.`,
    };
  }
  const columns = [lastActivity, startDate].filter((c) => c !== '');
  return {
    step: addDateStep(columns[0]),
    note: `No date to count idle days from: fill in ${columns.join(' or ')}.`,
  };
}

function shownValue(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a date';
  return String(value).trim();
}

interface OpenFacts { idle: number; since: Day; counted: number; lastFollowUp: Day | null }

function evaluateOpen(base: Evaluation, f: OpenFacts, t: Thresholds, today: Day): Evaluation {
  const stage = stageFor(f.counted, t.maxFollowUps);
  if (f.idle < t.quietDays) return { ...base, state: 'Active', stage, nextStep: activeStep() };
  if (f.idle < t.dormantDays) {
    return { ...base, state: 'Quiet', stage, nextStep: quietStep(f.since + t.dormantDays) };
  }
  // A count with no Last follow-up date stands, and is treated as sent long ago.
  const sentOn = f.counted > 0 ? f.lastFollowUp : null;
  const daysSinceFollowUp = sentOn === null ? Infinity : today - sentOn;

  if (f.counted >= t.maxFollowUps) {
    if (daysSinceFollowUp >= t.closeAfterDays) {
      const closableOn = sentOn === null ? today : sentOn + t.closeAfterDays;
      return { ...base, state: 'Close out', closeOnDay: closableOn, nextStep: closeOutStep() };
    }
    const closeOn = (sentOn as Day) + t.closeAfterDays;
    return { ...base, state: 'Dormant', closeOnDay: closeOn, nextStep: closeOnStep(closeOn) };
  }

  const due = daysSinceFollowUp >= t.followUpEveryDays;
  const nextOn = due ? today : (sentOn as Day) + t.followUpEveryDays;
  const remaining = t.maxFollowUps - f.counted;
  const closeOn = nextOn + (remaining - 1) * t.followUpEveryDays + t.closeAfterDays;
  return {
    ...base, state: 'Dormant', followUpDue: due, stage, closeOnDay: closeOn,
    nextStep: due && stage !== null ? sendFollowUpStep(stage, f.counted + 1, t.maxFollowUps) : nextFollowUpStep(nextOn),
  };
}
