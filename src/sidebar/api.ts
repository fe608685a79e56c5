/**
 * The server functions the sidebar may call, with their arguments and results
 * (README "Server API"). Shared shapes come from src/core/types.ts.
 */
import type {
  AuditReport, CloseReason, DraftOptions, DraftResult, ImportOptions, ImportResult, Permissions, Schedule,
  ScheduleInput, Settings, Templates,
} from '../core/types';

/** What `saveSettings` accepts: any subset of the settings, templates stage by stage. */
export type SettingsInput = Partial<Omit<Settings, 'templates'>> & { templates?: Partial<Templates> };

/** Every function the sidebar calls through `google.script.run`, as the server declares it. */
export interface ServerApi {
  runAudit(): AuditReport;
  clearHighlights(): { removed: number };
  draftFollowUps(keys?: string[] | null, options?: DraftOptions): DraftResult;
  markFollowUpSent(key: string): AuditReport;
  closeContract(key: string, reason: CloseReason): AuditReport;
  selectRow(key: string): void;
  getSettings(): Settings;
  saveSettings(partial: SettingsInput): Settings;
  getSchedule(): Schedule;
  enableSchedule(input?: ScheduleInput): Schedule;
  disableSchedule(): Schedule;
  getPermissions(): Permissions;
  importUpworkReport(csvText: string, options?: ImportOptions): ImportResult;
  setupContractsSheet(): { sheetName: string };
}

export type ServerFunction = keyof ServerApi;

/** The same API as seen from the browser: every call returns a promise of its result. */
export type PromisedApi<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export { CLOSE_REASONS } from '../core/closeReasons';
