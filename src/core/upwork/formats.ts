/**
 * Recognising an Upwork report by its header row alone (README "Upwork reports"): the Weekly
 * summary and the three Transaction history generations. Column names are compared ignoring
 * case, spaces and `$`; extra columns are ignored; order does not matter.
 */

export type UpworkFormat = 'weekly-summary' | 'transaction-history';
/** Which header generation: the weekly summary, or a transaction history's legacy, 2021 or sentence-case header. */
export type Generation = 'weekly' | 'legacy' | 'titled' | 'sentence';

/** The roles the reader needs from a format's columns. */
export type Role = 'date' | 'amount' | 'type' | 'title' | 'client' | 'description';

export interface FormatSpec {
  format: UpworkFormat;
  generation: Generation;
  /** What people call it. */
  label: string;
  /** Every column the header must hold, as Upwork writes them. */
  columns: readonly string[];
  /** Columns that may be there too (read when present). */
  optional: readonly string[];
  /** The column each role is read from (one of `columns`). */
  roles: Readonly<Partial<Record<Role, string>>>;
}

const NEWER_COMMON_HEAD = ['Date', 'Transaction ID', 'Transaction Type', 'Transaction Summary', 'Transaction Summary Details',
  'Description 1', 'Description 2', 'Description 3'];
const NEWER_COMMON_TAIL = ['Account Name', 'PO', 'Ref ID', 'Amount $', 'Amount in local currency', 'Currency',
  'Current Balance $', 'Payment Method'];

/** The formats, most specific first (the first whose columns are all present wins). */
export const FORMATS: readonly FormatSpec[] = [
  {
    format: 'transaction-history', generation: 'sentence', label: 'Transaction history',
    columns: ['Date', 'Transaction ID', 'Transaction type', 'Transaction summary', 'Transaction summary details',
      'Description 1', 'Description 2', 'Description 3', 'Agency team', 'Freelancer', 'Client team', 'Account name', 'PO',
      'Ref ID', 'Amount $', 'Amount in local currency', 'Currency', 'Current balance $', 'Payment method'],
    optional: ['Entered description', 'Contract ID'],
    roles: { date: 'Date', amount: 'Amount $', type: 'Transaction type', title: 'Transaction summary', client: 'Client team' },
  },
  {
    format: 'transaction-history', generation: 'titled', label: 'Transaction history',
    columns: [...NEWER_COMMON_HEAD, 'Agency', 'Freelancer', 'Team', ...NEWER_COMMON_TAIL],
    optional: ['Entered Description', 'Contract ID'],
    roles: { date: 'Date', amount: 'Amount $', type: 'Transaction Type', title: 'Transaction Summary', client: 'Team' },
  },
  {
    format: 'transaction-history', generation: 'legacy', label: 'Transaction history',
    columns: ['Date', 'Ref ID', 'Type', 'Description', 'Agency', 'Freelancer', 'Team', 'Account Name', 'PO', 'Amount',
      'Amount in local currency', 'Currency', 'Balance'],
    optional: ['Contract ID'],
    roles: { date: 'Date', amount: 'Amount', type: 'Type', description: 'Description', client: 'Team' },
  },
  {
    format: 'weekly-summary', generation: 'weekly', label: 'Weekly summary',
    columns: ['Date', 'Contract', 'Hours', 'Amount', 'Payment type'],
    optional: [],
    roles: { date: 'Date', amount: 'Amount', type: 'Payment type', title: 'Contract' },
  },
];

/** A column name as compared: case, spaces (any white space) and `$` ignored; a byte-order mark dropped. */
export function columnKey(text: unknown): string {
  return String(text === null || text === undefined ? '' : text).replace(/\uFEFF/g, '').toLowerCase().replace(/[\s$]+/g, '');
}

export interface DetectedFormat {
  spec: FormatSpec;
  /** 0-based index of each role's column in the row. */
  roleIndex: Partial<Record<Role, number>>;
  /** 0-based index of the file's own Contract ID column, when it has one. */
  contractIdIndex: number | null;
}

/** The format a header row names, or null. The first of a repeated column is used. */
export function detectFormat(header: readonly unknown[]): DetectedFormat | null {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = columnKey(cell);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  for (const spec of FORMATS) {
    if (!spec.columns.every((c) => index.has(columnKey(c)))) continue;
    const roleIndex: Partial<Record<Role, number>> = {};
    for (const role of Object.keys(spec.roles) as Role[]) roleIndex[role] = index.get(columnKey(spec.roles[role] as string));
    const id = index.get(columnKey('Contract ID'));
    return { spec, roleIndex, contractIdIndex: id === undefined ? null : id };
  }
  return null;
}

/** The columns each format needs, for the refusal message. */
export const EXPECTED_COLUMNS_MESSAGE =
  'The add-on reads two Upwork reports, downloaded as CSV: the Weekly summary (columns Date, Contract, Hours, Amount, '
  + 'Payment type) and the Transaction history (columns Date, Ref ID, Type, Description, Agency, Freelancer, Team, '
  + 'Account Name, PO, Amount, Amount in local currency, Currency, Balance; or, in newer downloads, Date, Transaction ID, '
  + 'Transaction Type, Transaction Summary, Transaction Summary Details, Description 1-3, Agency (or Agency team), '
  + 'Freelancer, Team (or Client team), Account Name, PO, Ref ID, Amount $, Amount in local currency, Currency, '
  + 'Current Balance $, Payment Method). Nothing was changed.';

/** Why a header row is not a report the add-on reads, naming what is missing when it is close to one. */
export function unrecognisedHeaderMessage(header: readonly unknown[]): string {
  const present = new Set(header.map(columnKey).filter((k) => k !== ''));
  let best: { spec: FormatSpec; missing: string[] } | null = null;
  for (const spec of FORMATS) {
    const missing = spec.columns.filter((c) => !present.has(columnKey(c)));
    const found = spec.columns.length - missing.length;
    if (found >= 3 && (!best || missing.length < best.missing.length)) best = { spec, missing };
  }
  const shown = header.map((c) => String(c === null || c === undefined ? '' : c).replace(/\uFEFF/g, '').trim())
    .filter((c) => c !== '').slice(0, 8);
  const first = shown.length === 0 ? 'Its first row is blank.' : `Its first row reads: ${shown.join(', ')}${header.length > 8 ? ', …' : ''}.`;
  const close = best
    ? ` It looks like an Upwork ${best.spec.label} but lacks the column${best.missing.length === 1 ? '' : 's'} ${best.missing.join(', ')}.`
    : '';
  return `This file is not an Upwork report the add-on can read.${close} ${first} ${EXPECTED_COLUMNS_MESSAGE}`;
}

/**
 * A refusal for text that is not CSV at all (checked before parsing): empty, a PDF, an Excel
 * workbook or another binary file. Null when the text may be CSV.
 */
export function notCsvMessage(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return `The file is empty. ${EXPECTED_COLUMNS_MESSAGE}`;
  if (body.startsWith('%PDF')) {
    return `This is a PDF, not a CSV file. On Upwork, download the report with "Download CSV" instead. ${EXPECTED_COLUMNS_MESSAGE}`;
  }
  if (body.startsWith('PK\u0003\u0004')) {
    return `This looks like an Excel workbook (.xlsx) or another zipped file, not a CSV file. Download the report from `
      + `Upwork as CSV, or save it as CSV first. ${EXPECTED_COLUMNS_MESSAGE}`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001A]/.test(body.slice(0, 4096))) {
    return `This is not a text (CSV) file. ${EXPECTED_COLUMNS_MESSAGE}`;
  }
  return null;
}
