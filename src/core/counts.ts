/** The report's counts (README "The audit" → Counts). */
import type { Counts, State } from './types';

const COUNT_OF_STATE: Record<State, Exclude<keyof Counts, 'open' | 'followUpsDue'>> = {
  Active: 'active', Quiet: 'quiet', Dormant: 'dormant', 'Close out': 'closeOut',
  Closed: 'closed', 'Keep open': 'keepOpen', 'Check data': 'checkData',
};

/**
 * Count the rows per state. `open` = active + quiet + dormant + closeOut + checkData (keep-open
 * rows are counted apart); `followUpsDue` counts Dormant rows with a follow-up due.
 */
export function countStates(rows: readonly { state: State; followUpDue: boolean }[]): Counts {
  const counts: Counts = {
    open: 0, active: 0, quiet: 0, dormant: 0, closeOut: 0, closed: 0, keepOpen: 0, checkData: 0, followUpsDue: 0,
  };
  for (const row of rows) {
    counts[COUNT_OF_STATE[row.state]]++;
    if (row.state === 'Dormant' && row.followUpDue) counts.followUpsDue++;
  }
  counts.open = counts.active + counts.quiet + counts.dormant + counts.closeOut + counts.checkData;
  return counts;
}
