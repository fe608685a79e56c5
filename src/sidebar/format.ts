/** Pure helpers that turn report data into what the sidebar shows. No DOM here. */
import type { AuditContract, HighlightedState } from '../core/types';
import { dayFromIso, humanDate } from '../core/days';

/** The states that need the user's attention, in the order the sidebar groups them. */
export const ATTENTION_STATES: readonly HighlightedState[] = ['Close out', 'Dormant', 'Quiet', 'Check data'];

/** The contracts needing attention, grouped by state in `ATTENTION_STATES` order, sheet order kept. */
export function groupAttention(contracts: readonly AuditContract[]): { state: HighlightedState; contracts: AuditContract[] }[] {
  return ATTENTION_STATES
    .map((state) => ({ state, contracts: contracts.filter((c) => c.state === state) }))
    .filter((group) => group.contracts.length > 0);
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

/** `n thing` / `n things`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

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
