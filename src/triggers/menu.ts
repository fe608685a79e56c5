/**
 * The add-on menu. onOpen may run in AuthMode.NONE (before the user has authorised the add-on in
 * this document), so it only builds the menu: no properties, no sheet reads. Every item's handler
 * is a public top-level function of dist/Code.js.
 */
import { showSidebar } from '../sheets/sidebarPage';

export const MENU_ITEMS: ReadonlyArray<{ caption: string; functionName: string }> = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Run audit', functionName: 'runAudit' },
  { caption: 'Set up contracts sheet', functionName: 'setupContractsSheet' },
  { caption: 'Clear highlights', functionName: 'clearHighlights' },
];

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/**
 * Right after a user installs the add-on (AuthMode.FULL), the menu, then the sidebar: on a
 * spreadsheet with no contracts table yet, the sidebar's first screen offers "Set up contracts
 * sheet" and "Import Upwork report" in one place.
 */
export function onInstall(e?: unknown): void {
  onOpen(e);
  const mode = e && typeof e === 'object' ? (e as { authMode?: unknown }).authMode : undefined;
  if (mode !== undefined && String(mode) !== String(ScriptApp.AuthMode.FULL)) return;
  try {
    showSidebar();
  } catch (_e) { /* the menu is there; the sidebar opens from it */ }
}
