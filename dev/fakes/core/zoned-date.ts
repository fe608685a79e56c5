import { formatSimpleDate } from '../format/simple-date-format';
import { fromWall, offsetMinutes, toWall } from './timezone';

/** True for a Date from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const HostDate = Date;
const EXPLICIT_ZONE = /(Z|[+-]\d{2}:?\d{2}|\bGMT\b|\bUTC\b)/i;
const DATE_ONLY_ISO = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/**
 * The Date class scripts get, as Apps Script's V8 has it: `new Date()` and `Date.now()` follow the
 * fake clock, and every local-time part (new Date(y, m, d), getDate(), setHours(), toString(),
 * parsing of zone-less text) is in the SCRIPT's time zone, not the machine's. Called without
 * `new` it returns the current time as text. Any Date from any realm passes `instanceof` it.
 */
export function createZonedDate(clockNowMs: () => number, zone: () => string): DateConstructor {
  const wallOf = (date: Date): Date => new HostDate(toWall(HostDate.prototype.getTime.call(date), zone()));
  const parseLocal = (text: string): number => {
    const host = new HostDate(text);
    if (Number.isNaN(host.getTime()) || DATE_ONLY_ISO.test(text) || EXPLICIT_ZONE.test(text)) return host.getTime();
    const wall = HostDate.UTC(host.getFullYear(), host.getMonth(), host.getDate(), host.getHours(), host.getMinutes(),
      host.getSeconds(), host.getMilliseconds());
    return fromWall(wall, zone());
  };
  const fromParts = (parts: number[]): number => {
    const [year, month, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0] = parts;
    const fullYear = year >= 0 && year <= 99 ? 1900 + year : year;
    const wall = new HostDate(HostDate.UTC(2000, month, day, hours, minutes, seconds, ms));
    wall.setUTCFullYear(fullYear);
    return Number.isNaN(wall.getTime()) ? NaN : fromWall(wall.getTime(), zone());
  };
  /** Applies a UTC setter to the wall time, then stores the instant that wall time means. */
  const setLocal = (date: Date, apply: (wall: Date) => number): number => {
    const wall = wallOf(date);
    const result = apply(wall);
    return HostDate.prototype.setTime.call(date, Number.isNaN(result) ? NaN : fromWall(wall.getTime(), zone()));
  };
  const format = (date: Date, pattern: string): string => {
    const ms = HostDate.prototype.getTime.call(date);
    return Number.isNaN(ms) ? 'Invalid Date' : formatSimpleDate(ms, zone(), pattern);
  };

  class ZonedDate extends HostDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clockNowMs());
      else if (args.length === 1) {
        const [value] = args;
        super(typeof value === 'string' ? parseLocal(value) : isDate(value) ? value.getTime() : Number(value));
      } else super(fromParts(args.map(Number)));
    }
    static now(): number { return clockNowMs(); }
    static parse(text: string): number { return parseLocal(String(text)); }
    static [Symbol.hasInstance](value: unknown): boolean { return isDate(value); }

    getFullYear(): number { return wallOf(this).getUTCFullYear(); }
    getMonth(): number { return wallOf(this).getUTCMonth(); }
    getDate(): number { return wallOf(this).getUTCDate(); }
    getDay(): number { return wallOf(this).getUTCDay(); }
    getHours(): number { return wallOf(this).getUTCHours(); }
    getMinutes(): number { return wallOf(this).getUTCMinutes(); }
    getSeconds(): number { return wallOf(this).getUTCSeconds(); }
    getMilliseconds(): number { return wallOf(this).getUTCMilliseconds(); }
    getTimezoneOffset(): number { return -offsetMinutes(this.getTime(), zone()); }
    setFullYear(...a: [number, number?, number?]): number { return setLocal(this, (w) => w.setUTCFullYear(...(a as [number]))); }
    setMonth(...a: [number, number?]): number { return setLocal(this, (w) => w.setUTCMonth(...(a as [number]))); }
    setDate(date: number): number { return setLocal(this, (w) => w.setUTCDate(date)); }
    setHours(...a: [number, number?, number?, number?]): number { return setLocal(this, (w) => w.setUTCHours(...(a as [number]))); }
    setMinutes(...a: [number, number?, number?]): number { return setLocal(this, (w) => w.setUTCMinutes(...(a as [number]))); }
    setSeconds(...a: [number, number?]): number { return setLocal(this, (w) => w.setUTCSeconds(...(a as [number]))); }
    setMilliseconds(ms: number): number { return setLocal(this, (w) => w.setUTCMilliseconds(ms)); }
    toString(): string { return format(this, "EEE MMM dd yyyy HH:mm:ss 'GMT'Z (zzzz)"); }
    toDateString(): string { return format(this, 'EEE MMM dd yyyy'); }
    toTimeString(): string { return format(this, "HH:mm:ss 'GMT'Z (zzzz)"); }
    toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleString(locales, { timeZone: zone(), ...options });
    }
    toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleDateString(locales, { timeZone: zone(), ...options });
    }
    toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleTimeString(locales, { timeZone: zone(), ...options });
    }
  }
  const callable = new Proxy(ZonedDate, {
    apply: () => new ZonedDate().toString(),
  });
  return callable as unknown as DateConstructor;
}
