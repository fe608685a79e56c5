/** What the simulated user saw: menus, sidebars, dialogs, alerts and toasts. */
export interface MenuItemRecord { caption: string; functionName: string }
export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuRecord };
export interface MenuRecord {
  title: string;
  /** The menu's own items in order (separators and submenus left out). */
  items: MenuItemRecord[];
  /** Everything in order, separators and submenus included. */
  entries: MenuEntry[];
}
export interface ShownHtml { title: string; html: string }
export interface DialogRecord extends ShownHtml { modal: boolean }

/** A consent prompt Google showed because the script required scopes the user had not granted. */
export interface ConsentPromptRecord { scopes: string[] }

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: ShownHtml[];
  dialogs: DialogRecord[];
  alerts: string[];
  toasts: string[];
  consentPrompts: ConsentPromptRecord[];
}

/** An empty record. */
export function emptyUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], consentPrompts: [] };
}
