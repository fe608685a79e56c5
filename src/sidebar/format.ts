/** Pure helpers that turn report data into what the sidebar shows. No DOM here. */
import type { AuditContract, AuditReport, Counts, HighlightedState, Problem } from '../core/types';
import { dayFromIso, humanDate } from '../core/days';
import { plural } from '../core/plural';
import { HIGHLIGHTED_STATES } from '../core/highlights';

/** Most cards one attention group shows; the rest are counted ("and N more in the sheet"). */
export const CARDS_PER_GROUP = 100;

const COUNT_OF_STATE: Record<HighlightedState, keyof Counts> = {
  'Close out': 'closeOut', Dormant: 'dormant', Quiet: 'quiet', 'Check data': 'checkData',
};

export interface AttentionGroup {
  state: HighlightedState;
  /** The contracts to show as cards: at most the limit, sheet order kept. */
  contracts: AuditContract[];
  /** Every contract in this state, from the report's counts (which cover every row). */
  total: number;
  /** `total` minus the cards shown. */
  more: number;
}

/**
 * The contracts needing attention, grouped Close out, Dormant, Quiet, Check data (the order of
 * `HIGHLIGHTED_STATES`), sheet order kept, at most `limit` cards a group. A group's total comes
 * from the report's counts, so it stays complete when the report carries fewer contracts
 * (the embedded first paint is cut to EMBEDDED_CONTRACTS_LIMIT). Empty groups are left out.
 */
export function attentionGroups(report: Pick<AuditReport, 'contracts' | 'counts'>, limit: number = CARDS_PER_GROUP): AttentionGroup[] {
  return HIGHLIGHTED_STATES.map((state) => {
    const all = report.contracts.filter((c) => c.state === state);
    const counted = report.counts ? Number(report.counts[COUNT_OF_STATE[state]]) || 0 : 0;
    const total = Math.max(counted, all.length);
    const contracts = all.slice(0, Math.max(0, limit));
    return { state, contracts, total, more: total - contracts.length };
  }).filter((group) => group.total > 0);
}

/** A problem as the user reads it: "Row 5: …" once, whether or not the server already said "Row 5:". */
export function problemText(problem: Problem): string {
  const prefix = `Row ${problem.row}:`;
  return problem.row > 0 && problem.message.indexOf(prefix) !== 0 ? `${prefix} ${problem.message}` : problem.message;
}

/** The contract link if it is a web address (http or https), else null: never javascript: or data:. */
export function safeUrl(url: string | null | undefined): string | null {
  const text = (url || '').trim();
  if (!text) return null;
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch (_error) {
    return null;
  }
}

/** "1 day", "12 days", or "no date" when the row has no usable date. */
export function formatIdle(idleDays: number | null): string {
  if (idleDays === null || idleDays === undefined) return 'no usable date';
  return `idle ${plural(idleDays, 'day')}`;
}

/** "1 follow-up", "0 follow-ups" ... */
export function formatFollowUps(count: number): string {
  return plural(count, 'follow-up');
}

export { plural } from '../core/plural';

/** An ISO date-time as people read it, at the wall time it names: "December 1, 2026, 9:00". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  const day = match ? dayFromIso(match[1]) : null;
  return match && day !== null ? `${humanDate(day)}, ${Number(match[2])}:${match[3]}` : iso;
}

/** A `YYYY-MM-DD` date as people read it: "December 5, 2026". */
export function formatDay(iso: string | null): string {
  const day = dayFromIso(iso || '');
  return day === null ? iso || '' : humanDate(day);
}

/** Share of really active jobs among the jobs the profile shows open, 0..100. */
export function activeShare(openJobs: number, activeJobs: number): number {
  if (!openJobs || openJobs <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((activeJobs / openJobs) * 100)));
}

/** The text to paste into a platform's message room. */
export function pasteText(subject: string, body: string): string {
  return subject ? `${subject}\n\n${body}` : body;
}

/** A count for people, with thousands separators: "1,234". */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 follow-up", "1,234 follow-ups": plural() with thousands separators. */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
