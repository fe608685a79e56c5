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

/** One line of a validation error: the setting it is about (null when it names none) and its sentence. */
export interface FieldError { field: string | null; message: string }

/**
 * Splits a server validation message into its lines, one per invalid setting: `saveSettings`
 * throws `field: sentence` lines (e.g. "quietDays: Quiet after (days idle) must be a whole number
 * from 1 to 29."). A line without a `field:` prefix keeps `field` null.
 */
export function parseFieldErrors(message: string): FieldError[] {
  return message.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const match = /^([A-Za-z][\w]*(?:\.[\w]+)*):\s+(.+)$/.exec(line);
    return match ? { field: match[1], message: shortPlaceholderError(match[2]) } : { field: null, message: line };
  });
}

/**
 * An unknown-placeholder sentence cut to one short line: "{{clinet}} is not a placeholder. Did you
 * mean {{client}}?" (the long list of every valid name is left to the chips above the templates).
 */
export function shortPlaceholderError(sentence: string): string {
  const match = /^Unknown placeholder (\{\{[^}]*\}\}) in [^.]*\.(?:\s*Did you mean (\{\{[^}]*\}\})\?)?/.exec(sentence);
  if (!match) return sentence;
  return match[2]
    ? `${match[1]} is not a placeholder. Did you mean ${match[2]}?`
    : `${match[1]} is not a placeholder. Use one of the placeholders listed above.`;
}
