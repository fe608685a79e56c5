/**
 * Faithful in-memory Apps Script fakes: one simulated Google account with one open spreadsheet,
 * for running the built add-on (dist/Code.js) on a machine that never reaches Google.
 * See README.md in this folder for what is faked, the test-only helpers and known gaps.
 */
import { FakeAppsScript, type FakeOptions } from './env';

export { FakeAppsScript };
export type { ExecutionEnding, ExecutionOptions, FakeOptions, SeedTriggerOptions } from './env';
export type { FakeState } from './state';
export type { FakeClock } from './core/clock';
export type { AuthModeName } from './core/execution';
export type { CellRecord, RuleRecord } from './sheets/sheet';
export { FakeSheet } from './sheets/sheet';
export { FakeSpreadsheet } from './sheets/spreadsheet';
export { FakeRange } from './sheets/range';
export { FakeTrigger, type ClockConfig } from './services/trigger';
export type { MenuRecord, UiRecord } from './ui/records';
export { PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES } from './services/properties';
export { CACHE_VALUE_LIMIT_BYTES } from './services/cache';
export { MANIFEST_SCOPES } from './core/scopes';
export { CONSUMER_EXECUTION_MS, TIME_LIMIT_MESSAGE } from './core/limits';
export { CONSENT_REQUIRED_MESSAGE } from './services/authorization';
export { FILTER_EXISTS } from './sheets/filter';
export type { CallInfo, CallListener, InterleaveSpec } from './core/call-hooks';
export type { FaultOptions } from './core/faults';
export type { RowOrder } from './sheets/sheet';

/** A new simulated account (or one restored from `options.state`). */
export function createFakeAppsScript(options?: FakeOptions): FakeAppsScript {
  return new FakeAppsScript(options);
}
