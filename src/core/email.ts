/**
 * The client email cell (README "Follow-ups and closing"): one address, `Name <address>`, or
 * several separated by commas (or semicolons, as people paste them from mail programs), which
 * is what Gmail takes as a recipient list.
 */

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

/** Splits on commas and semicolons outside double quotes ("Doe, Jane" <jane@x.com> is one recipient). */
function splitRecipients(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) { parts.push(current); current = ''; continue; }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The recipients of an email cell, as Gmail takes them ("Jane <jane@x.com>, b@y.org"), with the
 * bare addresses; or the first part that is not an address. Null addresses list for an empty cell.
 */
export function parseRecipients(cell: string): { recipients: string; addresses: string[] } | { bad: string } {
  const parts = splitRecipients(String(cell || ''));
  const addresses: string[] = [];
  for (const part of parts) {
    const angle = /<([^<>]*)>\s*$/.exec(part);
    const address = (angle ? angle[1] : part).trim();
    if (!ADDRESS.test(address)) return { bad: part };
    addresses.push(address);
  }
  return { recipients: parts.join(', '), addresses };
}

/** True when the cell holds one or more addresses Gmail can take. */
export function isEmailAddress(text: string): boolean {
  const parsed = parseRecipients(text);
  return 'addresses' in parsed && parsed.addresses.length > 0;
}

/** The addresses of a recipient list, lower-cased and sorted: two lists to the same people compare equal. */
export function recipientKey(list: string): string {
  const found = String(list || '').match(/[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+/g) || [];
  return found.map((a) => a.toLowerCase()).sort().join(',');
}
