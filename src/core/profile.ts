/**
 * The profile signal (README "The audit" → Profile signal): how many jobs the freelancer's profile
 * shows open, how many are really active, and which to close. Says nothing a platform does not do.
 */
import type { Counts, ProfileSignal, State } from './types';

/** How many contracts the message names before "and N more". */
export const PROFILE_NAMES_SHOWN = 3;

interface NamedContract { state: State; client: string; job: string }

/**
 * openJobs = open + keep open; activeJobs = Active + Keep open. The message is one sentence when
 * Quiet + Dormant + Close out ≥ 1, naming the Close out contracts (else the Dormant ones to follow
 * up on, else the Quiet ones to check in with); '' when every evaluated open job is active.
 */
export function profileSignal(counts: Counts, contracts: readonly NamedContract[]): ProfileSignal {
  const openJobs = counts.open + counts.keepOpen;
  const activeJobs = counts.active + counts.keepOpen;
  if (counts.quiet + counts.dormant + counts.closeOut < 1) return { openJobs, activeJobs, message: '' };

  const named = (state: State): string[] => contracts.filter((c) => c.state === state).map(contractName);
  const toClose = named('Close out');
  const toFollowUp = named('Dormant');
  const advice = toClose.length > 0 ? `close ${nameList(toClose)}`
    : toFollowUp.length > 0 ? `follow up on ${nameList(toFollowUp)}`
      : `check in soon with ${nameList(named('Quiet'))}`;
  return { openJobs, activeJobs, message: `${shownOpen(openJobs)}, ${reallyActive(activeJobs)}: ${advice}.` };
}

function shownOpen(openJobs: number): string {
  return `Your profile shows ${openJobs} open ${openJobs === 1 ? 'job' : 'jobs'}`;
}

function reallyActive(activeJobs: number): string {
  if (activeJobs === 0) return 'but none is really active';
  return `but only ${activeJobs} ${activeJobs === 1 ? 'is' : 'are'} really active`;
}

/** "Client – Job", or whichever of the two is filled in. */
export function contractName(c: { client: string; job: string }): string {
  const parts = [c.client.trim(), c.job.trim()].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' – ') : 'an unnamed job';
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function nameList(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, PROFILE_NAMES_SHOWN);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
