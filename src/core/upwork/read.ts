/**
 * Reading an Upwork report's rows (already parsed from CSV: string[][]) into payments per
 * contract (README "Upwork reports"). Pure: no Apps Script. Fees, withdrawals, refunds,
 * memberships and Connects are not payments; a payment line whose date or amount cannot be read
 * is skipped, counted, and the rest are read.
 */
import { readDateCell } from '../dates';
import type { Day } from '../days';
import { normalizeIdentityText } from '../keys';
import { detectFormat, unrecognisedHeaderMessage, type Generation, type UpworkFormat } from './formats';

export interface UpworkContract {
  /** Groups the lines of one contract: the contract id, else the title and client. */
  key: string;
  /** Upwork's contract id when the file names it, else ''. */
  contractId: string;
  /** The contract's title ('' for legacy hourly lines, which name only the client). */
  title: string;
  /** The client (team) when the file names one, else ''. */
  client: string;
  firstPayment: Day;
  lastPayment: Day;
  payments: number;
}

export interface SkippedLine { line: number; reason: string }

export interface UpworkRead {
  format: UpworkFormat;
  generation: Generation;
  contracts: UpworkContract[];
  /** Data lines read (blank lines not counted). */
  lines: number;
  /** Lines that were not a payment, or could not be read. */
  skippedLines: number;
  /** Why lines were skipped: the first MAX_SKIPPED_SHOWN unreadable ones (lines that are not payments are only counted). */
  unreadable: SkippedLine[];
}

export const MAX_SKIPPED_SHOWN = 20;

/** The refusal of a file that is not a report the add-on reads: nothing is written. */
export class UpworkFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpworkFormatError';
  }
}

/**
 * An amount as Upwork writes it: `$1,234.50`, `-22.92`, `-$22.92`, `($22.92)`, `1234.5`,
 * `USD 10.00`. Null when the text is not an amount.
 */
export function parseAmount(text: unknown): number | null {
  let t = String(text === null || text === undefined ? '' : text).trim().replace(/\u2212/g, '-');
  if (t === '') return null;
  let negative = false;
  const parens = /^\((.*)\)$/.exec(t);
  if (parens) { negative = true; t = parens[1].trim(); }
  t = t.replace(/^(?:USD|US\$)\s*/i, '').replace(/\s*(?:USD)$/i, '');
  const sign = /^([+-])\s*/.exec(t);
  if (sign) { negative = negative !== (sign[1] === '-'); t = t.slice(sign[0].length); }
  t = t.replace(/^\$\s*/, '');
  const afterSymbol = /^([+-])\s*/.exec(t); // $-22.92
  if (afterSymbol && !sign) { negative = negative !== (afterSymbol[1] === '-'); t = t.slice(afterSymbol[0].length); }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(t)) return null;
  const value = Number(t.replace(/,/g, ''));
  if (!isFinite(value)) return null;
  return negative ? -value : value;
}

/** A date as Upwork writes it (`Oct 2, 2026`, ISO `2026-10-02`), or null. */
export function parseReportDate(text: unknown): Day | null {
  const cell = readDateCell(String(text === null || text === undefined ? '' : text), 'en_US', () => NaN);
  return cell.kind === 'date' ? cell.day : null;
}

/** `Logo design (123456)` → title and contract id; text without a trailing id is all title. */
export function splitContract(text: string): { title: string; contractId: string } {
  const m = /^([\s\S]*?)\s*\(\s*(\d+)\s*\)\s*$/.exec(text.trim());
  return m ? { title: m[1].trim(), contractId: m[2] } : { title: text.trim(), contractId: '' };
}

const CONTRACT_ID_IN_TEXT = /\bcontract\s*(?:id|#|no\.?|number)?\s*[:#]?\s*(\d{4,})\b/i;

/** A type word as compared: letters only, lower case (`Fixed-price`, `Fixed Price` → `fixedprice`). */
function typeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

const TRANSACTION_PAYMENT_TYPES = new Set(['hourly', 'fixedprice', 'fixedpricepayment', 'bonus']);
/** Weekly summary: blank for hourly, `Fixed Price Payment`, `Bonus`. */
const WEEKLY_PAYMENT_TYPES = new Set(['', 'hourly', 'fixedprice', 'fixedpricepayment', 'bonus']);

/**
 * What a legacy Description names: the text in quotes, else the text after "Invoice for" /
 * "Payment for" / "Bonus for". An hourly invoice line ("Invoice for 09/28/2026-10/04/2026")
 * names no contract: ''.
 */
export function legacyTitle(description: string, hourly: boolean): { title: string; contractId: string } {
  const idMatch = CONTRACT_ID_IN_TEXT.exec(description);
  const idFromText = idMatch ? idMatch[1] : '';
  if (hourly) return { title: '', contractId: idFromText };
  const quoted = /["\u201C]([^"\u201D]+)["\u201D]/.exec(description);
  let text = quoted ? quoted[1] : description.replace(CONTRACT_ID_IN_TEXT, '');
  text = text.replace(/^\s*(?:invoice|payment|bonus)\s+for\s+/i, '').replace(/^\s*(?:fixed[- ]?price|bonus)\s*[-:]\s*/i, '')
    .replace(/\s*[-–:]\s*$/, '').trim();
  const split = splitContract(text);
  // A bare date range names no contract.
  if (/^[\d/.\s–-]*$/.test(split.title)) split.title = '';
  return { title: split.title, contractId: split.contractId || idFromText };
}

function cell(row: readonly unknown[], index: number | undefined): string {
  if (index === undefined) return '';
  const v = row[index];
  return v === null || v === undefined ? '' : String(v).trim();
}

function isBlank(row: readonly unknown[]): boolean {
  return row.every((v) => v === null || v === undefined || String(v).trim() === '');
}

/** The grouping key of a contract: its id, else its title and client as compared. */
function groupKey(contractId: string, title: string, client: string): string {
  return contractId ? `id:${contractId}` : `t:${normalizeIdentityText(title)}\u001f${normalizeIdentityText(client)}`;
}

/**
 * Reads the report. `rows` are the CSV's records (a byte-order mark in the first cell is
 * ignored); the header is the first non-blank row. Throws UpworkFormatError (naming the columns
 * expected) when the header is not one of the formats.
 */
export function readUpworkReport(rows: readonly (readonly unknown[])[]): UpworkRead {
  let h = 0;
  while (h < rows.length && isBlank(rows[h])) h++;
  if (h >= rows.length) throw new UpworkFormatError(unrecognisedHeaderMessage([]));
  const header = rows[h].map((c, i) => (i === 0 ? String(c === null || c === undefined ? '' : c).replace(/^\uFEFF/, '') : c));
  const detected = detectFormat(header);
  if (!detected) throw new UpworkFormatError(unrecognisedHeaderMessage(header));
  const { spec, roleIndex, contractIdIndex } = detected;
  const weekly = spec.generation === 'weekly';
  const paymentTypes = weekly ? WEEKLY_PAYMENT_TYPES : TRANSACTION_PAYMENT_TYPES;

  const byKey = new Map<string, UpworkContract>();
  const contracts: UpworkContract[] = [];
  const unreadable: SkippedLine[] = [];
  let lines = 0;
  let skippedLines = 0;
  const dates = new Map<string, Day | null>(); // a report repeats few dates over many lines
  const dayOf = (text: string): Day | null => {
    let day = dates.get(text);
    if (day === undefined) {
      day = parseReportDate(text);
      dates.set(text, day);
    }
    return day;
  };
  const skip = (line: number, reason: string | null): void => {
    skippedLines++;
    if (reason && unreadable.length < MAX_SKIPPED_SHOWN) unreadable.push({ line, reason });
  };

  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row)) continue;
    lines++;
    const line = r + 1;
    const type = typeKey(cell(row, roleIndex.type));
    if (!paymentTypes.has(type)) { skip(line, null); continue; }
    const amountText = cell(row, roleIndex.amount);
    const amount = parseAmount(amountText);
    if (amount === null) { skip(line, `the amount "${amountText}" is not a number`); continue; }
    if (amount <= 0) { skip(line, null); continue; } // a reversal or a zero line is not a payment
    const dateText = cell(row, roleIndex.date);
    const day = dayOf(dateText);
    if (day === null) { skip(line, `the date "${dateText}" is not a date`); continue; }

    let named: { title: string; contractId: string };
    if (spec.generation === 'legacy') named = legacyTitle(cell(row, roleIndex.description), type === 'hourly');
    else named = splitContract(cell(row, roleIndex.title));
    const ownId = contractIdIndex === null ? '' : cell(row, contractIdIndex).replace(/^#/, '');
    const contractId = /^\d+$/.test(ownId) ? ownId : named.contractId;
    const client = cell(row, roleIndex.client);
    if (!contractId && !named.title && !client) { skip(line, 'the line names no contract and no client'); continue; }

    const key = groupKey(contractId, named.title, client);
    const found = byKey.get(key);
    if (found) {
      if (day > found.lastPayment) found.lastPayment = day;
      if (day < found.firstPayment) found.firstPayment = day;
      found.payments++;
      if (!found.title && named.title) found.title = named.title;
      if (!found.client && client) found.client = client;
    } else {
      const contract: UpworkContract = {
        key, contractId, title: named.title, client, firstPayment: day, lastPayment: day, payments: 1,
      };
      byKey.set(key, contract);
      contracts.push(contract);
    }
  }
  return { format: spec.format, generation: spec.generation, contracts, lines, skippedLines, unreadable };
}
