/**
 * Apps Script's execution time limit: 6 minutes for consumer (gmail.com) accounts, measured on
 * the fake clock from the start of the execution. Past it, Apps Script kills the script: no
 * catch block can save it.
 */
export const CONSUMER_EXECUTION_MS = 6 * 60 * 1000;

/** What the script sees (and the execution log shows) when it runs out of time. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export interface ExecutionLimits {
  /** The time limit of one execution in ms (default 6 minutes). */
  executionMs: number;
}

/** Whether an execution started at `startedAtMs` is past the limit at `nowMs`. */
export function pastTimeLimit(startedAtMs: number, nowMs: number, limits: ExecutionLimits): boolean {
  return nowMs - startedAtMs > limits.executionMs;
}
