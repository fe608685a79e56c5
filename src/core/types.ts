/**
 * The add-on's public data shapes (SPEC.md "Server API"). Shared by the server, the sidebar
 * and the tests. Plain JSON only: dates are `YYYY-MM-DD` strings, date-times ISO 8601.
 */

export type State = 'Active' | 'Quiet' | 'Dormant' | 'Close out' | 'Closed' | 'Keep open' | 'Check data';
export type HighlightedState = 'Quiet' | 'Dormant' | 'Close out' | 'Check data';
export type Stage = 'first' | 'second' | 'final';
export type CloseReason =
  | 'Client not responsive'
  | 'Job completed successfully'
  | 'Job completed unsuccessfully'
  | 'Another reason';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface Counts {
  open: number; active: number; quiet: number; dormant: number; closeOut: number;
  closed: number; keepOpen: number; checkData: number; followUpsDue: number;
}

export interface ProfileSignal { openJobs: number; activeJobs: number; message: string }

export interface AuditContract {
  key: string; row: number; client: string; job: string; platform: string; status: string;
  state: State;
  idleDays: number | null; followUps: number; lastFollowUp: string | null;
  followUpDue: boolean; nextStep: string; email: string; url: string;
}

export interface Problem { row: number; message: string }

export interface AuditReport {
  sheetName: string; today: string; timeZone: string;
  counts: Counts;
  profile: ProfileSignal;
  /** Every data row, in sheet order. */
  contracts: AuditContract[];
  problems: Problem[];
  /** One sentence on the action just done; '' after a plain audit. */
  notice: string;
}

export interface Outcome {
  key: string; row: number; client: string; stage: Stage;
  subject: string; body: string; error?: string;
}

export interface DraftResult { drafted: Outcome[]; toSend: Outcome[]; failed: Outcome[]; report: AuditReport }

export interface Template { subject: string; body: string }
export type Templates = Record<Stage, Template>;

export interface Settings {
  sheetName: string; quietDays: number; dormantDays: number;
  followUpEveryDays: number; maxFollowUps: number; closeAfterDays: number; senderName: string;
  autoDraft: boolean; digestEmail: boolean;
  templates: Templates;
}

export interface ScheduleInput {
  frequency?: 'monthly' | 'weekly'; dayOfMonth?: number; weekday?: string; hour?: number;
}

export interface Schedule {
  enabled: boolean; frequency: 'monthly' | 'weekly'; dayOfMonth: number;
  weekday: string; hour: number;
  /** ISO 8601 date-times. */
  nextRun: string | null; lastRun: string | null; lastError: string | null;
}

/** What `showSidebar()` embeds in the page it serves, so the first paint needs no round trip. */
export interface SidebarBootstrap {
  /** The last audit (attention rows only), or null when none could be made. */
  report: AuditReport | null;
  /** Why there is no report (e.g. no contracts sheet yet), in plain words; '' otherwise. */
  error: string;
  settings: Settings;
  schedule: Schedule;
  /** Placeholders a template may use, for the Settings panel. */
  placeholders: string[];
}
