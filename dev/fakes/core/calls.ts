/**
 * Spreadsheet calls that move cells, notes, formats or rules between a script and Google: the
 * ones that cost a round trip whatever their size. Builders and getters like getRange do not.
 */
const DATA_CALL = /^(Range\.(get|set)[A-Za-z]*(Values?|Notes?|Backgrounds?|Formulas?|NumberFormats?|FontWeights?|DataValidations?))$|^Sheet\.(get|set)ConditionalFormatRules$|^Sheet\.insert/;

/** Counts API calls by 'Class.method', grouped by the service they were reached from. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly serviceOf = new Map<string, string>();

  /** Records one call. */
  record(apiName: string, method: string, service: string): void {
    const key = `${apiName}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.serviceOf.set(key, service);
  }

  /** Calls on SpreadsheetApp and everything reached from it (Spreadsheet, Sheet, Range, Ui...). */
  spreadsheet(): number {
    return this.service('SpreadsheetApp');
  }

  /** Calls on one service and the objects reached from it: 'GmailApp', 'MailApp', 'ScriptApp'... */
  service(name: string): number {
    let total = 0;
    for (const [key, count] of this.counts) if (this.serviceOf.get(key) === name) total += count;
    return total;
  }

  /** Spreadsheet calls that read or write cell data, notes, formats or rules (see DATA_CALL). */
  spreadsheetData(): number {
    let total = 0;
    for (const [key, count] of this.counts) if (DATA_CALL.test(key)) total += count;
    return total;
  }

  /** Every count by 'Class.method' (e.g. 'Range.getValues'). */
  byMethod(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [key, count] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) result[key] = count;
    return result;
  }

  /** Starts counting from zero. */
  reset(): void {
    this.counts.clear();
  }
}
