import type { FakeClassInfo } from './api-shape';
import type { CallPipeline } from './call-pipeline';
import type { Execution } from './execution';
import { runAs } from './running';

/**
 * Presents fake objects to a script the way Apps Script does: only real API members are
 * visible, every call goes through the call pipeline (counted, refused when the authorization
 * mode, the granted scopes or the time limit forbid it, failed by injected faults, costed on the
 * clock, followed by call hooks), and its errors are re-created in the script's realm. Objects a call returns (a Sheet from
 * getSheetByName, Ranges in a rule...) are presented the same way; fakes passed back as
 * arguments are unwrapped, so the fakes' own code never sees a presented object.
 */
export class Tracker {
  private readonly presented = new WeakMap<object, object>();
  private readonly rawOf = new WeakMap<object, object>();

  constructor(private readonly pipeline: CallPipeline, readonly execution: Execution) {}

  /** The presented (proxied) form of a fake object; other values are returned unchanged. */
  present<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.presentArray(value) as unknown as T;
    const info = classInfo(value);
    if (!info) return value;
    const existing = this.presented.get(value);
    if (existing) return existing as T;
    const proxy = this.createProxy(value, info);
    this.presented.set(value, proxy);
    this.rawOf.set(proxy, value);
    return proxy as T;
  }

  /** The fake behind a presented object (or the value itself). */
  unwrap(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const raw = this.rawOf.get(value);
    if (raw) return raw;
    if (Array.isArray(value) && value.some((item) => Array.isArray(item) || this.rawOf.has(item as object))) {
      return value.map((item) => this.unwrap(item));
    }
    return value;
  }

  private presentArray(items: unknown[]): unknown[] {
    const holdsFakes = items.some((item) => item !== null && typeof item === 'object' &&
      (classInfo(item) !== null || (Array.isArray(item) && item.some((inner) => inner !== null &&
        typeof inner === 'object' && classInfo(inner) !== null))));
    return holdsFakes ? items.map((item) => this.present(item)) : items;
  }

  private createProxy(raw: object, info: FakeClassInfo): object {
    const api = memberSet(info.api);
    const helpers = memberSet(info.helpers ?? []);
    const methods = new Map<string, unknown>();
    const visible = (name: string): boolean =>
      api.has(name) || (this.execution.helpersVisible && helpers.has(name));
    return new Proxy(raw, {
      get: (target, property) => {
        if (typeof property === 'symbol') return undefined;
        if (!visible(property)) return info.assignable ? variablesOf(target)[property] : undefined;
        const member = Reflect.get(target, property, target) as unknown;
        if (typeof member !== 'function') return this.present(member);
        let method = methods.get(property);
        if (!method) {
          method = helpers.has(property) && !api.has(property)
            ? (member as (...args: unknown[]) => unknown).bind(target)
            : this.trackedMethod(target, info, property, member as (...args: unknown[]) => unknown);
          methods.set(property, method);
        }
        return method;
      },
      has: (_target, property) => typeof property === 'string' && visible(property),
      set: (target, property, value) => {
        if (!info.assignable || typeof property !== 'string' || api.has(property)) return false;
        variablesOf(target)[property] = value;
        return true;
      },
      ownKeys: () => [...api],
      getOwnPropertyDescriptor: (target, property) =>
        typeof property === 'string' && api.has(property)
          ? { configurable: true, enumerable: true, writable: false, value: Reflect.get(target, property) }
          : undefined,
    });
  }

  private trackedMethod(target: object, info: FakeClassInfo, name: string,
    member: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    const { apiName, service } = info;
    return (...args: unknown[]) => {
      const execution = this.execution;
      const refused = this.pipeline.admit(execution, apiName, name, service);
      if (refused !== null) throw this.scriptError(refused);
      const faulted = this.pipeline.fault(execution, apiName, name, service);
      let outcome: { value: unknown } | { error: Error };
      try {
        if (faulted !== null) throw this.scriptError(faulted);
        const raw = args.map((arg) => this.unwrap(arg));
        outcome = { value: this.present(runAs(execution, () => member.apply(target, raw))) };
      } catch (error) {
        outcome = { error: this.scriptError(error instanceof Error ? error.message : String(error), error) };
      }
      const hookError = this.pipeline.complete(execution, apiName, name, service, 'error' in outcome);
      // A failing call hook is a test bug: surface it at once (runFresh reports it too).
      if (hookError !== null) throw hookError;
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    };
  }

  private scriptError(message: string, original?: unknown): Error {
    const ErrorInRealm = this.execution.errorConstructor;
    if (original instanceof ErrorInRealm) return original;
    const error = new ErrorInRealm(message);
    error.name = original instanceof Error && original.name !== 'Error' ? original.name : 'Exception';
    return error;
  }
}

const memberSets = new WeakMap<readonly string[], Set<string>>();

function memberSet(names: readonly string[]): Set<string> {
  let set = memberSets.get(names);
  if (!set) {
    set = new Set(names);
    memberSets.set(names, set);
  }
  return set;
}

/** Script-assigned properties of an assignable fake (an HtmlTemplate's variables). */
function variablesOf(target: object): Record<string, unknown> {
  return (target as { variables: Record<string, unknown> }).variables;
}

/** The tracked-class description of a fake object, or null for plain values. */
export function classInfo(value: object): FakeClassInfo | null {
  const ctor = (value as { constructor?: Partial<FakeClassInfo> }).constructor;
  if (!ctor || typeof ctor.apiName !== 'string' || !ctor.api || typeof ctor.service !== 'string') return null;
  return ctor as FakeClassInfo;
}
