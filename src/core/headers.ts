/**
 * Finding the contracts table (README "Your contracts sheet"): the header row is the first of the
 * first 10 rows that names both a Client and a Job column; columns are recognised by header
 * with normalizeName (case, spaces, punctuation, singular/plural ignored); the first of a
 * duplicate header is used.
 */
import { normalizeName } from './normalize';

export type Field = 'client' | 'job' | 'status' | 'lastActivity' | 'startDate' | 'platform' | 'email' | 'url'
  | 'earnings' | 'contact' | 'contractType' | 'contractId' | 'lastPayment'
  | 'followUps' | 'lastFollowUp' | 'audit' | 'closedOn' | 'closeReason';

/** The header texts recognised for each field; the first is the canonical one. */
export const FIELD_HEADERS: Record<Field, readonly string[]> = {
  client: ['Client', 'Client name', 'Customer', 'Company', 'Buyer'],
  job: ['Job', 'Job title', 'Contract', 'Contract title', 'Project', 'Job name', 'Project name', 'Project title'],
  status: ['Status', 'State'],
  lastActivity: ['Last client activity', 'Last activity', 'Last contact', 'Last reply', 'Last message',
    'Last client reply', 'Last client message', 'Last activity date', 'Last contact date'],
  startDate: ['Start date', 'Started', 'Start', 'Started on', 'Date started'],
  platform: ['Platform', 'Marketplace', 'Source'],
  email: ['Client email', 'Email', 'Email address', 'Client email address'],
  url: ['Contract URL', 'Contract link', 'Link', 'URL', 'Job link', 'Job URL'],
  earnings: ['Earnings', 'Earned', 'Billed', 'Amount', 'Total earned'],
  contact: ['Contact', 'Contact name', 'Client contact', 'Contact person'],
  contractType: ['Contract type', 'Type', 'Job type'],
  // Not "Contract #": without its punctuation it reads "Contract", the job's title.
  contractId: ['Contract ID', 'Contract number', 'Contract no'],
  lastPayment: ['Last payment', 'Last paid', 'Last payment date'],
  followUps: ['Follow-ups', 'Follow-ups sent'],
  lastFollowUp: ['Last follow-up', 'Last follow-up date'],
  audit: ['Audit'],
  closedOn: ['Closed on', 'Close date', 'Date closed'],
  closeReason: ['Close reason', 'Closing reason', 'Reason closed'],
};

/** The exact header texts the add-on writes for its own columns. */
export const ADDON_HEADERS = {
  followUps: 'Follow-ups', lastFollowUp: 'Last follow-up', audit: 'Audit',
  closedOn: 'Closed on', closeReason: 'Close reason', lastPayment: 'Last payment',
} as const satisfies Partial<Record<Field, string>>;

/** Columns the audit appends when missing, in this order. */
export const AUDIT_ADDED_FIELDS: readonly Field[] = ['followUps', 'lastFollowUp', 'audit'];
/** Columns the first close appends when missing, in this order. */
export const CLOSE_ADDED_FIELDS: readonly Field[] = ['closedOn', 'closeReason'];
/** The column the first Upwork import that matches a row appends when missing. */
export const IMPORT_ADDED_FIELDS: readonly Field[] = ['lastPayment'];
/** Every column the add-on writes (besides Status when closing). */
export const OWN_FIELDS: readonly Field[] = ['followUps', 'lastFollowUp', 'audit', 'closedOn', 'closeReason', 'lastPayment'];

/** The header row setupContractsSheet writes: the user's columns, then the add-on's. */
export const ALL_SETUP_HEADERS: readonly string[] = [
  'Client', 'Job', 'Platform', 'Status', 'Start date', 'Last client activity',
  'Contact', 'Client email', 'Contract URL', 'Contract ID', 'Contract type', 'Earnings', ADDON_HEADERS.lastPayment,
  ADDON_HEADERS.followUps, ADDON_HEADERS.lastFollowUp, ADDON_HEADERS.audit,
  ADDON_HEADERS.closedOn, ADDON_HEADERS.closeReason,
];

/** How many rows from the top may hold the header row. */
export const HEADER_SCAN_ROWS = 10;

/** The error text when no contracts table is found. */
export const REQUIRED_HEADERS_MESSAGE =
  'No contracts table found. One of the first 10 rows must be a header row with a Client column ' +
  '(Client, Client name, Customer or Company) and a Job column (Job, Job title, Contract, Contract title ' +
  'or Project). Add those headers, or use the add-on menu item "Set up contracts sheet" to create a ready sheet.';

export interface TableLayout {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based column index of each recognised field (the first one when a header repeats). */
  columns: Partial<Record<Field, number>>;
  /** Header texts of that row (trimmed), '' for blank cells; `width` entries. */
  headers: string[];
  /** 1 + index of the last non-blank header cell. */
  width: number;
  /** Things the user may want to fix, e.g. a repeated header or no date column. */
  problems: string[];
}

const FIELD_BY_NAME: ReadonlyMap<string, Field> = (() => {
  const map = new Map<string, Field>();
  for (const field of Object.keys(FIELD_HEADERS) as Field[]) {
    for (const header of FIELD_HEADERS[field]) map.set(normalizeName(header), field);
  }
  return map;
})();

/** The field a header text names, or null for the user's own columns. */
export function fieldOfHeader(text: string): Field | null {
  const name = normalizeName(text);
  return name === '' ? null : FIELD_BY_NAME.get(name) ?? null;
}

/** The sheet column letter of a 0-based column index: 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index0: number): string {
  let n = Math.floor(index0) + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function headerText(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function namesClientAndJob(row: readonly unknown[]): boolean {
  let client = false;
  let job = false;
  for (const cell of row) {
    const field = fieldOfHeader(headerText(cell));
    client = client || field === 'client';
    job = job || field === 'job';
  }
  return client && job;
}

/**
 * Find the contracts table in a sheet's values (from row 1; only the first 10 rows are
 * scanned for the header). Null when no row names both a client and a job column.
 */
export function findTable(rows: readonly (readonly unknown[])[]): TableLayout | null {
  const scanned = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scanned; r++) {
    if (namesClientAndJob(rows[r])) return layoutOf(rows[r], r + 1);
  }
  return null;
}

function layoutOf(row: readonly unknown[], headerRow: number): TableLayout {
  const texts = row.map(headerText);
  let width = texts.length;
  while (width > 0 && texts[width - 1] === '') width--;
  const headers = texts.slice(0, width);
  const columns: Partial<Record<Field, number>> = {};
  const problems: string[] = [];
  headers.forEach((text, index) => {
    const field = fieldOfHeader(text);
    if (field === null) return;
    const first = columns[field];
    if (first === undefined) {
      columns[field] = index;
      return;
    }
    problems.push(duplicateProblem(text, index, headers[first], first));
  });
  if (columns.lastActivity === undefined && columns.startDate === undefined) {
    problems.push(
      `No "${FIELD_HEADERS.lastActivity[0]}" or "${FIELD_HEADERS.startDate[0]}" column: add one so the audit ` +
      'can tell how long each job has been quiet.');
  }
  return { headerRow, columns, headers, width, problems };
}

function duplicateProblem(text: string, index: number, firstText: string, firstIndex: number): string {
  const here = `Column ${columnLetter(index)} "${text}"`;
  const used = `column ${columnLetter(firstIndex)} is used.`;
  return normalizeName(text) === normalizeName(firstText)
    ? `${here} repeats column ${columnLetter(firstIndex)}; ${used}`
    : `${here} means the same as column ${columnLetter(firstIndex)} "${firstText}"; ${used}`;
}
