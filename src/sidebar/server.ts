/// <reference types="google.script.client-side" />
/**
 * The one typed, promise-based wrapper over `google.script.run`. Every server call of the
 * sidebar goes through `server`.
 */
import type { PromisedApi, ServerApi, ServerFunction } from './api';
import { readableError } from './errors';

type Args<K extends ServerFunction> = Parameters<ServerApi[K]>;
type Result<K extends ServerFunction> = ReturnType<ServerApi[K]>;

/** Runs one server function and settles with its result, or rejects with a readable Error. */
export function call<K extends ServerFunction>(fn: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const run = typeof google !== 'undefined' && google.script ? google.script.run : undefined;
    if (!run) {
      reject(new Error('The sidebar cannot reach the add-on here. Open it from the Extensions menu of your sheet.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value: unknown) => resolve(value as Result<K>))
      .withFailureHandler((error: unknown) => reject(new Error(readableError(error))));
    const target = runner[fn] as unknown as ((...a: unknown[]) => void) | undefined;
    if (typeof target !== 'function') {
      reject(new Error(`The add-on has no "${fn}" function. Reload the sidebar after updating the add-on.`));
      return;
    }
    target.apply(runner, args as unknown[]);
  });
}

/** The server API with a promise per function: `await server.runAudit()`. */
export const server: PromisedApi<ServerApi> = {
  runAudit: () => call('runAudit'),
  clearHighlights: () => call('clearHighlights'),
  draftFollowUps: (keys, options) => (options ? call('draftFollowUps', keys || null, options)
    : keys ? call('draftFollowUps', keys) : call('draftFollowUps')),
  markFollowUpSent: (key) => call('markFollowUpSent', key),
  closeContract: (key, reason) => call('closeContract', key, reason),
  selectRow: (key) => call('selectRow', key),
  getSettings: () => call('getSettings'),
  saveSettings: (partial) => call('saveSettings', partial),
  getSchedule: () => call('getSchedule'),
  enableSchedule: (input) => (input ? call('enableSchedule', input) : call('enableSchedule')),
  disableSchedule: () => call('disableSchedule'),
  getPermissions: () => call('getPermissions'),
  importUpworkReport: (csvText, options) => (options ? call('importUpworkReport', csvText, options) : call('importUpworkReport', csvText)),
  setupContractsSheet: () => call('setupContractsSheet'),
};
