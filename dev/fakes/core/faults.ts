/** How an injected failure is armed. */
export interface FaultOptions {
  /** Fail the nth matching call from now on (default 1: the next one). */
  nth?: number;
  /** The error text (default: the service's real transient error, see defaultFaultMessage). */
  message?: string;
  /**
   * Count only within the next execution started after arming (the next runFresh); the fault is
   * dropped when that execution ends, whether it fired or not. Default: armed until it fires.
   */
  executionScoped?: boolean;
}

interface Fault {
  method: string;
  remaining: number;
  message: string | null;
  /** For execution-scoped faults: the execution it belongs to (bound when that execution starts). */
  executionId: number | null;
  scoped: boolean;
}

/**
 * Calls that fail as Google's services sometimes do (a Sheets timeout, a Gmail server error):
 * the call throws and what it would have written is NOT applied.
 */
export class Faults {
  private faults: Fault[] = [];

  /** Makes the nth next call of `method` ('Range.setValues', 'RangeList.setValue') throw. */
  failNext(method: string, options: FaultOptions = {}): void {
    this.faults.push({
      method, remaining: Math.max(1, Math.trunc(options.nth ?? 1)), message: options.message ?? null,
      executionId: null, scoped: Boolean(options.executionScoped),
    });
  }

  /** Disarms every fault. */
  clear(): void { this.faults = []; }

  /** How many faults are still armed. */
  pending(): number { return this.faults.length; }

  /** Binds unbound execution-scoped faults to a starting execution. */
  executionStarted(executionId: number): void {
    for (const fault of this.faults) if (fault.scoped && fault.executionId === null) fault.executionId = executionId;
  }

  /** Drops the execution-scoped faults of an execution that ended. */
  executionEnded(executionId: number): void {
    this.faults = this.faults.filter((fault) => !(fault.scoped && fault.executionId === executionId));
  }

  /**
   * Whether this call must fail: counts it against every matching fault and returns the message
   * of the first that fires (it is then disarmed), else null.
   */
  take(method: string, executionId: number, defaultMessage: () => string): string | null {
    let message: string | null = null;
    for (const fault of [...this.faults]) {
      if (fault.method !== method) continue;
      if (fault.scoped && fault.executionId !== executionId) continue;
      fault.remaining -= 1;
      if (fault.remaining > 0 || message !== null) continue;
      message = fault.message ?? defaultMessage();
      this.faults.splice(this.faults.indexOf(fault), 1);
    }
    return message;
  }
}

/** The text a failing call of a service throws by default. */
export function defaultFaultMessage(service: string, documentId: string): string {
  if (service === 'SpreadsheetApp') return `Service Spreadsheets timed out while accessing document with id ${documentId}.`;
  return 'We\'re sorry, a server error occurred. Please wait a bit and try again.';
}
