import { runOutside } from './running';

/** One counted call a script made, as call hooks see it (after the call). */
export interface CallInfo {
  /** 'Class.method', as env.calls counts it: 'Range.getValues', 'GmailApp.createDraft'. */
  readonly method: string;
  /** Which call of this method it was in its execution: 1 for the first. */
  readonly index: number;
  /** The execution that made it. */
  readonly executionId: number;
  /** Its place among all counted calls of the execution: 1 for the first. */
  readonly sequence: number;
  /** Whether the call threw (an Apps Script error or an injected fault). */
  readonly threw: boolean;
}

export type CallListener = (call: CallInfo) => void;

/** When and what an interleaved user action does. */
export interface InterleaveSpec {
  /** The method to wait for ('Range.getValues'), a pattern, or a test on the method name. */
  after: string | RegExp | ((method: string) => boolean);
  /** Run after the nth matching call made from now on (default 1). */
  nth?: number;
  /** Run after the nth matching call and every one after it (default: once). */
  every?: boolean;
  /** The user's action: test-side code on the raw fakes (env.spreadsheet), never counted. */
  run: (call: CallInfo) => void;
}

/**
 * Test code run between a script's calls: what the user does in the sheet while a script runs
 * (a sort between its read and its write, a row inserted while Gmail drafts are made). Listeners
 * run after each counted call, outside any execution, so what they do on the raw fakes is not
 * counted and triggers no hook itself (reentrancy-safe). An error in a listener is thrown from
 * the script's call as it is (not as an Apps Script exception) and kept in `errors`, which
 * runFresh rethrows after the execution even when the script caught it: a test bug must not
 * pass for a script error.
 */
export class CallHooks {
  readonly errors: unknown[] = [];
  private readonly listeners = new Set<CallListener>();
  private running = false;

  /** Calls `listener` after every counted call of every execution; returns the unsubscribe. */
  onCall(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Runs `spec.run` after the nth matching call (and every later one with `every`); returns the unsubscribe. */
  interleave(spec: InterleaveSpec): () => void {
    const matches = matcher(spec.after);
    const nth = Math.max(1, Math.trunc(spec.nth ?? 1));
    let seen = 0;
    const unsubscribe = this.onCall((call) => {
      if (!matches(call.method)) return;
      seen += 1;
      if (seen < nth) return;
      if (!spec.every) unsubscribe();
      spec.run(call);
    });
    return unsubscribe;
  }

  /** Runs `fn` once, after the nth call of `method` made from now on. */
  interleaveOnce(method: string, nth: number, fn: (call: CallInfo) => void): () => void {
    return this.interleave({ after: method, nth, run: fn });
  }

  /** Removes every listener and forgets collected errors. */
  clear(): void {
    this.listeners.clear();
    this.errors.length = 0;
  }

  /**
   * Tells the listeners about a call (the call tracker does this). Nested emits are ignored.
   * Returns the first error a listener threw (also kept in `errors`), else null.
   */
  emit(call: CallInfo): unknown {
    if (this.running || this.listeners.size === 0) return null;
    this.running = true;
    let first: unknown = null;
    try {
      runOutside(() => {
        for (const listener of [...this.listeners]) {
          try {
            listener(call);
          } catch (error) {
            this.errors.push(error);
            first ??= error;
          }
        }
      });
    } finally {
      this.running = false;
    }
    return first;
  }
}

function matcher(after: InterleaveSpec['after']): (method: string) => boolean {
  if (typeof after === 'function') return after;
  if (after instanceof RegExp) return (method) => after.test(method);
  return (method) => method === after;
}
