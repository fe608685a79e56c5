/**
 * Matching the report's contracts to the sheet's rows, and the plan of what an import writes
 * (README "Upwork reports"). Pure: the adapter reads the sheet once, this decides, the adapter
 * writes. A contract matches by its id (a whole number in the row's link, or the Contract ID
 * cell), else by the same job title (and client, when the file names one) among rows that are
 * not Closed, of platform Upwork or blank; a contract matching several rows is never guessed.
 */
import { cellText, isContractRow } from '../audit';
import { readDateCell } from '../dates';
import type { Day } from '../days';
import { isoOfDay } from '../days';
import type { TableLayout } from '../headers';
import { normalizeIdentityText } from '../keys';
import { rowList } from '../rowList';
import { classifyStatus } from '../status';
import type { UnmatchedContract } from '../types';
import type { UpworkContract } from './read';

export interface SheetRows {
  /** The sheet's values from row 1, as getValues() returns them. */
  values: readonly (readonly unknown[])[];
  layout: TableLayout;
  locale: string;
  dayOfDate: (d: Date) => Day;
}

export interface PlannedUpdate {
  /** Index into `values` (0-based); the sheet row is index + 1. */
  index: number;
  /** The new Last payment. */
  day: Day;
}

export interface PlannedUnmatched extends UnmatchedContract {
  /** Whether `addMissing` appends it (found in no row; not ambiguous, not a closed or other-platform row's). */
  appendable: boolean;
}

export interface ImportPlan {
  /** Contracts of the file found in the sheet. */
  matched: number;
  /** Rows whose Last payment changes (never backwards), in sheet order. */
  updates: PlannedUpdate[];
  unmatched: PlannedUnmatched[];
  /** Contracts to append as rows when `addMissing` (the appendable unmatched ones), in file order. */
  toAppend: UpworkContract[];
}


function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

const NO_ROW = 'no row with this contract';

/** Plans an import of `contracts` into the sheet. */
export function planImport(contracts: readonly UpworkContract[], sheet: SheetRows): ImportPlan {
  const { values, layout, locale, dayOfDate } = sheet;
  const col = layout.columns;
  const text = (row: readonly unknown[], index: number | undefined): string => (index === undefined ? '' : cellText(row[index]));

  const byId = new Map<string, number[]>();
  const byTitle = new Map<string, number[]>(); // eligible rows (not closed, Upwork or blank platform)
  const byClient = new Map<string, number[]>(); // eligible rows
  const otherByTitle = new Map<string, number[]>(); // rows closed, or of another platform
  for (let i = layout.headerRow; i < values.length; i++) {
    const row = values[i];
    if (!isContractRow(row, layout)) continue;
    for (const n of text(row, col.url).match(/\d+/g) || []) push(byId, n.replace(/^0+(?=\d)/, ''), i);
    const idCell = text(row, col.contractId).replace(/^#/, '');
    if (/^\d+$/.test(idCell)) push(byId, idCell.replace(/^0+(?=\d)/, ''), i);
    const platform = normalizeIdentityText(text(row, col.platform));
    const status = col.status === undefined ? 'open' : classifyStatus(row[col.status]);
    const eligible = status !== 'closed' && (platform === '' || platform === 'upwork');
    const title = normalizeIdentityText(text(row, col.job));
    const client = normalizeIdentityText(text(row, col.client));
    if (eligible) {
      if (title) push(byTitle, title, i);
      if (client) push(byClient, client, i);
    } else if (title) {
      push(otherByTitle, title, i);
    }
  }
  const clientOf = (i: number) => normalizeIdentityText(text(values[i], col.client));

  const best = new Map<number, Day>();
  const unmatched: PlannedUnmatched[] = [];
  const toAppend: UpworkContract[] = [];
  let matched = 0;
  for (const c of contracts) {
    const title = normalizeIdentityText(c.title);
    const client = normalizeIdentityText(c.client);
    const sameClient = (i: number) => client === '' || clientOf(i) === client;
    let rows: number[] = [];
    let why = NO_ROW;
    if (c.contractId) rows = byId.get(c.contractId.replace(/^0+(?=\d)/, '')) || [];
    if (rows.length === 0 && title) {
      rows = (byTitle.get(title) || []).filter(sameClient);
    } else if (rows.length === 0 && client) {
      // A legacy hourly line names only its client: it matches when exactly one open Upwork row has that client.
      rows = byClient.get(client) || [];
      why = 'an hourly invoice line names no contract, and no open Upwork row has this client';
    }
    if (rows.length === 1) {
      matched++;
      const i = rows[0];
      const known = best.get(i);
      if (known === undefined || c.lastPayment > known) best.set(i, c.lastPayment);
      continue;
    }
    const base = { contractId: c.contractId, title: c.title, client: c.client, lastPayment: isoOfDay(c.lastPayment) };
    if (rows.length > 1) {
      unmatched.push({ ...base, reason: `matches ${rowList(rows.map((i) => i + 1))}`, appendable: false });
      continue;
    }
    const elsewhere = title ? (otherByTitle.get(title) || []).filter(sameClient) : [];
    if (elsewhere.length > 0) {
      const where = rowList(elsewhere.map((i) => i + 1));
      unmatched.push({ ...base, reason: `only ${where} ${elsewhere.length === 1 ? 'has' : 'have'} this title, and ${elsewhere.length === 1 ? 'it is' : 'they are'} closed or not on Upwork`, appendable: false });
      continue;
    }
    const appendable = title !== '';
    unmatched.push({ ...base, reason: why, appendable });
    if (appendable) toAppend.push(c);
  }

  const updates: PlannedUpdate[] = [];
  const lastPaymentColumn = col.lastPayment;
  const indexes = [...best.keys()].sort((a, b) => a - b);
  for (const index of indexes) {
    const day = best.get(index) as Day;
    if (lastPaymentColumn !== undefined) {
      const current = readDateCell(values[index][lastPaymentColumn], locale, dayOfDate);
      if (current.kind === 'date' && current.day >= day) continue; // never backwards, never the same again
    }
    updates.push({ index, day });
  }
  return { matched, updates, unmatched, toAppend };
}
