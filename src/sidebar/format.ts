/** Pure helpers that turn report data into what the sidebar shows. No DOM here. */
import type { AuditContract, HighlightedState } from '../core/types';

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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/**
 * An ISO 8601 date-time as people read it, at the wall time it was written in (the server
 * writes the spreadsheet's zone offset): "2026-12-01T09:00:00-05:00" → "December 1, 2026, 9:00".
 */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}, ${Number(match[4])}:${match[5]}`;
}

/** A `YYYY-MM-DD` date as people read it: "December 5, 2026". */
export function formatDay(day: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  if (!match) return day || '';
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
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
