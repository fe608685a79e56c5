import type { Execution } from './execution';

/**
 * The execution whose API call is running right now. Calls are synchronous, so a stack set by
 * the call tracker around each call tells a fake which execution asked, without passing it
 * through every method: a time-driven execution sees the first sheet as its active sheet while
 * the test (calling the raw fakes, outside any call) still sees the user's selection.
 */
const stack: Execution[] = [];

/** The execution of the call in progress, or null outside script calls (test-side code). */
export function runningExecution(): Execution | null {
  return stack.length > 0 ? stack[stack.length - 1] : null;
}

/** Runs `fn` as a call of `execution`. */
export function runAs<T>(execution: Execution, fn: () => T): T {
  stack.push(execution);
  try {
    return fn();
  } finally {
    stack.pop();
  }
}

/** Runs test code (a call hook) outside any execution, even when called from inside a call. */
export function runOutside<T>(fn: () => T): T {
  const saved = stack.splice(0, stack.length);
  try {
    return fn();
  } finally {
    stack.push(...saved);
  }
}
