/**
 * The "next step" sentence shown for each contract: short, concrete, one sentence, dates
 * written for people ('December 5, 2026').
 */
import type { Stage } from './types';
import { CLOSE_REASONS } from './closeReasons';
import { humanDate, type Day } from './days';

/** The close reason the audit suggests for a job whose client went silent ("Client not responsive"). */
export const SILENT_CLIENT_REASON = CLOSE_REASONS[0];

/** Active: nothing to do. */
export function activeStep(): string {
  return 'No action needed.';
}

/** Quiet: the day the job becomes dormant if nothing happens. */
export function quietStep(dormantOn: Day): string {
  return `Check in soon: dormant on ${humanDate(dormantOn)}.`;
}

/** Dormant with a follow-up due: which one to send. */
export function sendFollowUpStep(stage: Stage, number: number, maxFollowUps: number): string {
  return stage === 'final' ? 'Send the final follow-up.' : `Send follow-up ${number} of ${maxFollowUps}.`;
}

/** Dormant, follow-up sent recently: when the next one is due. */
export function nextFollowUpStep(dueOn: Day): string {
  return `Next follow-up on ${humanDate(dueOn)}.`;
}

/** Dormant, every follow-up sent: the day the job may be closed. */
export function closeOnStep(closeOn: Day): string {
  return `Close on ${humanDate(closeOn)} if the client stays silent.`;
}

/** Close out: close it now. */
export function closeOutStep(): string {
  return `Close the job: ${SILENT_CLIENT_REASON}.`;
}

/** Check data: a bad date in a column. */
export function fixDateStep(column: string): string {
  return `Fix the date in ${column}.`;
}

/** Check data: a date after today. */
export function fixFutureDateStep(column: string): string {
  return `Fix the future date in ${column}.`;
}

/** Check data: the Follow-ups cell is not a whole number. */
export function fixNumberStep(column: string): string {
  return `Fix the number in ${column}.`;
}

/** Check data: no date to count idle days from. */
export function addDateStep(column: string): string {
  return `Add a date in ${column}.`;
}

/** Check data: neither a last-activity nor a start-date column exists. */
export function addDateColumnStep(column: string): string {
  return `Add a "${column}" column.`;
}

/** Check data: a status word the audit does not know. */
export function fixStatusStep(column: string): string {
  return `Fix the status in ${column}.`;
}
