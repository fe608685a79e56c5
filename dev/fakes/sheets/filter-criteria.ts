import type { ApiShape } from '../core/api-shape';
import { asRealEnum } from '../core/enums';
import { signatureMismatch } from '../core/errors';
import type { StoredValue } from './cell';
import { BooleanCriteria, type BooleanCriteriaName } from './spreadsheet-enums';

type RealCriteria = GoogleAppsScript.Spreadsheet.FilterCriteria;
type RealBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

/** A column's filter criteria as the sheet stores them. */
export interface CriteriaData {
  /** A condition ('' when the criteria only list values). */
  criteria: BooleanCriteriaName | '';
  values: unknown[];
  /** Displayed texts the filter hides ("Filter by values" unticked), or null. */
  hidden: string[] | null;
  /** Displayed texts the filter shows (everything else hidden), or null. */
  visible: string[] | null;
}

export function emptyCriteria(): CriteriaData {
  return { criteria: '', values: [], hidden: null, visible: null };
}

export function cloneCriteria(data: CriteriaData): CriteriaData {
  return {
    criteria: data.criteria, values: [...data.values],
    hidden: data.hidden ? [...data.hidden] : null, visible: data.visible ? [...data.visible] : null,
  };
}

/**
 * Whether criteria hide a cell, judged by its displayed text (and number for number conditions).
 * Understood: hidden/visible values, cell (not) empty, text equal/not equal/contains/does not
 * contain/starts/ends (ignoring case, as Sheets does), number comparisons. Other conditions
 * (dates, custom formulas) hide nothing in the fake.
 */
export function criteriaHide(data: CriteriaData, displayed: string, value: StoredValue): boolean {
  if (data.hidden && data.hidden.includes(displayed)) return true;
  if (data.visible && !data.visible.includes(displayed)) return true;
  if (!data.criteria) return false;
  const text = displayed.toLowerCase();
  const wanted = String(data.values[0] ?? '').toLowerCase();
  const number = typeof value === 'number' ? value : null;
  const [a, b] = data.values.map(Number);
  switch (data.criteria) {
    case 'CELL_EMPTY': return displayed !== '';
    case 'CELL_NOT_EMPTY': return displayed === '';
    case 'TEXT_EQUAL_TO': return text !== wanted;
    case 'TEXT_NOT_EQUAL_TO': return text === wanted;
    case 'TEXT_CONTAINS': return !text.includes(wanted);
    case 'TEXT_DOES_NOT_CONTAIN': return text.includes(wanted);
    case 'TEXT_STARTS_WITH': return !text.startsWith(wanted);
    case 'TEXT_ENDS_WITH': return !text.endsWith(wanted);
    case 'NUMBER_EQUAL_TO': return number === null || number !== a;
    case 'NUMBER_NOT_EQUAL_TO': return number !== null && number === a;
    case 'NUMBER_GREATER_THAN': return number === null || !(number > a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return number === null || !(number >= a);
    case 'NUMBER_LESS_THAN': return number === null || !(number < a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return number === null || !(number <= a);
    case 'NUMBER_BETWEEN': return number === null || number < Math.min(a, b) || number > Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN': return number !== null && number >= Math.min(a, b) && number <= Math.max(a, b);
    default: return false;
  }
}

const CRITERIA_API = ['copy', 'getCriteriaType', 'getCriteriaValues', 'getHiddenValues', 'getVisibleValues'] as const;
const BUILDER_API = [...CRITERIA_API, 'build', 'setHiddenValues', 'setVisibleValues', 'whenCellEmpty',
  'whenCellNotEmpty', 'whenFormulaSatisfied', 'whenNumberBetween', 'whenNumberEqualTo', 'whenNumberGreaterThan',
  'whenNumberGreaterThanOrEqualTo', 'whenNumberLessThan', 'whenNumberLessThanOrEqualTo', 'whenNumberNotBetween',
  'whenNumberNotEqualTo', 'whenTextContains', 'whenTextDoesNotContain', 'whenTextEndsWith', 'whenTextEqualTo',
  'whenTextStartsWith'] as const;

/** Getters shared by built criteria and their builder. */
abstract class CriteriaView {
  constructor(protected data: CriteriaData) {}

  copy(): FakeFilterCriteriaBuilder { return new FakeFilterCriteriaBuilder(cloneCriteria(this.data)); }
  /** The condition; null when the criteria only list hidden or visible values. */
  getCriteriaType(): Criteria | null {
    return this.data.criteria ? asRealEnum<Criteria>(BooleanCriteria[this.data.criteria]) : null;
  }
  getCriteriaValues(): unknown[] { return [...this.data.values]; }
  getHiddenValues(): string[] { return [...(this.data.hidden ?? [])]; }
  getVisibleValues(): string[] { return [...(this.data.visible ?? [])]; }
}

/** Built criteria (immutable), from FilterCriteriaBuilder.build() or Filter.getColumnFilterCriteria(). */
export class FakeFilterCriteria extends CriteriaView implements ApiShape<RealCriteria, typeof CRITERIA_API[number]> {
  static readonly apiName = 'FilterCriteria';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = CRITERIA_API;

  /** The criteria as plain data (fakes and tests). */
  get criteriaData(): CriteriaData { return cloneCriteria(this.data); }
}

/** SpreadsheetApp.newFilterCriteria(). */
export class FakeFilterCriteriaBuilder extends CriteriaView implements ApiShape<RealBuilder, typeof BUILDER_API[number]> {
  static readonly apiName = 'FilterCriteriaBuilder';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = BUILDER_API;

  constructor(data: CriteriaData = emptyCriteria()) { super(data); }

  build(): FakeFilterCriteria { return new FakeFilterCriteria(cloneCriteria(this.data)); }
  setHiddenValues(values: string[]): FakeFilterCriteriaBuilder {
    this.data.hidden = textList(values, 'setHiddenValues');
    return this;
  }
  setVisibleValues(values: string[]): FakeFilterCriteriaBuilder {
    this.data.visible = textList(values, 'setVisibleValues');
    return this;
  }
  whenCellEmpty(): FakeFilterCriteriaBuilder { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): FakeFilterCriteriaBuilder { return this.when('CELL_NOT_EMPTY', []); }
  whenFormulaSatisfied(formula: string): FakeFilterCriteriaBuilder { return this.when('CUSTOM_FORMULA', [String(formula)]); }
  whenNumberBetween(start: number, end: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_BETWEEN', [start, end]); }
  whenNumberEqualTo(n: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): FakeFilterCriteriaBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberNotBetween(start: number, end: number): FakeFilterCriteriaBuilder {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberNotEqualTo(n: number): FakeFilterCriteriaBuilder { return this.when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenTextContains(text: string): FakeFilterCriteriaBuilder { return this.when('TEXT_CONTAINS', [String(text)]); }
  whenTextDoesNotContain(text: string): FakeFilterCriteriaBuilder { return this.when('TEXT_DOES_NOT_CONTAIN', [String(text)]); }
  whenTextEndsWith(text: string): FakeFilterCriteriaBuilder { return this.when('TEXT_ENDS_WITH', [String(text)]); }
  whenTextEqualTo(text: string): FakeFilterCriteriaBuilder { return this.when('TEXT_EQUAL_TO', [String(text)]); }
  whenTextStartsWith(text: string): FakeFilterCriteriaBuilder { return this.when('TEXT_STARTS_WITH', [String(text)]); }

  private when(criteria: BooleanCriteriaName, values: unknown[]): FakeFilterCriteriaBuilder {
    this.data.criteria = criteria;
    this.data.values = values;
    return this;
  }
}

function textList(values: unknown, method: string): string[] {
  if (!Array.isArray(values)) return signatureMismatch([values], `SpreadsheetApp.FilterCriteriaBuilder.${method}`);
  return values.map(String);
}
