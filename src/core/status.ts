/**
 * The Status column's words (README "Your contracts sheet" → Status values). Compared like headers:
 * case, spaces and punctuation ignored, so `In progress`, `in-progress` and `IN PROGRESS` agree.
 */
import { normalizeName } from './normalize';

export type StatusClass = 'open' | 'closed' | 'keepOpen' | 'unknown';

/** The words of each class, as users write them. A blank status is open too. */
export const STATUS_WORDS: { open: readonly string[]; closed: readonly string[]; keepOpen: readonly string[] } = {
  open: ['Open', 'Active', 'In progress', 'Paused', 'On hold', 'Waiting'],
  // "Canceled" is the US spelling of the README's "Cancelled".
  closed: ['Closed', 'Ended', 'Completed', 'Done', 'Cancelled', 'Canceled'],
  keepOpen: ['Keep open', 'Retainer', 'Ongoing'],
};

const CLASS_BY_WORD: ReadonlyMap<string, StatusClass> = new Map<string, StatusClass>([
  ...STATUS_WORDS.open.map((w) => [normalizeName(w), 'open'] as const),
  ...STATUS_WORDS.closed.map((w) => [normalizeName(w), 'closed'] as const),
  ...STATUS_WORDS.keepOpen.map((w) => [normalizeName(w), 'keepOpen'] as const),
]);

/** The class of a Status cell's value: blank = open; a word the README does not list = unknown. */
export function classifyStatus(cell: unknown): StatusClass {
  if (cell === null || cell === undefined) return 'open';
  const text = String(cell).trim();
  if (text === '') return 'open';
  if (typeof cell !== 'string') return 'unknown';
  return CLASS_BY_WORD.get(normalizeName(text)) ?? 'unknown';
}
