import { dateOrder } from '../format/locale';
import type { StoredValue } from './cell';

/** What writing a string does to a cell, as when a person types it. */
export interface ParsedInput {
  value: StoredValue;
  formula?: string;
  /** A format Sheets gives a cell that had none (typing 2026-10-01 shows 2026-10-01). */
  numberFormat?: string;
}

/**
 * Interprets a string written with setValue/setValues the way Sheets interprets typed input:
 * '=…' is a formula, a leading apostrophe forces text, numbers become numbers, TRUE/FALSE
 * booleans, ISO and locale numeric dates become dates. A cell formatted as plain text ('@')
 * keeps the string as it is.
 */
export function parseUserInput(text: string, locale: string, cellFormat: string | null): ParsedInput {
  if (cellFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  const percent = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: Number.isInteger(Number(percent[1])) ? '0%' : '0.00%' };
  const grouped = groupedNumber(trimmed, locale);
  if (grouped) return grouped;
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (iso) {
    const wall = wallOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5], iso[6]);
    if (wall !== null) return { value: { wall }, numberFormat: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const order = numeric[1].length === 4 ? 'YMD' : dateOrder(locale);
    const [year, month, day] = order === 'YMD' ? [a, b, c] : order === 'MDY' ? [c, a, b] : [c, b, a];
    const fullYear = year < 100 ? 2000 + year : year;
    const wall = wallOf(fullYear, month, day, numeric[4], numeric[5], numeric[6]);
    if (wall !== null) return { value: { wall } };
  }
  return { value: text };
}

/**
 * Numbers typed with thousands separators or a currency sign, in English locales (which group
 * with commas): '1,234' is 1234 shown '#,##0'; '$1,234.50' is 1234.5 with a currency format
 * ('"$"#,##0.00'), as Sheets reads them.
 */
function groupedNumber(text: string, locale: string): ParsedInput | null {
  if (!/^en([_-]|$)/.test(locale)) return null;
  const match = /^([+-]?)([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(text);
  if (!match) return null;
  const [, sign, currency, integer, fraction = ''] = match;
  if (!currency && !integer.includes(',')) return null;
  const value = Number(`${sign}${integer.replace(/,/g, '')}${fraction}`);
  const pattern = `#,##0${fraction || currency ? '.00' : ''}`;
  return { value, numberFormat: currency ? `"${currency}"${pattern}` : pattern };
}

function wallOf(year: number, month: number, day: number, hour?: string, minute?: string, second?: string): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const wall = Date.UTC(year, month - 1, day, Number(hour || 0), Number(minute || 0), Number(second || 0));
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (Number(hour || 0) > 23 || Number(minute || 0) > 59 || Number(second || 0) > 59) return null;
  return wall;
}
