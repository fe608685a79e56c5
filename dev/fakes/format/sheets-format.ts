import { wallParts } from '../core/timezone';
import { MONTHS, pad, WEEKDAYS } from './names';

/**
 * Display text for a cell under a Sheets number format (the syntax of Format > Number > Custom):
 * dates and times (yyyy yy m mm mmm mmmm d dd ddd dddd h hh m mm ss am/pm, quoted text) and
 * numbers (0 # , . % with literal prefix and suffix; sections split by ';').
 */

/** Days between Sheets' epoch (1899-12-30) and 1970-01-01. */
export const SERIAL_EPOCH_WALL_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Whether a format shows dates or times rather than plain numbers. */
export function isDatePattern(pattern: string): boolean {
  const bare = stripLiterals(pattern);
  return /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

/** Formats a wall time (see core/timezone) with a Sheets date pattern. */
export function formatWallDate(wallMs: number, pattern: string): string {
  const p = wallParts(wallMs);
  const tokens = tokenize(pattern);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  tokens.forEach((token, index) => {
    if (token.kind === 'literal') { out += token.text; return; }
    if (token.kind === 'ampm') { out += ampm(token.text, p.hour); return; }
    const n = token.text.length;
    switch (token.text[0].toLowerCase()) {
      case 'y': out += n <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4); break;
      case 'd':
        if (n >= 4) out += WEEKDAYS[p.isoWeekday];
        else if (n === 3) out += WEEKDAYS[p.isoWeekday].slice(0, 3);
        else out += pad(p.day, n);
        break;
      case 'h': {
        const hour = twelveHour ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
        out += pad(hour, Math.min(n, 2));
        break;
      }
      case 's': out += pad(p.second, Math.min(n, 2)); break;
      case 'm':
        if (n <= 2 && isMinute(tokens, index)) out += pad(p.minute, n);
        else if (n >= 5) out += MONTHS[p.month - 1][0];
        else if (n === 4) out += MONTHS[p.month - 1];
        else if (n === 3) out += MONTHS[p.month - 1].slice(0, 3);
        else out += pad(p.month, n);
        break;
      default: out += token.text;
    }
  });
  return out;
}

/** Formats a number with a Sheets number pattern ('0', '0.00', '#,##0', '0%', '"$"#,##0.00'...). */
export function formatNumber(value: number, pattern: string): string {
  const sections = splitSections(pattern);
  let section = sections[0];
  let magnitude = value;
  if (value < 0 && sections.length > 1) { section = sections[1]; magnitude = -value; }
  else if (value === 0 && sections.length > 2) section = sections[2];
  if (isDatePattern(section)) return formatWallDate(SERIAL_EPOCH_WALL_MS + magnitude * DAY_MS, section);
  section = bracketsToLiterals(section);
  const match = /[0#?,.]*[0#?][0#?,.]*/.exec(section);
  if (!match) return unquote(section);
  const prefix = unquote(section.slice(0, match.index));
  const suffix = unquote(section.slice(match.index + match[0].length));
  const percent = suffix.includes('%') || prefix.includes('%');
  const [intPart, fracPart = ''] = match[0].split('.');
  const maxDecimals = (fracPart.match(/[0#?]/g) || []).length;
  const minDecimals = (fracPart.match(/0/g) || []).length;
  const minInteger = (intPart.match(/0/g) || []).length;
  const scaled = percent ? magnitude * 100 : magnitude;
  let text = Math.abs(scaled).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    text = text.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
  }
  let [integer, fraction] = text.split('.');
  if (integer === '0' && minInteger === 0) integer = '';
  integer = integer.padStart(minInteger, '0');
  if (intPart.includes(',')) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction !== undefined ? `${integer}.${fraction}` : integer;
  const negative = scaled < 0 && sections.length === 1 && Number(body.replace(/[^0-9]/g, '')) !== 0;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

/** Sheets' automatic display of a number: up to 10 significant digits, no grouping. */
export function formatAutomaticNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(10));
  const text = String(rounded);
  return text.includes('e') ? rounded.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-') : text;
}

type Token = { kind: 'literal' | 'field' | 'ampm'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const ampmMatch = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampmMatch) { tokens.push({ kind: 'ampm', text: ampmMatch[0] }); i += ampmMatch[0].length; continue; }
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end === -1 ? pattern.length : end;
      tokens.push({ kind: 'literal', text: pattern.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') { tokens.push({ kind: 'literal', text: pattern[i + 1] ?? '' }); i += 2; continue; }
    if (/[ymdhs]/i.test(ch)) {
      let n = 1;
      while (pattern[i + n] && pattern[i + n].toLowerCase() === ch.toLowerCase()) n += 1;
      tokens.push({ kind: 'field', text: pattern.slice(i, i + n) });
      i += n;
      continue;
    }
    if (ch === '[' ) {
      const end = pattern.indexOf(']', i);
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch === '@' ? '' : ch });
    i += 1;
  }
  return tokens;
}

function isMinute(tokens: Token[], index: number): boolean {
  for (let j = index - 1; j >= 0; j -= 1) {
    if (tokens[j].kind !== 'field') continue;
    if (/^h/i.test(tokens[j].text)) return true;
    break;
  }
  for (let j = index + 1; j < tokens.length; j += 1) {
    if (tokens[j].kind !== 'field') continue;
    return /^s/i.test(tokens[j].text);
  }
  return false;
}

function ampm(text: string, hour: number): string {
  const pm = hour >= 12;
  if (/^a\/p$/i.test(text)) return pm ? 'p' : 'a';
  const word = pm ? 'PM' : 'AM';
  return text === text.toLowerCase() ? word.toLowerCase() : word;
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of pattern) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) { sections.push(current); current = ''; continue; }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/**
 * Bracketed codes of a number section: a currency `[$€]` or `[$€-407]` (symbol, then locale) is
 * shown as its symbol; colours (`[Red]`) and conditions (`[<0]`) show nothing.
 */
function bracketsToLiterals(section: string): string {
  return section.replace(/"[^"]*"|\[([^\]]*)\]/g, (whole, inner: string | undefined) => {
    if (inner === undefined) return whole;
    const currency = /^\$([^-]*)/.exec(inner);
    return currency ? `"${currency[1]}"` : '';
  });
}

function stripLiterals(pattern: string): string {
  return pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')
    .replace(/am\/pm|a\/p/gi, 'h');
}

function unquote(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/[_*]./g, '');
}
