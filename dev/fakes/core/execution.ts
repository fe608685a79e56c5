/** One simulated Apps Script execution (one globals() object). */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface Execution {
  readonly id: number;
  readonly authMode: AuthModeName;
  /** The Error constructor of the realm the script runs in; set by the bundle loader. */
  errorConstructor: ErrorConstructor;
  /** Whether calls are counted (false for the test-side view of the spreadsheet). */
  readonly counted: boolean;
  /** Whether test-only helpers are visible (test side only). */
  readonly helpersVisible: boolean;
}

let nextExecutionId = 1;

/** A new execution with its own id. */
export function newExecution(authMode: AuthModeName, side: 'script' | 'test'): Execution {
  return {
    id: nextExecutionId++,
    authMode,
    errorConstructor: Error,
    counted: side === 'script',
    helpersVisible: side === 'test',
  };
}
