import { fail } from '../core/errors';

const NAMED: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff',
  yellow: '#ffff00', orange: '#ffa500', gray: '#808080', grey: '#808080', purple: '#800080',
  lime: '#00ff00', cyan: '#00ffff', magenta: '#ff00ff', pink: '#ffc0cb', silver: '#c0c0c0',
};

/** CSS color text as Sheets stores it: lower-case '#rrggbb'. Null (reset) gives null. */
export function normalizeColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined || color === '') return null;
  const text = String(color).trim().toLowerCase();
  if (NAMED[text]) return NAMED[text];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  return fail(`Invalid color: ${String(color)}`);
}
