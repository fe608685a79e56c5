/** The sidebar's shared state and the one way actions run (busy button, errors in plain words). */
import type { AuditReport, Permissions, Schedule, Settings } from '../core/types';
import { withBusy } from './busy';
import type { Messages } from './messages';

export interface App {
  report: AuditReport | null;
  settings: Settings | null;
  schedule: Schedule | null;
  placeholders: string[];
  /** Which features the user's consent allows (from the bootstrap; null/undefined: not known, all shown). */
  permissions?: Permissions | null;
  messages: Messages;
  /** Shows a new report (after an audit or an action) and its notice. */
  showReport(report: AuditReport): void;
  showSchedule(schedule: Schedule): void;
  showSettings(settings: Settings): void;
  /**
   * Runs `work` with `button` busy. A failure shows its message in the error banner (or goes to
   * `onError` when given, e.g. to show it next to a field) and resolves undefined.
   */
  act<T>(button: HTMLButtonElement, work: () => Promise<T>, onError?: (message: string) => void): Promise<T | undefined>;
}

/** The `act` every view uses. */
export function makeAct(messages: Messages): App['act'] {
  return async (button, work, onError) => {
    messages.error('');
    try {
      return await withBusy(button, work);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (onError) onError(message);
      else messages.error(message);
      return undefined;
    }
  };
}
