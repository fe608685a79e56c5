/**
 * Real time-zone arithmetic with Intl. A "wall" time is a local date-time encoded as if it were
 * UTC milliseconds (Date.UTC(y, m-1, d, h, mi, s, ms)): that is how sheet cells store dates
 * (as the serial number Sheets keeps), independent of any zone.
 */

export interface ZonedParts {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  millisecond: number;
  /** 1 = Monday ... 7 = Sunday (ISO). */
  isoWeekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

/** True when Intl knows this IANA zone (or a GMT±hh[:mm] form). */
const knownZones = new Map<string, boolean>();
export function isKnownTimeZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    known = fixedOffsetMinutes(timeZone) !== null;
    if (!known) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone });
        known = true;
      } catch {
        known = false;
      }
    }
    knownZones.set(timeZone, known);
  }
  return known;
}

/** Apps Script (Java) semantics: an unknown zone silently means GMT. */
export function resolveTimeZone(timeZone: string): string {
  return isKnownTimeZone(timeZone) ? timeZone : 'GMT';
}

/** 'GMT+2', 'GMT-05:30', 'UTC+1', '+01:00' as minutes east of UTC; null for named zones. */
export function fixedOffsetMinutes(timeZone: string): number | null {
  if (/^(GMT|UTC|Z)$/i.test(timeZone)) return 0;
  const match = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(timeZone);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] || 0);
  return match[1] === '-' ? -minutes : minutes;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local calendar fields of an instant in a zone. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const zone = resolveTimeZone(timeZone);
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return wallParts(epochMs + fixed * 60_000);
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return {
    year, month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24,
    minute: Number(parts.minute), second: Number(parts.second), millisecond,
    isoWeekday: WEEKDAYS[parts.weekday] ?? 1,
  };
}

/** Fields of a wall time (no zone involved). */
export function wallParts(wallMs: number): ZonedParts {
  const d = new Date(wallMs);
  const weekday = d.getUTCDay();
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
    isoWeekday: weekday === 0 ? 7 : weekday,
  };
}

const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number>();

/**
 * Minutes east of UTC in effect at an instant: -240 for New York in summer. Cached per zone and
 * quarter hour (every zone changes offset on a quarter-hour boundary), since Intl is slow and a
 * 50,000-row sheet holds many dates.
 */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = bucket * QUARTER_HOUR_MS;
  const p = zonedParts(start, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const offset = Math.round((asUtc - start) / 60_000);
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Instant to the wall time it shows in a zone. */
export function toWall(epochMs: number, timeZone: string): number {
  return epochMs + offsetMinutes(epochMs, timeZone) * 60_000;
}

/**
 * Wall time in a zone to the instant. Ambiguous times (DST fall-back) take the earlier instant;
 * times skipped by a spring-forward are moved forward by the gap, as Sheets and Java do.
 */
const instantCache = new Map<string, number>();

export function fromWall(wallMs: number, timeZone: string): number {
  const key = `${timeZone}|${wallMs}`;
  let instant = instantCache.get(key);
  if (instant === undefined) {
    instant = instantOfWall(wallMs, timeZone);
    if (instantCache.size > 200_000) instantCache.clear();
    instantCache.set(key, instant);
  }
  return instant;
}

function instantOfWall(wallMs: number, timeZone: string): number {
  // The offsets a day either side cover both sides of any DST change near this wall time.
  const candidates = [
    wallMs - offsetMinutes(wallMs - DAY_MS, timeZone) * 60_000,
    wallMs - offsetMinutes(wallMs + DAY_MS, timeZone) * 60_000,
  ].sort((a, b) => a - b);
  const exact = candidates.filter((instant) => toWall(instant, timeZone) === wallMs);
  if (exact.length > 0) return exact[0]; // ambiguous (fall-back): the earlier instant
  // Skipped by a spring-forward: the same wall time read with the offset before the change,
  // which lands the gap's length later on the clock (00:00 becomes 01:00).
  return candidates[candidates.length - 1];
}

/** Midnight starting a calendar day (YYYY-MM-DD) in a zone, as epoch milliseconds. */
export function startOfDay(isoDay: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new Error(`localDate expects YYYY-MM-DD, got "${isoDay}"`);
  return fromWall(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), timeZone);
}

/** Adds whole calendar days to an instant, keeping its wall-clock time in the zone. */
export function addCalendarDays(epochMs: number, days: number, timeZone: string): number {
  return fromWall(toWall(epochMs, timeZone) + days * DAY_MS, timeZone);
}
