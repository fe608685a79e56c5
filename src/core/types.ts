/**
 * The add-on's public data shapes (README "Server API"). Shared by the server, the sidebar
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
  /** Names the contract on its sheet: a hash of its identity plus the sheet's ID (see keys.ts). */
  key: string; row: number; client: string; job: string; platform: string; status: string;
  state: State;
  idleDays: number | null; followUps: number; lastFollowUp: string | null;
  followUpDue: boolean; nextStep: string; email: string; url: string;
  /** From the Last payment column (an Upwork import), when the sheet has one; else null. */
  lastPayment: string | null;
}

export interface Problem { row: number; message: string }

export interface AuditReport {
  sheetName: string; sheetId: number; today: string; timeZone: string;
  counts: Counts;
  profile: ProfileSignal;
  /**
   * Every contract, in sheet order, when there are at most MAX_REPORTED_CONTRACTS (500); else the
   * ones needing attention (Close out, Dormant, Quiet, Check data, in that order), at most 500.
   */
  contracts: AuditContract[];
  /** Contracts left out of `contracts` (0 when every contract is listed). */
  omitted: number;
  problems: Problem[];
  /** One sentence on the action just done; '' after a plain audit. */
  notice: string;
}

export interface Outcome {
  key: string; row: number; client: string; stage: Stage;
  subject: string; body: string; error?: string;
}

export interface DraftResult {
  drafted: Outcome[]; toSend: Outcome[]; failed: Outcome[]; report: AuditReport;
  /**
   * Due follow-ups this call did not reach (not in `skip`, beyond `limit` or after a stop), so a
   * caller drafting in chunks knows when it is done. 0 when every due follow-up was handled.
   */
  remaining: number;
}

/** The second argument of draftFollowUps (`options.limit`, `options.skip`: drafting in chunks). */
export interface DraftOptions {
  /** Handle at most this many due contracts (drafted + to send + failed), in sheet order. */
  limit?: number;
  /** Keys to leave out (contracts already handled by earlier chunks: to send, or failed). */
  skip?: string[];
}

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

/** Which features the user's consent allows (README "Permissions"). */
export interface Permissions { audit: boolean; drafts: boolean; schedule: boolean; digest: boolean }

export interface ImportOptions {
  /** Append the contracts found in no row as new rows (default false). */
  addMissing?: boolean;
}

export interface UnmatchedContract {
  contractId: string; title: string; client: string;
  /** YYYY-MM-DD. */
  lastPayment: string;
  /** Why it matched no row, e.g. 'matches rows 7 and 12' or 'no row with this contract'. */
  reason: string;
}

export interface ImportResult {
  format: 'weekly-summary' | 'transaction-history';
  /** Contracts found in the file. */
  contracts: number;
  /** Of those, found in the sheet. */
  matched: number;
  /** Rows whose Last payment changed. */
  updated: number;
  /** Rows appended (options.addMissing). */
  added: number;
  /** Lines that were not a payment (fees, withdrawals) or could not be read. */
  skippedLines: number;
  unmatched: UnmatchedContract[];
  report: AuditReport;
}

/**
 * Whether the states the sidebar shows were written to the sheet: 'current' when the last audit
 * of this sheet ran with the current settings; 'never' when this sheet was never audited;
 * 'settingsChanged' when the thresholds changed since.
 */
export interface AuditStatus {
  kind: 'current' | 'never' | 'settingsChanged';
  /** ISO 8601 date-time of the last audit written to this sheet, or null. */
  lastAudit: string | null;
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
  /** Whether `report`'s states were written to the sheet (the first paint says so truthfully). */
  auditStatus: AuditStatus;
  permissions: Permissions;
}
