import type { ApiShape } from '../core/api-shape';
import { asRealEnum, makeEnum } from '../core/enums';
import { fail, signatureMismatch } from '../core/errors';
import { FakeHtmlOutput } from './html-service';
import type { MenuRecord, UiRecord } from './records';

type RealUi = GoogleAppsScript.Base.Ui;
type RealMenu = GoogleAppsScript.Base.Menu;
type RealButton = GoogleAppsScript.Base.Button;

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

const UI_API = ['alert', 'createAddonMenu', 'createMenu', 'showModalDialog', 'showModelessDialog', 'showSidebar'] as const;
const MENU_API = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const;

/** SpreadsheetApp.getUi(): records what it shows in the account's UI record. */
export class FakeUi implements ApiShape<RealUi, typeof UI_API[number]> {
  static readonly apiName = 'Ui';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = [...UI_API, 'Button', 'ButtonSet'];

  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly record: UiRecord, private readonly addonTitle: string) {}

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons): records the prompt. */
  alert(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown): RealButton {
    const prompt = typeof promptOrButtons === 'string' ? promptOrButtons : titleOrPrompt;
    const set = typeof promptOrButtons === 'string' ? buttons : promptOrButtons;
    this.record.alerts.push(String(prompt));
    const answer = set === ButtonSet.YES_NO || set === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
    return asRealEnum<RealButton>(answer);
  }
  createAddonMenu(): FakeMenu { return new FakeMenu(this.addonTitle, this.record, true); }
  createMenu(caption: string): FakeMenu { return new FakeMenu(String(caption), this.record, false); }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.record.dialogs.push({ title: String(title), html: htmlOf(userInterface, 'showModalDialog'), modal: true });
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.record.dialogs.push({ title: String(title), html: htmlOf(userInterface, 'showModelessDialog'), modal: false });
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    const html = htmlOf(userInterface, 'showSidebar');
    this.record.sidebars.push({ title: userInterface.getTitle(), html });
  }
}

function htmlOf(output: unknown, method: string): string {
  if (!(output instanceof FakeHtmlOutput)) return signatureMismatch([output], `Ui.${method}`);
  return output.getContent();
}

/** A menu being built; addToUi() puts it in the record (replacing a menu of the same title). */
export class FakeMenu implements ApiShape<RealMenu, typeof MENU_API[number]> {
  static readonly apiName = 'Menu';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = MENU_API;

  readonly menu: MenuRecord;

  constructor(title: string, private readonly record: UiRecord, private readonly addon: boolean) {
    this.menu = { title, items: [], entries: [] };
  }

  addItem(caption: string, functionName: string): FakeMenu {
    if (typeof functionName !== 'string' || functionName === '') fail('Invalid argument: functionName');
    this.menu.items.push({ caption: String(caption), functionName });
    this.menu.entries.push({ type: 'item', caption: String(caption), functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.menu.entries.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    if (!(menu instanceof FakeMenu)) signatureMismatch([menu], 'Menu.addSubMenu');
    if (this.addon && menu.addon) fail('Add-on menus cannot be nested.');
    this.menu.entries.push({ type: 'submenu', menu: menu.menu });
    return this;
  }
  addToUi(): void {
    const index = this.record.menus.findIndex((menu) => menu.title === this.menu.title);
    const copy: MenuRecord = JSON.parse(JSON.stringify(this.menu));
    if (index >= 0) this.record.menus[index] = copy;
    else this.record.menus.push(copy);
  }
}
