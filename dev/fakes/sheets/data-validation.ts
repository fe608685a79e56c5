import type { ApiShape } from '../core/api-shape';
import { asRealEnum } from '../core/enums';
import { fail } from '../core/errors';
import type { ValidationData } from './cell';
import { DataValidationCriteria, type DataValidationCriteriaName } from './spreadsheet-enums';

type RealRule = GoogleAppsScript.Spreadsheet.DataValidation;
type RealBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

const RULE_API = ['copy', 'getAllowInvalid', 'getCriteriaType', 'getCriteriaValues', 'getHelpText'] as const;
const BUILDER_API = [...RULE_API, 'build', 'requireValueInList', 'requireCheckbox', 'requireDate',
  'requireTextIsEmail', 'setAllowInvalid', 'setHelpText'] as const;

/** A built data validation rule (immutable). */
export class FakeDataValidation implements ApiShape<RealRule, typeof RULE_API[number]> {
  static readonly apiName = 'DataValidation';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = RULE_API;

  constructor(readonly data: ValidationData) {}

  copy(): FakeDataValidationBuilder { return new FakeDataValidationBuilder(cloneValidation(this.data)); }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getCriteriaType(): Criteria {
    return asRealEnum<Criteria>(DataValidationCriteria[this.data.criteria as DataValidationCriteriaName]);
  }
  getCriteriaValues(): unknown[] { return cloneValidation(this.data).values; }
  getHelpText(): string | null { return this.data.helpText || null; }
}

/** SpreadsheetApp.newDataValidation(). */
export class FakeDataValidationBuilder implements ApiShape<RealBuilder, typeof BUILDER_API[number]> {
  static readonly apiName = 'DataValidationBuilder';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = BUILDER_API;

  constructor(private data: ValidationData = { criteria: '', values: [], allowInvalid: true, helpText: '' }) {}

  build(): FakeDataValidation {
    if (!this.data.criteria) fail('You must specify a validation criteria.');
    return new FakeDataValidation(cloneValidation(this.data));
  }
  copy(): FakeDataValidationBuilder { return new FakeDataValidationBuilder(cloneValidation(this.data)); }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getCriteriaType(): Criteria {
    return asRealEnum<Criteria>(DataValidationCriteria[this.data.criteria as DataValidationCriteriaName]);
  }
  getCriteriaValues(): unknown[] { return cloneValidation(this.data).values; }
  getHelpText(): string | null { return this.data.helpText || null; }

  /** Values shown in a dropdown (showDropdown defaults to true). */
  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    if (!Array.isArray(values)) fail('The parameters don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    if (values.length > 500) fail('The data validation list can contain at most 500 items.');
    this.data.criteria = 'VALUE_IN_LIST';
    this.data.values = [values.map(String), showDropdown === undefined ? true : Boolean(showDropdown)];
    return this;
  }
  requireCheckbox(): FakeDataValidationBuilder {
    this.data.criteria = 'CHECKBOX';
    this.data.values = [];
    return this;
  }
  requireDate(): FakeDataValidationBuilder {
    this.data.criteria = 'DATE_IS_VALID_DATE';
    this.data.values = [];
    return this;
  }
  requireTextIsEmail(): FakeDataValidationBuilder {
    this.data.criteria = 'TEXT_IS_VALID_EMAIL';
    this.data.values = [];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.data.allowInvalid = Boolean(allowInvalidData);
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.data.helpText = String(helpText);
    return this;
  }
}

/** Deep copy of a rule's data. */
export function cloneValidation(data: ValidationData): ValidationData {
  return { ...data, values: data.values.map((value) => (Array.isArray(value) ? [...value] : value)) };
}

/** Whether a value's display text passes a rule (list rules compare ignoring case, like Sheets). */
export function passesValidation(data: ValidationData, displayed: string, isDate: boolean): boolean {
  if (displayed === '') return true;
  switch (data.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (data.values[0] as string[]) ?? [];
      return list.some((item) => item.toLowerCase() === displayed.toLowerCase());
    }
    case 'CHECKBOX': return displayed === 'TRUE' || displayed === 'FALSE';
    case 'DATE_IS_VALID_DATE': return isDate;
    case 'TEXT_IS_VALID_EMAIL': return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(displayed);
    default: return true;
  }
}
