/**
 * The one way header texts and template placeholders are compared: case, spaces and
 * punctuation ignored, singular and plural alike (`Follow-up`, `Follow-ups`, `Follow-up(s)`).
 */
export function normalizeName(text: string): string {
  const folded = String(text).toLowerCase().replace(/\(s\)/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
  return folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}
