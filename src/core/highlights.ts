/**
 * The add-on's highlights (README "Your contracts sheet"): one conditional-format rule per highlighted
 * state, `=$<Audit letter><first data row>="<state>"`, in the state's colour. A rule is the
 * add-on's own exactly when its formula has that form and its colour is that state's colour,
 * so the user's own rules are never taken for ours.
 */
import type { HighlightedState } from './types';

export const HIGHLIGHT_COLOURS: Readonly<Record<HighlightedState, string>> = {
  'Close out': '#f4cccc',
  Dormant: '#fce5cd',
  Quiet: '#fff2cc',
  'Check data': '#d9d2e9',
};

export const HIGHLIGHTED_STATES = Object.keys(HIGHLIGHT_COLOURS) as HighlightedState[];

export function highlightFormula(auditColumnLetter: string, firstDataRow: number, state: HighlightedState): string {
  return `=$${auditColumnLetter}${firstDataRow}="${state}"`;
}

const OWN_FORMULA = /^=\$[A-Z]{1,3}[1-9][0-9]*="(Close out|Dormant|Quiet|Check data)"$/;

/** True when a custom-formula rule with this formula and background is one the add-on made. */
export function isOwnHighlight(formula: string, background: string | null): boolean {
  const match = OWN_FORMULA.exec(formula.trim());
  if (!match || !background) return false;
  return HIGHLIGHT_COLOURS[match[1] as HighlightedState] === background.toLowerCase();
}
