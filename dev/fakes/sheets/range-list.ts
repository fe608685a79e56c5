import type { ApiShape } from '../core/api-shape';
import type { FakeRange } from './range';

type RealRangeList = GoogleAppsScript.Spreadsheet.RangeList;

const RANGE_LIST_API = ['activate', 'clearContent', 'clearNote', 'getRanges', 'setBackground', 'setNote',
  'setNumberFormat', 'setValue'] as const;

/** Several ranges of one sheet, from Sheet.getRangeList(a1Notations): one call sets them all. */
export class FakeRangeList implements ApiShape<RealRangeList, typeof RANGE_LIST_API[number]> {
  static readonly apiName = 'RangeList';
  static readonly service = 'SpreadsheetApp';
  static readonly api: readonly string[] = RANGE_LIST_API;

  constructor(private readonly ranges: readonly FakeRange[]) {}

  activate(): FakeRangeList {
    if (this.ranges.length > 0) this.ranges[this.ranges.length - 1].activate();
    return this;
  }
  clearContent(): FakeRangeList { return this.each((r) => r.clearContent()); }
  clearNote(): FakeRangeList { return this.each((r) => r.clearNote()); }
  getRanges(): FakeRange[] { return [...this.ranges]; }
  setBackground(color: string | null): FakeRangeList { return this.each((r) => r.setBackground(color)); }
  setNote(note: string | null): FakeRangeList { return this.each((r) => r.setNote(note)); }
  setNumberFormat(format: string): FakeRangeList { return this.each((r) => r.setNumberFormat(format)); }
  /** Sets every cell of every range, as Range.setValue does for one range (strings are read like typed input). */
  setValue(value: unknown): FakeRangeList { return this.each((r) => r.setValue(value)); }

  private each(action: (range: FakeRange) => void): FakeRangeList {
    for (const range of this.ranges) action(range);
    return this;
  }
}
