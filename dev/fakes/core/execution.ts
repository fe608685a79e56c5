/** One simulated Apps Script execution (one globals() object). */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface Execution {
  readonly id: number;
  readonly authMode: AuthModeName;
  /** A time-driven run: no UI, and no active sheet of its own (the first sheet stands in). */
  readonly trigger: boolean;
  /** The fake clock (epoch ms) when the execution started: the time limit counts from here. */
  readonly startedAtMs: number;
  /** The Error constructor of the realm the script runs in; set by the bundle loader. */
  errorConstructor: ErrorConstructor;
  /** Whether calls are counted (false for the test-side view of the spreadsheet). */
  readonly counted: boolean;
  /** Whether test-only helpers are visible (test side only). */
  readonly helpersVisible: boolean;
  /** This execution's calls so far by 'Class.method' (the index call hooks report). */
  readonly callCounts: Map<string, number>;
  /** Every counted call so far, in order (1 = the first). */
  sequence: number;
  /**
   * Set once something ended the execution for good (the time limit, a consent prompt): Apps
   * Script kills the script, so every later call throws it and runFresh reports it even when the
   * script caught it.
   */
  ended: string | null;
}

export interface ExecutionStart {
  trigger?: boolean;
  startedAtMs?: number;
}

let nextExecutionId = 1;

/** A new execution with its own id. */
export function newExecution(authMode: AuthModeName, side: 'script' | 'test', start: ExecutionStart = {}): Execution {
  return {
    id: nextExecutionId++,
    authMode,
    trigger: Boolean(start.trigger),
    startedAtMs: start.startedAtMs ?? 0,
    errorConstructor: Error,
    counted: side === 'script',
    helpersVisible: side === 'test',
    callCounts: new Map(),
    sequence: 0,
    ended: null,
  };
}

/** The id the next execution will get (faults scoped to "the next execution" bind to it). */
export function peekNextExecutionId(): number {
  return nextExecutionId;
}
