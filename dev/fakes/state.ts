import type { ValidationData } from './sheets/cell';
import type { CriteriaData } from './sheets/filter-criteria';
import type { DraftRecord } from './services/gmail';
import type { RecordedMail } from './services/mail';
import type { TriggerData } from './services/trigger';
import type { UiRecord } from './ui/records';

/**
 * The whole simulated account as JSON (for a preview server that persists to a file).
 * Date cells are stored as the local date-time they show (ISO 8601 without zone, e.g.
 * "2026-10-01T00:00:00.000"), so they mean the same day whatever the zone of the reader.
 */
export interface FakeState {
  version: 1;
  clock: { now: string; fixed: boolean };
  settings: {
    scriptTimeZone: string; userEmail: string; addonTitle: string; spreadsheetId: string;
  };
  spreadsheet: { name: string; timeZone: string; locale: string; activeSheet: string; sheets: SheetState[] };
  properties: { document: Record<string, string>; user: Record<string, string>; script: Record<string, string> };
  cache: Record<'document' | 'user' | 'script', Record<string, { value: string; expiresAt: string }>>;
  gmail: { drafts: DraftRecord[]; successesLeft: number | null; nextId: number };
  mail: { sent: RecordedMail[]; remainingQuota: number };
  triggers: TriggerData[];
  nextTriggerId: number;
  reauthorizationRequired: boolean;
  /** The scopes the user granted (absent in older files: every manifest scope). */
  grantedScopes?: string[];
  /** Locks held by a simulated other execution. */
  locksHeldByOther: ('document' | 'script' | 'user')[];
  ui: UiRecord;
}

export interface SheetState {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** The sheet's selection in A1 notation. */
  selection: string;
  rules: RuleState[];
  /** Cells with anything set, by A1 notation. */
  cells: Record<string, CellState>;
  /** Merged areas in A1 notation (absent in older files: none). */
  merges?: string[];
  /** Rows hidden with hideRows (absent: none). */
  hiddenRows?: number[];
  /** The sheet's filter (absent or null: none). */
  filter?: FilterState | null;
}

export interface FilterState {
  /** The filter range in A1 notation. */
  range: string;
  /** Criteria by column letter ('C'). */
  criteria: Record<string, CriteriaData>;
}

export interface CellState {
  value?: string | number | boolean;
  /** A date cell: its local date-time, ISO 8601 without zone. */
  date?: string;
  formula?: string;
  note?: string;
  background?: string;
  numberFormat?: string;
  fontWeight?: 'bold';
  validation?: ValidationData;
}

export interface RuleState {
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  /** A1 notation on the same sheet. */
  ranges: string[];
}

/** Wall time (see core/timezone) to zone-less ISO text. */
export function wallToIso(wall: number): string {
  return new Date(wall).toISOString().slice(0, -1);
}

/** Zone-less ISO text to a wall time. */
export function isoToWall(text: string): number {
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  if (Number.isNaN(ms)) throw new Error(`Bad date in state: ${text}`);
  return ms;
}
