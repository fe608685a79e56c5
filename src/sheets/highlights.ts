/** The add-on's conditional-format rules on a sheet: replaced by an audit, removed by clearHighlights. */
import { HIGHLIGHT_COLOURS, HIGHLIGHTED_STATES, highlightFormula, isOwnHighlight } from '../core/highlights';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** Ours: a custom formula of our form in our colour (other criteria never carry such a formula). */
function isOwnRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const formula = condition.getCriteriaValues()[0];
  return typeof formula === 'string' && isOwnHighlight(formula, condition.getBackground());
}

/** Replaces the add-on's rules on `sheet` with one per highlighted state over `area`; keeps every other rule. */
export function replaceHighlights(sheet: Sheet, area: { firstRow: number; firstColumn: number; numRows: number; numColumns: number }, auditColumnLetter: string): void {
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  if (area.numRows < 1) {
    sheet.setConditionalFormatRules(kept);
    return;
  }
  const range = sheet.getRange(area.firstRow, area.firstColumn, area.numRows, area.numColumns);
  const ours = HIGHLIGHTED_STATES.map((state) => SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(highlightFormula(auditColumnLetter, area.firstRow, state))
    .setBackground(HIGHLIGHT_COLOURS[state])
    .setRanges([range])
    .build());
  sheet.setConditionalFormatRules(kept.concat(ours));
}

/** Removes the add-on's rules from `sheet`; returns how many were removed. */
export function removeHighlights(sheet: Sheet): number {
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => !isOwnRule(rule));
  if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
  return rules.length - kept.length;
}
