/**
 * The add-on menu. onOpen may run in AuthMode.NONE (before the user has authorised the add-on in
 * this document), so it only builds the menu: no properties, no sheet reads. Every item's handler
 * is a public top-level function of dist/Code.js.
 */
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

export function onInstall(e?: unknown): void {
  onOpen(e);
}
