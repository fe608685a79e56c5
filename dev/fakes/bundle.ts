/**
 * Runs the built add-on (dist/Code.js) on the fakes, one fresh Apps Script execution per call:
 * a NEW vm context made of env.globals(), the bundle loaded into it with gas-local, one
 * top-level function called, its result delivered as google.script.run would (JSON).
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as vm from 'node:vm';
import * as gasLocal from 'gas-local';
import type { AuthModeName } from './core/execution';
import { isDate } from './core/clock';
import { FakeAppsScript } from './env';
import { repoRoot } from './repo-root';

export interface RunOptions {
  /** The execution's authorization mode (default FULL). */
  authMode?: AuthModeName;
  /** Folder holding Code.js (default <repo>/dist). */
  distDir?: string;
  /**
   * Run as a time-driven trigger: getUi() throws, the first sheet is the active sheet, toasts show
   * nothing, and the default argument is a clock event.
   */
  trigger?: boolean;
}

/** Arguments: JSON values (round-tripped like google.script.run does), or built inside the execution. */
export type RunArgs = unknown[] | ((globals: Record<string, unknown>) => unknown[]);

/** Loads dist/Code.js into a new execution's context and returns that context (its globals). */
export function loadBundle(env: FakeAppsScript, opts: RunOptions = {}): Record<string, unknown> {
  const distDir = resolve(opts.distDir ?? join(repoRoot(), 'dist'));
  const codePath = join(distDir, 'Code.js');
  if (!existsSync(codePath)) throw new Error(`${codePath} not found: run \`npm run build\` first.`);
  const globals = env.globals({ authMode: opts.authMode, trigger: opts.trigger });
  vm.createContext(globals);
  env.bindRealm(globals, vm.runInContext('Error', globals) as ErrorConstructor);
  return gasLocal.require(distDir, globals, { filter: (file) => resolve(file) === codePath && basename(file) === 'Code.js' });
}

/**
 * Runs one server function of the built dist/Code.js as a fresh Apps Script execution and returns
 * the result JSON-round-tripped. Errors thrown by the function are rethrown as Error with the same
 * message. Without args, onOpen/onInstall get `{ authMode, source? }` and a trigger run gets a
 * time-driven event object, as Apps Script passes them. Locks the execution still holds are
 * released when it ends. A result holding a Date is refused (google.script.run would deliver null).
 * An execution that ran past the time limit or stopped for a consent prompt throws that error
 * even when the script caught it (Apps Script kills the script); an error thrown by a call hook
 * (test code) is rethrown as such.
 */
export function runFresh<T = unknown>(env: FakeAppsScript, fn: string, args?: RunArgs, opts: RunOptions = {}): T {
  const context = loadBundle(env, opts);
  let result: unknown;
  let failure: { error: unknown } | null = null;
  try {
    const target = context[fn];
    if (typeof target !== 'function') throw new Error(`dist/Code.js has no top-level function "${fn}".`);
    const callArgs = typeof args === 'function' ? args(context) : args !== undefined ? jsonRoundTrip(args)
      : defaultEvent(fn, context, opts);
    result = (target as (...a: unknown[]) => unknown).apply(undefined, callArgs as unknown[]);
  } catch (error) {
    failure = { error };
  }
  const ending = env.finishExecution(context);
  if (ending.hookErrors.length > 0) {
    const [first] = ending.hookErrors;
    throw Object.assign(new Error(`A call hook (test code) threw: ${messageOf(first)}`), { cause: first });
  }
  if (ending.ended !== null) {
    throw Object.assign(new Error(ending.ended), { name: 'Exception', cause: failure?.error });
  }
  if (failure) {
    throw Object.assign(new Error(messageOf(failure.error)), { name: errorName(failure.error), cause: failure.error });
  }
  const datePath = findDate(result, '');
  if (datePath !== null) {
    throw new Error(`${fn} returned a Date at ${datePath || 'the top level'}; google.script.run would deliver null. Return YYYY-MM-DD strings.`);
  }
  return (result === undefined ? undefined : jsonRoundTrip(result)) as T;
}

/** The names of the top-level functions dist/Code.js declares (from a fresh context). */
export function topLevelFunctions(distDir?: string): string[] {
  const env = new FakeAppsScript({ htmlFiles: {} });
  const context = loadBundle(env, { distDir });
  const provided = new Set(Object.keys(env.globals()));
  return Object.keys(context).filter((name) => !provided.has(name) && typeof context[name] === 'function').sort();
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function messageOf(error: unknown): string {
  return error !== null && typeof error === 'object' && 'message' in error
    ? String((error as { message: unknown }).message) : String(error);
}

function errorName(error: unknown): string {
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : 'Error';
}

function findDate(value: unknown, path: string): string | null {
  if (isDate(value)) return path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = findDate(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** The event object Apps Script passes to simple and time-driven triggers. */
function defaultEvent(fn: string, context: Record<string, unknown>, opts: RunOptions): unknown[] {
  const scriptApp = context.ScriptApp as { AuthMode: Record<string, unknown> };
  const mode = opts.authMode ?? 'FULL';
  if (opts.trigger) {
    const now = new (context.Date as DateConstructor)();
    return [{
      authMode: scriptApp.AuthMode.FULL, triggerUid: 'fake-trigger', timezone: 'UTC', year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1, 'day-of-month': now.getUTCDate(), 'day-of-week': now.getUTCDay() || 7,
      hour: now.getUTCHours(), minute: now.getUTCMinutes(), second: now.getUTCSeconds(),
    }];
  }
  if (fn === 'onOpen' || fn === 'onInstall') {
    const event: Record<string, unknown> = { authMode: scriptApp.AuthMode[mode] };
    if (mode !== 'NONE') {
      event.source = (context.SpreadsheetApp as { getActiveSpreadsheet(): unknown }).getActiveSpreadsheet();
    }
    return [event];
  }
  return [];
}
