/** Settings per document (README "Settings"), in one document property. */
import { mergeSettings, readStoredSettings, serializeSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { contractsHeaders } from './contractsTable';
import { storeChosenSheet } from './sheetChoice';

const SETTINGS_KEY = 'contractAudit.settings';

/** The stored settings, or the defaults; `problem` says when damaged stored settings were replaced by defaults. */
export function loadSettings(): { settings: Settings; problem: string | null } {
  return readStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
}

/**
 * Validates `partial` against the current settings and stores the result; invalid input throws
 * and stores nothing. Every invalid field is named at once, one line each (`<setting>: <sentence>`),
 * a missing sheet among them. A newly chosen sheet is remembered by its ID too, so renaming it
 * later does not break the setting.
 */
export function saveSettings(partial: unknown): Settings {
  const { settings: current } = loadSettings();
  const wanted = pickSheetName(partial, current);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const changedSheet = wanted.sheetName !== current.sheetName;
  const sheet = changedSheet && wanted.sheetName && ss ? ss.getSheetByName(wanted.sheetName) : null;
  const sheetError = changedSheet && wanted.sheetName && !sheet
    ? `sheetName: There is no sheet named "${wanted.sheetName}" in this spreadsheet. Check the Contracts sheet name, `
      + 'or leave it empty to use the sheet with the contracts table.'
    : '';
  let next: Settings;
  try {
    next = mergeSettings(current, partial, sheetError ? [] : contractsHeaders({ ...current, ...wanted }));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(sheetError && /^\w[\w.]*: /.test(message) ? `${message}\n${sheetError}` : message);
  }
  if (sheetError) throw new Error(sheetError);
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, serializeSettings(next));
  if (changedSheet) storeChosenSheet(sheet);
  return next;
}

function pickSheetName(partial: unknown, current: Settings): { sheetName: string } {
  const p = partial as { sheetName?: unknown } | null;
  return { sheetName: p && typeof p.sheetName === 'string' ? p.sheetName.trim() : current.sheetName };
}

/** The settings in force for this document (defaults where nothing valid is stored). */
export function getSettings(): Settings {
  return loadSettings().settings;
}
