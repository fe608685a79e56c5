import { fail } from '../core/errors';

/**
 * The addresses in a recipient list ("a@x.com, Ann <b@y.org>"). An address that is not a valid
 * email throws Apps Script's "Invalid email: <address>". An empty list gives [].
 */
export function parseRecipients(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  const text = String(list).trim();
  if (text === '') return [];
  return splitOutsideQuotes(text).map((part) => {
    const trimmed = part.trim();
    const angle = /<([^<>]*)>\s*$/.exec(trimmed);
    const address = (angle ? angle[1] : trimmed).trim();
    if (!/^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/.test(address)) fail(`Invalid email: ${trimmed}`);
    return address;
  });
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) { parts.push(current); current = ''; continue; }
    current += ch;
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}

/** A plain copy of an options object (for the record). */
export function plainOptions(options: unknown): Record<string, unknown> {
  if (!options || typeof options !== 'object') return {};
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) copy[key] = value;
  return copy;
}
