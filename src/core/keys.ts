/**
 * Row safety: a contract's key is a hash of what identifies it (client, job, platform, start
 * date, link), never of its row number, status, activity dates or the add-on's own columns, so
 * the key survives sorting, inserted rows and the add-on's writes.
 */
import { isoOfDay } from './days';
import type { DateCell } from './dates';

export interface ContractIdentity { client: string; job: string; platform: string; startDate: string; url: string }

/** One identity field as compared: trimmed, case-folded, Unicode-normalised, whitespace collapsed. */
export function normalizeIdentityText(text: string): string {
  return String(text).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The start date as part of an identity: the ISO day for a date, else the text as typed. */
export function identityStartDate(cell: DateCell): string {
  if (cell.kind === 'date') return isoOfDay(cell.day);
  return cell.kind === 'bad' ? cell.text : '';
}

/** FNV-1a over the text's UTF-16 code units, forwards from `seed`, and backwards from `seedBack`. */
function fnv1a32Pair(text: string, seed: number, seedBack: number): [number, number] {
  let forward = seed >>> 0;
  let backward = seedBack >>> 0;
  for (let i = 0, j = text.length - 1; i < text.length; i++, j--) {
    forward = Math.imul(forward ^ text.charCodeAt(i), 0x01000193);
    backward = Math.imul(backward ^ text.charCodeAt(j), 0x01000193);
  }
  return [forward >>> 0, backward >>> 0];
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** The identity as compared: every field normalised, joined by a separator no cell text holds. */
export function identityText(id: ContractIdentity): string {
  return [id.client, id.job, id.platform, id.startDate, id.url].map(normalizeIdentityText).join('\u001f');
}

/**
 * A short deterministic key ('c' + 16 hex digits + '-' + the sheet's ID): the same for the same
 * identity on the same sheet. The sheet's ID is part of it so that a key shown for one tab can
 * never act on a contract of another tab (a copy of the tab has another ID); it survives renames.
 */
export function contractKey(id: ContractIdentity, sheetId: number): string {
  return keyOfIdentityText(identityText(id), sheetId);
}

/** contractKey from an identityText already computed (the audit computes it once per row). */
export function keyOfIdentityText(text: string, sheetId: number): string {
  // Two FNV-1a variants (standard offset basis, and another seed over the reversed text) make 64 bits.
  const [forward, backward] = fnv1a32Pair(text, 0x811c9dc5, 0x050c5d1f);
  return `c${hex8(forward)}${hex8(backward)}-${Math.trunc(Number(sheetId)) || 0}`;
}

/** The sheet ID a key names, or null when the text is not a key. */
export function sheetIdOfKey(key: unknown): number | null {
  const match = typeof key === 'string' ? /^c[0-9a-f]{16}-(\d+)$/.exec(key.trim()) : null;
  return match ? Number(match[1]) : null;
}
