/** Turning whatever a failed call gives us into one sentence a person can read. */

const PREFIXES = /^(?:(?:Uncaught\s+)?(?:Script)?(?:Exception|Error|TypeError|RangeError|ScriptError):\s*)+/i;

/** The message of a failure, without the "Exception: " / "Error: " prefixes Apps Script adds. */
export function readableError(error: unknown): string {
  let message = '';
  if (error instanceof Error) message = error.message;
  else if (typeof error === 'string') message = error;
  else if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    message = (error as { message: string }).message;
  }
  message = message.trim().replace(PREFIXES, '').trim();
  return message || 'Something went wrong. Please try again.';
}

/**
 * The field a server validation message is about: the longest of `fields` that the message
 * names as a whole word (e.g. "quietDays must be less than dormantDays" → "quietDays").
 * The field named first wins on ties. Returns null when none is named.
 */
export function fieldOfError(message: string, fields: readonly string[]): string | null {
  let best: { field: string; index: number } | null = null;
  for (const field of fields) {
    const pattern = new RegExp(`(^|[^A-Za-z0-9_.])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);
    const match = pattern.exec(message);
    if (!match) continue;
    const index = match.index + match[1].length;
    if (!best || index < best.index || (index === best.index && field.length > best.field.length)) {
      best = { field, index };
    }
  }
  return best ? best.field : null;
}
