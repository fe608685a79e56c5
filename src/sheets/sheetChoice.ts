/**
 * The sheet chosen in Settings (`sheetName`), stored with its sheet ID so a rename does not break
 * it; a deleted configured sheet is an error, never a fallback to another sheet (README "Your contracts sheet").
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CHOSEN_SHEET_KEY = 'contractAudit.chosenSheet';

interface ChosenSheet { name: string; sheetId: number }

function readChosen(): ChosenSheet | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(CHOSEN_SHEET_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<ChosenSheet>;
    return typeof parsed.name === 'string' && typeof parsed.sheetId === 'number' ? { name: parsed.name, sheetId: parsed.sheetId } : null;
  } catch (_e) {
    return null;
  }
}

/** Remembers the ID of the sheet `name` names (saveSettings calls this when sheetName changes). */
export function storeChosenSheet(sheet: Sheet | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (!sheet) props.deleteProperty(CHOSEN_SHEET_KEY);
  else props.setProperty(CHOSEN_SHEET_KEY, JSON.stringify({ name: sheet.getName(), sheetId: sheet.getSheetId() }));
}

/**
 * The sheet Settings names: by its stored ID first (it may have been renamed since), else by
 * name. Throws a message naming the sheet when neither finds it.
 */
export function configuredSheet(spreadsheet: Spreadsheet, sheetName: string): Sheet {
  const chosen = readChosen();
  if (chosen && chosen.name === sheetName) {
    const byId = spreadsheet.getSheetById(chosen.sheetId);
    if (byId) return byId;
    throw missing(sheetName);
  }
  const byName = spreadsheet.getSheetByName(sheetName);
  if (byName) return byName;
  throw missing(sheetName);
}

function missing(sheetName: string): Error {
  return new Error(`The sheet "${sheetName}" chosen in Settings is missing (deleted), so nothing was done. `
    + 'Pick your contracts sheet again in Settings, or leave the sheet setting empty.');
}
