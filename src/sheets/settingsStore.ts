/** Settings per document (SPEC.md "Settings"), in one document property. */
import { mergeSettings, readStoredSettings, serializeSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { contractsHeaders } from './contractsTable';

const SETTINGS_KEY = 'contractAudit.settings';

/** The stored settings, or the defaults; `problem` says when damaged stored settings were replaced by defaults. */
export function loadSettings(): { settings: Settings; problem: string | null } {
  return readStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
}

/** Validates `partial` against the current settings and stores the result; invalid input throws and stores nothing. */
export function saveSettings(partial: unknown): Settings {
  const { settings: current } = loadSettings();
  const next = mergeSettings(current, partial, contractsHeaders({ ...current, ...pickSheetName(partial, current) }));
  if (next.sheetName && next.sheetName !== current.sheetName) {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss && !ss.getSheetByName(next.sheetName)) {
      throw new Error(`sheetName: there is no sheet named "${next.sheetName}" in this spreadsheet. Leave it empty to use the sheet with the contracts table.`);
    }
  }
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, serializeSettings(next));
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
