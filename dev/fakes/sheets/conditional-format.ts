import type { ApiShape } from '../core/api-shape';
import { asRealEnum } from '../core/enums';
import { fail } from '../core/errors';
import { normalizeColor } from './color';
import { FakeRange } from './range';
import { BooleanCriteria, type BooleanCriteriaName } from './spreadsheet-enums';

type RealRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type RealBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type RealCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

/** A conditional format rule as a sheet stores it. */
export interface RuleData {
  criteria: BooleanCriteriaName | '';
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: FakeRange[];
}

/** Copies a rule (ranges are immutable and shared). */
export function cloneRule(data: RuleData): RuleData {
  return { ...data, values: [...data.values], ranges: [...data.ranges] };
}

const CONDITION_API = ['getCriteriaType', 'getCriteriaValues', 'getBackground', 'getFontColor', 'getBold',
  'getItalic', 'getStrikethrough', 'getUnderline'] as const;
const RULE_API = ['copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges'] as const;
const BUILDER_API = ['build', 'copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges',
  'setBackground', 'setBold', 'setFontColor', 'setItalic', 'setRanges', 'whenCellEmpty', 'whenCellNotEmpty',
  'whenFormulaSatisfied', 'whenTextContains', 'whenTextDoesNotContain', 'whenTextEndsWith', 'whenTextEqualTo',
  'whenTextStartsWith', 'whenNumberEqualTo', 'whenNumberGreaterThan', 'whenNumberLessThan'] as const;

/** The boolean condition of a rule: its criteria and the format it applies. */
export class FakeBooleanCondition implements ApiShape<RealCondition, typeof CONDITION_API[number]> {
  static readonly apiName = 'BooleanCondition';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = CONDITION_API;

  constructor(private readonly data: RuleData) {}

  getCriteriaType(): Criteria { return asRealEnum<Criteria>(BooleanCriteria[this.data.criteria as BooleanCriteriaName]); }
  getCriteriaValues(): unknown[] { return [...this.data.values]; }
  getBackground(): string | null { return this.data.background; }
  getFontColor(): string | null { return this.data.fontColor; }
  getBold(): boolean | null { return this.data.bold; }
  getItalic(): boolean | null { return this.data.italic; }
  getStrikethrough(): boolean | null { return null; }
  getUnderline(): boolean | null { return null; }
}

/** A built rule; getConditionalFormatRules returns new ones on each call. */
export class FakeConditionalFormatRule implements ApiShape<RealRule, typeof RULE_API[number]> {
  static readonly apiName = 'ConditionalFormatRule';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = RULE_API;

  constructor(readonly data: RuleData) {}

  copy(): FakeConditionalFormatRuleBuilder { return new FakeConditionalFormatRuleBuilder(cloneRule(this.data)); }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.data.criteria ? new FakeBooleanCondition(cloneRule(this.data)) : null;
  }
  getGradientCondition(): null { return null; }
  getRanges(): FakeRange[] { return [...this.data.ranges]; }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class FakeConditionalFormatRuleBuilder implements ApiShape<RealBuilder, typeof BUILDER_API[number]> {
  static readonly apiName = 'ConditionalFormatRuleBuilder';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = BUILDER_API;

  constructor(private readonly data: RuleData = {
    criteria: '', values: [], background: null, fontColor: null, bold: null, italic: null, ranges: [],
  }) {}

  build(): FakeConditionalFormatRule {
    if (!this.data.criteria) fail('Conditional format rule must have a condition.');
    if (this.data.ranges.length === 0) fail('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(cloneRule(this.data));
  }
  copy(): FakeConditionalFormatRuleBuilder { return new FakeConditionalFormatRuleBuilder(cloneRule(this.data)); }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.data.criteria ? new FakeBooleanCondition(cloneRule(this.data)) : null;
  }
  getGradientCondition(): null { return null; }
  getRanges(): FakeRange[] { return [...this.data.ranges]; }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.data.background = normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder { this.data.bold = bold; return this; }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.data.fontColor = normalizeColor(color);
    return this;
  }
  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder { this.data.italic = italic; return this; }
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges) || ranges.some((range) => !(range instanceof FakeRange))) {
      fail("The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    }
    this.data.ranges = [...ranges];
    return this;
  }
  whenCellEmpty(): FakeConditionalFormatRuleBuilder { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder { return this.when('CELL_NOT_EMPTY', []); }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder { return this.when('TEXT_CONTAINS', [String(text)]); }
  whenTextDoesNotContain(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  whenTextEndsWith(text: string): FakeConditionalFormatRuleBuilder { return this.when('TEXT_ENDS_WITH', [String(text)]); }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder { return this.when('TEXT_EQUAL_TO', [String(text)]); }
  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }
  whenNumberEqualTo(n: number): FakeConditionalFormatRuleBuilder { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder { return this.when('NUMBER_LESS_THAN', [n]); }

  private when(criteria: BooleanCriteriaName, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.data.criteria = criteria;
    this.data.values = values;
    return this;
  }
}
