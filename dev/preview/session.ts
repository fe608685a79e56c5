/**
 * One preview session: the Apps Script fakes holding the user's sheet, restored from and saved
 * to a state file, and the real dist/Code.js run on them one fresh execution per call.
 * Everything that depends on the fakes' API lives here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createFakeAppsScript, type FakeAppsScript, type FakeState } from '../fakes/index';
import { runFresh } from '../fakes/bundle';
import { MANIFEST_SCOPES } from '../fakes/core/scopes';
import { parseCsv, toSheetValues, type CellValue } from './csv';
import { readXlsx } from './xlsx';

/** The functions the sidebar may call (README "Server API"), plus showSidebar for the page. */
export const CALLABLE = new Set(['runAudit', 'clearHighlights', 'setupContractsSheet', 'draftFollowUps',
  'markFollowUpSent', 'closeContract', 'selectRow', 'getSettings', 'saveSettings', 'getSchedule',
  'enableSchedule', 'disableSchedule', 'scheduledAudit', 'getPermissions', 'importUpworkReport']);

export type RunOutcome = { ok: true; result: unknown } | { ok: false; error: string };

export interface SheetView {
  source: string;
  sheetName: string;
  columns: number;
  rows: { row: number; cells: { text: string; background: string; note: string; number: boolean }[] }[];
  rules: { range: string; formula: string; background: string }[];
  selectedRow: number | null;
  /** Rows in the sheet, header included (more than rows.length when the view is cut to maxRows). */
  totalRows?: number;
}

export interface Outbox {
  drafts: { to: string; subject: string; body: string }[];
  sent: { to: string; subject: string; body: string }[];
}

type Env = FakeAppsScript;

interface SavedState { version: 1; source: string; env: FakeState }

export interface SessionOptions {
  csvPath: string; stateFile: string; reset: boolean; distDir: string; log: (line: string) => void;
  /** Scopes the user declined; every other manifest scope is granted (also over a restored state). */
  decline?: string[];
  /** A fixed instant for the fake clock (tests that write screenshots); default: the real time. */
  now?: string;
}

export class PreviewSession {
  private constructor(readonly env: Env, private readonly source: string, private readonly distDir: string,
    private readonly log: (line: string) => void) {}

  /** Restores the saved state for this CSV, or loads the CSV afresh (always with `reset`). */
  static async open(options: SessionOptions): Promise<PreviewSession> {
    const session = await PreviewSession.load(options);
    session.env.grant([...MANIFEST_SCOPES]);
    if (options.decline && options.decline.length) {
      session.env.decline(options.decline);
      options.log(`Declined: ${options.decline.join(', ')}.`);
    }
    return session;
  }

  private static async load(options: SessionOptions): Promise<PreviewSession> {
    const { csvPath, stateFile, reset, distDir, log, now } = options;
    if (!reset && existsSync(stateFile)) {
      try {
        const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as SavedState;
        if (saved.version === 1 && saved.source === csvPath) {
          log(`Restored your changes from ${stateFile} (npm start -- --reset starts again from ${basename(csvPath)}).`);
          return new PreviewSession(createFakeAppsScript({ state: saved.env, distDir, now }), csvPath, distDir, log);
        }
        log(`${stateFile} holds another sheet (${saved.source}); starting from ${basename(csvPath)}.`);
      } catch (error) {
        log(`Could not read ${stateFile} (${(error as Error).message}); starting from ${basename(csvPath)}.`);
      }
    }
    if (!existsSync(csvPath)) throw new Error(`${csvPath} does not exist. Give the path of your sheet exported as CSV.`);
    const env = createFakeAppsScript({ distDir, now });
    const values = await readSheetFile(csvPath, todayIn(env), (iso) => env.localDate(iso));
    if (values.length === 0) throw new Error(`${csvPath} is empty.`);
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.setName('Contracts');
    sheet.load(values);
    log(`Loaded ${values.length - 1} rows from ${csvPath}.`);
    return new PreviewSession(env, csvPath, distDir, log);
  }

  /** Runs one server function as a fresh execution; logs `name 12 ms ok` or `name 12 ms error: …` (unless `quiet`). */
  run(fn: string, args: unknown[], options: { quiet?: boolean } = {}): RunOutcome {
    const started = Date.now();
    if (!CALLABLE.has(fn)) {
      const error = `${fn || '(no name)'} is not a function the sidebar may call.`;
      this.log(`${fn || '?'} 0 ms error: ${error}`);
      return { ok: false, error };
    }
    try {
      const result = runFresh(this.env, fn, args, { distDir: this.distDir });
      if (!options.quiet) this.log(`${fn} ${Date.now() - started} ms ok`);
      return { ok: true, result };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!options.quiet) this.log(`${fn} ${Date.now() - started} ms error: ${message}`);
      return { ok: false, error: message };
    }
  }

  /** The sidebar page exactly as `showSidebar()` serves it (bootstrap embedded); the plain page if it fails. */
  sidebarHtml(): string {
    const before = this.env.ui.sidebars.length;
    const started = Date.now();
    try {
      runFresh(this.env, 'showSidebar', [], { distDir: this.distDir });
      this.log(`showSidebar ${Date.now() - started} ms ok`);
    } catch (error) {
      this.log(`showSidebar ${Date.now() - started} ms error: ${(error as Error).message}`);
    }
    const sidebars = this.env.ui.sidebars;
    if (sidebars.length > before) return sidebars[sidebars.length - 1].html;
    return readFileSync(join(this.distDir, 'sidebar.html'), 'utf8');
  }

  /** The active sheet as the preview table shows it: display text, effective backgrounds, notes. */
  sheetView(maxRows = Infinity): SheetView {
    const sheet = this.env.spreadsheet.getActiveSheet();
    const full = sheet.getDataRange();
    // A 50,000-row sheet is shown (like Sheets' own grid) a screenful at a time: the first maxRows data rows.
    const range = full.getNumRows() > maxRows + 1 ? sheet.getRange(1, 1, maxRows + 1, full.getNumColumns()) : full;
    const texts = range.getDisplayValues() as string[][];
    const values = range.getValues() as unknown[][];
    const notes = range.getNotes() as string[][];
    const rows = texts.map((line, r) => ({
      row: r + 1,
      cells: line.map((text, c) => {
        const background = (sheet.effectiveBackground(r + 1, c + 1) || '').toLowerCase();
        return { text, background: background === '#ffffff' ? '' : background, note: notes[r][c] || '',
          number: typeof values[r][c] === 'number' };
      }),
    }));
    const rules = sheet.conditionalRules().map((rule) => ({
      range: rule.ranges.join(','), formula: rule.formula, background: rule.background || '',
    }));
    const active = sheet.getActiveRange();
    const selectedRow = active.getRow() > 1 && active.getNumRows() === 1 ? active.getRow() : null;
    return { source: basename(this.source), sheetName: sheet.getName(), columns: texts[0] ? texts[0].length : 0,
      rows, rules, selectedRow, totalRows: full.getNumRows() };
  }

  /** Gmail drafts and emails the add-on created. */
  outbox(): Outbox {
    const pick = (mail: { to: string; subject: string; body: string }) => ({ to: mail.to, subject: mail.subject, body: mail.body });
    return { drafts: this.env.gmail.drafts.map(pick), sent: this.env.mail.sent.map(pick) };
  }

  /** Deletes the data rows `match` picks (as a user would in the sheet); for tests of row safety. */
  removeRows(match: (cells: string[]) => boolean): number {
    const sheet = this.env.spreadsheet.getActiveSheet();
    const texts = sheet.getDataRange().getDisplayValues() as string[][];
    let removed = 0;
    for (let r = texts.length; r >= 2; r -= 1) {
      if (match(texts[r - 1])) {
        sheet.deleteRow(r);
        removed += 1;
      }
    }
    return removed;
  }

  toJSON(): SavedState {
    return { version: 1, source: this.source, env: this.env.toJSON() };
  }
}

/** The rows of a .csv or .xlsx file as sheet values (dates as date cells). */
export async function readSheetFile(path: string, today: string, toDate: (iso: string) => Date): Promise<CellValue[][]> {
  if (/\.xlsx$/i.test(path)) {
    return (await readXlsx(readFileSync(path))).map((row) =>
      row.map((cell) => (typeof cell === 'object' ? toDate(cell.date) : cell)));
  }
  return toSheetValues(parseCsv(readFileSync(path, 'utf8')), today, toDate);
}

function todayIn(env: Env): string {
  const zone = env.spreadsheet.getSpreadsheetTimeZone();
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(env.clock.now());
}
