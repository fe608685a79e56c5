import type { CallCounter } from './calls';
import type { CallHooks } from './call-hooks';
import type { Execution } from './execution';
import { defaultFaultMessage, type Faults } from './faults';
import type { Latency } from './latency';
import { type ExecutionLimits, pastTimeLimit, TIME_LIMIT_MESSAGE } from './limits';
import { refusal } from './permissions';
import { type Grants, scopeRefusal } from './scopes';

/** The account-wide switches every call passes through. */
export interface CallEnvironment {
  readonly counter: CallCounter;
  readonly hooks: CallHooks;
  readonly faults: Faults;
  readonly latency: Latency;
  readonly limits: ExecutionLimits;
  readonly grants: Grants;
  nowMs(): number;
  advanceClock(ms: number): void;
  /** The open spreadsheet's id (named in the Sheets timeout error). */
  documentId(): string;
}

/**
 * What happens around every API call a script makes, in Apps Script's order: the call is
 * counted; an execution already ended (time limit, consent prompt) or past its time limit throws;
 * the authorization mode and the granted scopes may refuse it; an injected fault may fail it
 * without effect; otherwise it runs. Then it costs its latency on the fake clock and the call
 * hooks (the user acting mid-execution) run. Test-side executions skip all of it.
 */
export class CallPipeline {
  constructor(private readonly env: CallEnvironment) {}

  /** Before the call: counts it and returns the error refusing it, or null when it may go ahead. */
  admit(execution: Execution, apiName: string, method: string, service: string): string | null {
    if (!execution.counted) return refusal(execution.authMode, apiName, method);
    const key = `${apiName}.${method}`;
    this.env.counter.record(apiName, method, service);
    execution.sequence += 1;
    execution.callCounts.set(key, (execution.callCounts.get(key) ?? 0) + 1);
    if (execution.ended !== null) return execution.ended;
    if (pastTimeLimit(execution.startedAtMs, this.env.nowMs(), this.env.limits)) {
      execution.ended = TIME_LIMIT_MESSAGE;
      return execution.ended;
    }
    return refusal(execution.authMode, apiName, method) ?? scopeRefusal(this.env.grants, apiName, method, service);
  }

  /** The injected failure this call meets, if any (the call must then have no effect). */
  fault(execution: Execution, apiName: string, method: string, service: string): string | null {
    if (!execution.counted) return null;
    return this.env.faults.take(`${apiName}.${method}`, execution.id,
      () => defaultFaultMessage(service, this.env.documentId()));
  }

  /**
   * After the call went to Google (whether it succeeded): its latency, then the call hooks.
   * Returns the first error a hook threw (also kept for runFresh), else null.
   */
  complete(execution: Execution, apiName: string, method: string, service: string, threw: boolean): unknown {
    if (!execution.counted) return null;
    const key = `${apiName}.${method}`;
    const cost = this.env.latency.get(key, service);
    if (cost > 0) this.env.advanceClock(cost);
    return this.env.hooks.emit({
      method: key, index: execution.callCounts.get(key) ?? 0, executionId: execution.id,
      sequence: execution.sequence, threw,
    });
  }
}
