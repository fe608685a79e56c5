import { fail } from '../core/errors';

/**
 * Utilities.formatString: sprintf-style %s %d %i %f %e %x %o %% with flags (-, 0, +, space),
 * width and precision, as Apps Script documents it.
 */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXo%])/g,
    (_match, flags: string, width: string | undefined, precision: string | undefined, kind: string) => {
      if (kind === '%') return '%';
      if (next >= args.length) fail(`Too few arguments for format string: ${template}`);
      const body = convert(kind, args[next++], precision === undefined ? undefined : Number(precision), flags);
      return padTo(body, width === undefined ? 0 : Number(width), flags);
    });
}

function convert(kind: string, value: unknown, precision: number | undefined, flags: string): string {
  const sign = (n: number, text: string): string =>
    n >= 0 && flags.includes('+') ? `+${text}` : n >= 0 && flags.includes(' ') ? ` ${text}` : text;
  switch (kind) {
    case 's': {
      const text = String(value);
      return precision === undefined ? text : text.slice(0, precision);
    }
    case 'd': case 'i': {
      const n = Math.trunc(Number(value));
      return sign(n, String(n));
    }
    case 'f': {
      const n = Number(value);
      return sign(n, n.toFixed(precision ?? 6));
    }
    case 'e': case 'E': {
      const n = Number(value);
      const text = n.toExponential(precision ?? 6);
      return sign(n, kind === 'E' ? text.toUpperCase() : text);
    }
    case 'x': case 'X': {
      const text = Math.trunc(Number(value)).toString(16);
      return kind === 'X' ? text.toUpperCase() : text;
    }
    default:
      return Math.trunc(Number(value)).toString(8);
  }
}

function padTo(text: string, width: number, flags: string): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width, ' ');
  if (flags.includes('0') && /^[+\- ]?\d/.test(text)) {
    const signChar = /^[+\- ]/.test(text) ? text[0] : '';
    return signChar + text.slice(signChar.length).padStart(width - signChar.length, '0');
  }
  return text.padStart(width, ' ');
}
