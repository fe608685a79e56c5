import { defaultDatePattern, defaultDateTimePattern } from '../format/locale';
import { formatAutomaticNumber, formatNumber, formatWallDate, isDatePattern, SERIAL_EPOCH_WALL_MS } from '../format/sheets-format';

/** A date cell: the local date-time it shows, as a wall time (see core/timezone). */
export interface DateValue { readonly wall: number }
/** What a cell holds: '' when empty. Error cells hold their error text ('#REF!'), as getValues returns it. */
export type StoredValue = string | number | boolean | DateValue;

/** A data validation rule as stored on a cell. */
export interface ValidationData {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** Everything the fake keeps per cell. Null formats mean the Sheets defaults. */
export interface Cell {
  value: StoredValue;
  formula: string;
  note: string;
  background: string | null;
  numberFormat: string | null;
  fontWeight: 'bold' | null;
  validation: ValidationData | null;
}

export const DEFAULT_BACKGROUND = '#ffffff';
/** What getNumberFormat returns for a cell never formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
const DAY_MS = 86_400_000;

/** A fresh empty cell. */
export function emptyCell(): Cell {
  return { value: '', formula: '', note: '', background: null, numberFormat: null, fontWeight: null, validation: null };
}

/** True when a cell has a value or a formula (what getLastRow/getLastColumn look at). */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}

/** True when nothing at all is set on the cell. */
export function isBlankCell(cell: Cell): boolean {
  return cell.value === '' && cell.formula === '' && cell.note === '' && cell.background === null &&
    cell.numberFormat === null && cell.fontWeight === null && cell.validation === null;
}

/** A copy that shares nothing mutable with the original. */
export function copyCell(cell: Cell): Cell {
  return { ...cell, validation: cell.validation ? { ...cell.validation, values: [...cell.validation.values] } : null };
}

/** Whether a stored value is a date. */
export function isDateValue(value: StoredValue): value is DateValue {
  return typeof value === 'object' && value !== null;
}

/** The number format getNumberFormat reports. */
export function reportedNumberFormat(cell: Cell | undefined, locale: string): string {
  if (cell?.numberFormat) return cell.numberFormat;
  if (cell && isDateValue(cell.value)) return automaticDatePattern(cell.value, locale);
  return DEFAULT_NUMBER_FORMAT;
}

/** The text Sheets shows for the cell (getDisplayValue). */
export function displayText(cell: Cell | undefined, locale: string): string {
  if (!cell) return '';
  const { value, numberFormat } = cell;
  if (value === '' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!numberFormat || numberFormat === 'General') return formatAutomaticNumber(value);
    if (numberFormat === '@') return String(value);
    return formatNumber(value, numberFormat);
  }
  if (!numberFormat || numberFormat === 'General') return formatWallDate(value.wall, automaticDatePattern(value, locale));
  if (numberFormat === '@' || !isDatePattern(numberFormat)) {
    return formatNumber((value.wall - SERIAL_EPOCH_WALL_MS) / DAY_MS, numberFormat === '@' ? '0.##########' : numberFormat);
  }
  return formatWallDate(value.wall, numberFormat);
}

function automaticDatePattern(value: DateValue, locale: string): string {
  return value.wall % DAY_MS === 0 ? defaultDatePattern(locale) : defaultDateTimePattern(locale);
}
