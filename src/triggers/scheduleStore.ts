/** What the automation remembers per document: its configuration, last run and last error. */
import { DEFAULT_SCHEDULE, parseScheduleInput, type ScheduleConfig } from '../core/schedule';

const SCHEDULE_KEY = 'contractAudit.schedule';

export interface ScheduleState { config: ScheduleConfig; lastRun: string | null; lastError: string | null }

export function loadScheduleState(): ScheduleState {
  const stored = PropertiesService.getDocumentProperties().getProperty(SCHEDULE_KEY);
  const fallback: ScheduleState = { config: { ...DEFAULT_SCHEDULE }, lastRun: null, lastError: null };
  if (!stored) return fallback;
  let parsed: Partial<ScheduleState>;
  try {
    parsed = JSON.parse(stored) as Partial<ScheduleState>;
  } catch (_e) {
    return fallback;
  }
  let config = fallback.config;
  try {
    config = parseScheduleInput(parsed.config || {});
  } catch (_e) { /* a damaged configuration falls back to the defaults; the history stays */ }
  return {
    config,
    lastRun: typeof parsed.lastRun === 'string' ? parsed.lastRun : null,
    lastError: typeof parsed.lastError === 'string' ? parsed.lastError : null,
  };
}

export function saveScheduleState(state: ScheduleState): void {
  PropertiesService.getDocumentProperties().setProperty(SCHEDULE_KEY, JSON.stringify(state));
}
