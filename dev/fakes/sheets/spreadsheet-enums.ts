import { makeEnum } from '../core/enums';

/** SpreadsheetApp.BooleanCriteria. */
export const BooleanCriteria = makeEnum(['CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE',
  'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA']);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = makeEnum(['DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST',
  'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX']);
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

/** SpreadsheetApp.WrapStrategy, Dimension and SheetType (occasionally read by scripts). */
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP']);
export const Dimension = makeEnum(['COLUMNS', 'ROWS']);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE']);
