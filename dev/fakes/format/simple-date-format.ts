import { fail } from '../core/errors';
import { fixedOffsetMinutes, offsetMinutes, resolveTimeZone, zonedParts } from '../core/timezone';
import { MONTHS, pad, WEEKDAYS } from './names';

/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in a real time zone. Supported letters:
 * y M d E u D H k h K m s S a z Z X, quoted 'text' and '' for a quote. Other ASCII letters
 * are refused as Java refuses them.
 */
export function formatSimpleDate(epochMs: number, timeZone: string, pattern: string): string {
  const zone = resolveTimeZone(timeZone);
  const p = zonedParts(epochMs, zone);
  const offset = offsetMinutes(epochMs, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const quoted = readQuoted(pattern, i);
      out += quoted.text;
      i = quoted.next;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let count = 1;
    while (pattern[i + count] === ch) count += 1;
    out += field(ch, count, p, offset, zone, epochMs);
    i += count;
  }
  return out;
}

/** A quoted literal starting at `start` ('' is one quote, inside or outside quotes). */
function readQuoted(pattern: string, start: number): { text: string; next: number } {
  if (pattern[start + 1] === "'") return { text: "'", next: start + 2 };
  let text = '';
  let j = start + 1;
  while (j < pattern.length) {
    if (pattern[j] === "'") {
      if (pattern[j + 1] === "'") { text += "'"; j += 2; continue; }
      return { text, next: j + 1 };
    }
    text += pattern[j];
    j += 1;
  }
  return fail(`Unterminated quote in date pattern: ${pattern}`);
}

type Parts = ReturnType<typeof zonedParts>;

function field(letter: string, count: number, p: Parts, offset: number, zone: string, epochMs: number): string {
  switch (letter) {
    case 'y': case 'Y': return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M': case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd': return pad(p.day, count);
    case 'E': return count >= 4 ? WEEKDAYS[p.isoWeekday] : WEEKDAYS[p.isoWeekday].slice(0, 3);
    case 'u': return pad(p.isoWeekday, count);
    case 'D': return pad(dayOfYear(p), count);
    case 'H': return pad(p.hour, count);
    case 'k': return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'h': return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'K': return pad(p.hour % 12, count);
    case 'm': return pad(p.minute, count);
    case 's': return pad(p.second, count);
    case 'S': return pad(p.millisecond, Math.max(count, 3)).slice(0, Math.max(count, 3));
    case 'a': return p.hour < 12 ? 'AM' : 'PM';
    case 'z': return zoneName(zone, epochMs, count >= 4 ? 'long' : 'short', offset);
    case 'Z': return numericOffset(offset, false, false);
    case 'X':
      if (offset === 0) return 'Z';
      return count === 1 ? numericOffset(offset, false, true) : numericOffset(offset, count >= 3, false);
    default:
      return fail(`Illegal pattern character '${letter}'`);
  }
}

function dayOfYear(p: Parts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

function numericOffset(offset: number, colon: boolean, hoursOnly: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(zone: string, epochMs: number, style: 'short' | 'long', offset: number): string {
  if (fixedOffsetMinutes(zone) !== null) return offset === 0 ? 'GMT' : `GMT${numericOffset(offset, true, false)}`;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }).formatToParts(epochMs);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'UTC' ? 'UTC' : name;
}
