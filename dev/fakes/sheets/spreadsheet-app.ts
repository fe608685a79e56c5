import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';
import type { UiRecord } from '../ui/records';
import { FakeUi } from '../ui/ui';
import { FakeConditionalFormatRuleBuilder } from './conditional-format';
import { FakeDataValidationBuilder } from './data-validation';
import { FakeFilterCriteriaBuilder } from './filter-criteria';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { BooleanCriteria, DataValidationCriteria, Dimension, SheetType, WrapStrategy } from './spreadsheet-enums';

type RealSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const APP_API = ['flush', 'getActive', 'getActiveRange', 'getActiveSheet', 'getActiveSpreadsheet', 'getUi',
  'newConditionalFormatRule', 'newDataValidation', 'newFilterCriteria', 'openById', 'openByUrl', 'setActiveRange', 'setActiveSheet'] as const;

/** How the execution was started: from the editor UI (menu, sidebar) or by a trigger. */
export interface SpreadsheetAppContext {
  spreadsheet: FakeSpreadsheet;
  ui: UiRecord;
  addonTitle: string;
  /** Time-driven executions have no UI: getUi() throws as it does in Apps Script. */
  fromTrigger: boolean;
}

/** SpreadsheetApp for one execution. */
export class FakeSpreadsheetApp implements ApiShape<RealSpreadsheetApp, typeof APP_API[number]> {
  static readonly apiName = 'SpreadsheetApp';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = [...APP_API, 'BooleanCriteria', 'DataValidationCriteria', 'WrapStrategy',
    'Dimension', 'SheetType'];

  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;

  constructor(private readonly context: SpreadsheetAppContext) {}

  flush(): void { /* writes are immediate in the fake */ }
  getActive(): FakeSpreadsheet { return this.context.spreadsheet; }
  getActiveRange(): FakeRange { return this.context.spreadsheet.getActiveRange(); }
  getActiveSheet(): FakeSheet { return this.context.spreadsheet.getActiveSheet(); }
  getActiveSpreadsheet(): FakeSpreadsheet { return this.context.spreadsheet; }
  getUi(): FakeUi {
    if (this.context.fromTrigger) fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this.context.ui, this.context.addonTitle);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder { return new FakeConditionalFormatRuleBuilder(); }
  newDataValidation(): FakeDataValidationBuilder { return new FakeDataValidationBuilder(); }
  newFilterCriteria(): FakeFilterCriteriaBuilder { return new FakeFilterCriteriaBuilder(); }
  /** The add-on only has spreadsheets.currentonly: opening any spreadsheet by id or URL is refused. */
  openById(_id: string): FakeSpreadsheet { return refuseOpen('openById'); }
  openByUrl(_url: string): FakeSpreadsheet { return refuseOpen('openByUrl'); }
  setActiveRange(range: FakeRange): FakeRange { return this.context.spreadsheet.setActiveRange(range); }
  setActiveSheet(sheet: FakeSheet): FakeSheet { return this.context.spreadsheet.setActiveSheet(sheet); }
}

function refuseOpen(method: string): never {
  return fail(`You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`);
}
