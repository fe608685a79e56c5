import { randomUUID } from 'node:crypto';
import type { ApiShape } from '../core/api-shape';
import { isDate } from '../core/clock';
import { signatureMismatch } from '../core/errors';
import { formatString } from '../format/format-string';
import { formatSimpleDate } from '../format/simple-date-format';

type RealUtilities = GoogleAppsScript.Utilities.Utilities;

const UTILITIES_API = ['base64Decode', 'base64Encode', 'formatDate', 'formatString', 'getUuid', 'sleep'] as const;

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
  /** Advances the fake clock by the given milliseconds; returns at once. */
  sleep(milliseconds: number): void { this.advanceClock(Math.max(0, Number(milliseconds) || 0)); }
}
