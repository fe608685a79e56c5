import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { ApiShape } from '../core/api-shape';
import { isDate } from '../core/clock';
import { fail, signatureMismatch } from '../core/errors';
import { formatString } from '../format/format-string';
import { formatSimpleDate } from '../format/simple-date-format';

type RealUtilities = GoogleAppsScript.Utilities.Utilities;

const UTILITIES_API = ['base64Decode', 'base64Encode', 'formatDate', 'formatString', 'getUuid', 'parseCsv', 'sleep'] as const;

/** Apps Script's text when parseCsv cannot read the text (best recollection). */
export const PARSE_CSV_ERROR = 'Could not parse text.';

/** Utilities: real time zones in formatDate, sleep moves the fake clock. */
export class FakeUtilities implements ApiShape<RealUtilities, typeof UTILITIES_API[number]> {
  static readonly apiName = 'Utilities';
  static readonly service = 'Utilities';
  static readonly api: readonly string[] = UTILITIES_API;

  constructor(private readonly advanceClock: (ms: number) => void) {}

  base64Decode(encoded: string): number[] {
    return [...Buffer.from(String(encoded), 'base64')].map((byte) => (byte > 127 ? byte - 256 : byte));
  }
  base64Encode(data: string | number[]): string {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 255));
    return buffer.toString('base64');
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      signatureMismatch([date, timeZone, format], 'Utilities.formatDate');
    }
    return formatSimpleDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string { return formatString(String(template), args); }
  getUuid(): string { return randomUUID(); }
  /**
   * Utilities.parseCsv(csv, delimiter?): string[][], emulated with csv-parse. Rows may differ in
   * length, any of CRLF, LF or CR ends a record, quoted fields hold commas, quotes ("") and line
   * breaks, a byte-order mark is kept in the first cell (Apps Script does not strip it), a blank
   * line is a row of one empty cell, and text that is not CSV (an unclosed quote) throws.
   */
  parseCsv(csv: string, delimiter?: string): string[][] {
    if (typeof csv !== 'string' || (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1))) {
      signatureMismatch(delimiter === undefined ? [csv] : [csv, delimiter], 'Utilities.parseCsv');
    }
    try {
      return parse(csv, {
        delimiter: delimiter === undefined ? ',' : delimiter, relax_column_count: true, relax_quotes: true,
        record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: false, bom: false,
      }) as string[][];
    } catch (_e) {
      return fail(PARSE_CSV_ERROR);
    }
  }
  /** Advances the fake clock by the given milliseconds; returns at once. */
  sleep(milliseconds: number): void { this.advanceClock(Math.max(0, Number(milliseconds) || 0)); }
}
