/**
 * End-to-end, Upwork reports in (issue 11 point 4) and the first run (issue 12 point 5): a file
 * picked in the sidebar, read in the browser, imported through the real dist/Code.js on the fakes;
 * the summary, the "Add N contracts" button, refusals next to the picker, and the new Last payment
 * values in the sheet. On a spreadsheet with no contracts table, one place offers "Set up contracts
 * sheet" or "Import Upwork report".
 */
import type { Frame, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport } from '../../src/core/types';
import { ROOT, card, noticeText, openPreview, sheetCell, sidebarFrame, until, type Preview, sharedChromium } from './browser';

jest.setTimeout(60000);

const EXAMPLE = join(ROOT, 'examples', 'upwork-weekly-summary.csv');

const browser = sharedChromium();

function isoDaysBefore(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A weekly summary for the sample sheet, dated from the preview's today. */
function weeklySummary(today: string): string {
  const d = (n: number) => isoDaysBefore(today, n);
  return [
    'Date,Contract,Hours,Amount,Payment type',
    `${d(10)},Unity bug fixes (38120006),1.00,$50.00,`,
    `${d(3)},Unity bug fixes (38120006),2.50,$125.00,`,
    `${d(5)},Market research report (38120009),,$300.00,Fixed Price Payment`,
    `${d(8)},Mobile app QA (38129999),4.00,$200.00,`,
    `${d(9)},"Logo refresh, round 2 (38128888)",,"$1,234.50",Fixed Price Payment`,
    `not a date,Unity bug fixes (38120006),1.00,$50.00,`,
    '',
  ].join('\r\n');
}

function today(preview: Preview): string {
  const outcome = preview.server.session.run('runAudit', []);
  if (!outcome.ok) throw new Error(outcome.error);
  return (outcome.result as AuditReport).today;
}

/** The active sheet's rows as text, header first. */
function sheetRows(preview: Preview): string[][] {
  return preview.server.session.sheetView().rows.map((row) => row.cells.map((cell) => cell.text));
}

function cellOf(rows: string[][], match: (row: string[]) => boolean, header: string): string | undefined {
  const col = rows[0].indexOf(header);
  const row = rows.slice(1).filter(match)[0];
  return row && col >= 0 ? row[col] : undefined;
}

async function pick(frame: Frame, scope: string, name: string, text: string | Buffer): Promise<void> {
  const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await frame.locator(`${scope} input[type=file]`).setInputFiles({ name, mimeType: 'text/csv', buffer });
}

describe('Import Upwork report', () => {
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  let day: string;
  beforeAll(async () => {
    preview = await openPreview(browser());
    page = preview.page;
    day = today(preview);
    frame = await sidebarFrame(page);
    await frame.locator('#import > summary').click();
  });
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('refuses an empty file and one over 5 MB in the browser, in a plain sentence next to the picker', async () => {
    const calls = preview.calls.length;
    await pick(frame, '#import', 'empty.csv', '');
    const error = frame.locator('#import .import-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.innerText()).toBe('empty.csv is empty. Pick the CSV file you downloaded from Upwork.');
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    expect(await error.innerText()).toMatch(/is empty/);
    await pick(frame, '#import', 'huge.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    await until('the size refusal', async () => /^huge\.csv is 5\.0 MB; the sidebar reads Upwork reports of up to 5 MB/.test(await error.innerText()));
    expect(await frame.locator('#import input[type=file]').getAttribute('aria-invalid')).toBe('true');
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    expect(preview.calls.length).toBe(calls); // nothing was sent
  });

  test('a file that is not an Upwork report: the server\'s refusal, naming the columns expected, next to the picker', async () => {
    await pick(frame, '#import', 'shopping.csv', 'Item,Qty\nCoffee,2\n');
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    const error = frame.locator('#import .import-error');
    await until('the refusal', async () => (await error.isVisible()) && /Date/.test(await error.innerText()));
    const message = await error.innerText();
    expect(message).toMatch(/Contract/);
    expect(message).not.toMatch(/^(Exception|Error)\b/);
    expect(preview.calls[preview.calls.length - 1]).toBe('importUpworkReport');
    expect(sheetRows(preview)[0]).not.toContain('Last payment'); // nothing written
  });

  test('a weekly summary: the summary, the new Last payment values, the report refreshed', async () => {
    expect(await card(frame, 'Delta Ventures').count()).toBe(1); // Close out before: idle 120 days
    await pick(frame, '#import', 'weekly-summary.csv', weeklySummary(day));
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    const result = frame.locator('#import .import-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/Weekly summary: weekly-summary\.csv/);
    expect(text).toMatch(/4 contracts in the file/);
    expect(text).toMatch(/2 matched in your sheet/);
    expect(text).toMatch(/2 rows with a newer Last payment/);
    expect(text).toMatch(/1 line skipped/);
    expect(text).toMatch(/Not in your sheet \(2\)/);
    expect(text).toMatch(/Mobile app QA · last paid \w+ \d+, \d{4} \(no row with this contract\)/);
    expect(text).toMatch(/Logo refresh, round 2/);
    expect(await frame.locator('#import .import-error').isVisible()).toBe(false);

    const rows = sheetRows(preview);
    expect(rows[0]).toContain('Last payment');
    const byClient = (client: string) => (row: string[]) => row[rows[0].indexOf('Client')] === client;
    const pixel = cellOf(rows, byClient('PixelForge Studio'), 'Last payment');
    const delta = cellOf(rows, byClient('Delta Ventures'), 'Last payment');
    expect(pixel).not.toBe('');
    expect(delta).not.toBe('');
    expect(pixel).not.toBe(delta);
    expect(cellOf(rows, byClient('Nordic Trails AB'), 'Last payment')).toBe('');
    // The preview's table shows them too.
    await until('the table refreshed', async () => (await sheetCell(page, 'PixelForge Studio', 'Last payment')) === pixel);
    // Paid 5 days ago: Delta Ventures is no longer a contract to close.
    await until('the report refreshed', async () => (await card(frame, 'Delta Ventures').count()) === 0);
  });

  test('"Add 2 contracts to the sheet" appends the contracts found in no row', async () => {
    const add = frame.locator('#import').getByRole('button', { name: 'Add 2 contracts to the sheet' });
    await add.click();
    await until('added', async () => /2 contracts added to the sheet/.test(await frame.locator('#import .import-result').innerText()));
    const rows = sheetRows(preview);
    const job = (title: string) => (row: string[]) => row[rows[0].indexOf('Job')] === title;
    expect(cellOf(rows, job('Mobile app QA'), 'Platform')).toBe('Upwork');
    expect(cellOf(rows, job('Mobile app QA'), 'Last payment')).not.toBe('');
    expect(cellOf(rows, job('Logo refresh, round 2'), 'Platform')).toBe('Upwork');
    expect(await frame.locator('#import').getByRole('button', { name: /^Add / }).count()).toBe(0);
    expect(await frame.locator('#import .import-result').innerText()).not.toMatch(/Not in your sheet/);
  });

  test('the same file again changes nothing', async () => {
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    await until('the second summary', async () => /Nothing in the sheet needed changing/.test(await frame.locator('#import .import-result').innerText()));
    expect(await frame.locator('#import .import-result').innerText()).toMatch(/0 rows with a newer Last payment/);
  });
});

describe('the example weekly summary', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('examples/upwork-weekly-summary.csv imports into the sample sheet', async () => {
    expect(existsSync(EXAMPLE)).toBe(true);
    preview = await openPreview(browser());
    const frame = await sidebarFrame(preview.page);
    await frame.locator('#import > summary').click();
    await pick(frame, '#import', 'upwork-weekly-summary.csv', readFileSync(EXAMPLE));
    await frame.locator('#import').getByRole('button', { name: 'Import' }).click();
    const result = frame.locator('#import .import-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/^Weekly summary: upwork-weekly-summary\.csv/);
    const matched = Number(/(\d+) matched in your sheet/.exec(await result.innerText())![1]);
    expect(matched).toBeGreaterThan(0);
    const rows = sheetRows(preview);
    const col = rows[0].indexOf('Last payment');
    expect(col).toBeGreaterThan(-1);
    expect(rows.slice(1).filter((row) => row[col] !== '').length).toBe(matched);
    const text = await result.innerText();
    expect(text).toMatch(/4 contracts in the file/);
    expect(text).toMatch(/3 matched in your sheet/);
    expect(text).toMatch(/Shopify speed audit, phase 1 · last paid November 24, 2026 \(no row with this contract\)/);
    expect(await frame.locator('#import').getByRole('button', { name: 'Add 1 contract to the sheet' }).count()).toBe(1);
    // The latest of the file's two payments for the Looker dashboard, as the sheet shows dates.
    expect(cellOf(rows, (row) => row[rows[0].indexOf('Client')] === 'Brightline Analytics', 'Last payment')).toBe('11/23/2026');
    await until('the table shows it', async () => (await sheetCell(preview.page, 'Brightline Analytics', 'Last payment')) === '11/23/2026');
  });
});

describe('the first run, on a spreadsheet with no contracts table', () => {
  const EMPTY = 'Shopping list,Qty\nCoffee,2\n';
  let preview: Preview;

  /** The preview over a shopping list, its tab named as a user would (the preview names its sheet "Contracts"). */
  async function openShoppingList(): Promise<Frame> {
    preview = await openPreview(browser(), EMPTY);
    const first = await sidebarFrame(preview.page);
    preview.server.session.env.spreadsheet.getSheets()[0].setName('Shopping');
    // Reopened: wait for the new document, not the old one (it showed the first run too).
    await Promise.all([first.waitForNavigation(), preview.page.click('#reload-sidebar')]);
    const frame = await sidebarFrame(preview.page);
    await frame.locator('.first-run').waitFor();
    return frame;
  }
  afterEach(async () => {
    if (preview) await preview.close();
  });

  test('offers "Set up contracts sheet" and "Import Upwork report" in one place, one line each', async () => {
    const frame = await openShoppingList();
    const start = frame.locator('.first-run');
    expect(await start.locator('h2').innerText()).toBe('Start with your contracts');
    expect(await start.locator('h3').allInnerTexts()).toEqual(['Set up contracts sheet', 'Import Upwork report']);
    const lines = await start.locator('.first-run-option > p:not(.field-error)').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Adds a “Contracts” sheet with the columns the audit reads/);
    expect(lines[1]).toMatch(/from the CSV Upwork gives you/);
    expect(await frame.locator('#import').isVisible()).toBe(false); // offered once, here

    await start.getByRole('button', { name: 'Set up contracts sheet' }).click();
    await until('the report of the new sheet', async () => (await frame.locator('.summary').count()) === 1);
    expect(await frame.locator('.first-run').count()).toBe(0);
    expect(preview.calls).toEqual(expect.arrayContaining(['setupContractsSheet', 'runAudit']));
    const names = preview.server.session.env.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toContain('Contracts');
    expect(preview.outside).toEqual([]);
  });

  test('Import Upwork report there creates the sheet from the file', async () => {
    const frame = await openShoppingList();
    const start = frame.locator('.first-run');
    const day = new Date().toISOString().slice(0, 10);
    await pick(frame, '.first-run', 'weekly-summary.csv', weeklySummary(day));
    await start.getByRole('button', { name: 'Import' }).click();
    await until('the report', async () => (await frame.locator('.summary').count()) === 1, 15000);
    const contracts = preview.server.session.env.spreadsheet.getSheetByName('Contracts');
    expect(contracts).not.toBeNull();
    const values = contracts!.getDataRange().getDisplayValues() as string[][];
    const job = values[0].indexOf('Job');
    expect(values.slice(1).map((row) => row[job]).sort()).toEqual(
      ['Logo refresh, round 2', 'Market research report', 'Mobile app QA', 'Unity bug fixes']);
    expect(await noticeText(frame)).toMatch(/^Imported the Upwork weekly summary: 4 contracts in the file/);
  });
});
