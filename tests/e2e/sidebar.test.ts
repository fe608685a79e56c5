/**
 * End-to-end: the real dist/sidebar.html and dist/Code.js, served by the local preview
 * (`npm start`'s server) over the Apps Script fakes, driven in Debian's Chromium.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, card, checkPrerequisites, errorText, noticeText, launchChromium, openPreview, rowBackgrounds, sheetCell, sidebarFrame, until,
  type Preview,
} from './browser';

jest.setTimeout(60000);

const HIGHLIGHT = { quiet: '#fff2cc', dormant: '#fce5cd', closeOut: '#f4cccc', checkData: '#d9d2e9' };

let browser: Browser;
beforeAll(async () => {
  checkPrerequisites();
  browser = await launchChromium();
});
afterAll(async () => {
  if (browser) await browser.close();
});

describe('the sidebar on the sample sheet', () => {
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    preview = await openPreview(browser);
    page = preview.page;
    frame = await sidebarFrame(page);
  });
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('shows the last audit at first paint, with no server call', async () => {
    const counts = await frame.locator('.counts').innerText();
    expect(counts).toMatch(/Open\s+19/);
    expect(counts).toMatch(/Close out\s+3/);
    expect(counts).toMatch(/Dormant\s+7/);
    expect(await frame.locator('.profile').innerText()).toMatch(/6 of 21 open jobs really active/);
    const groups = await frame.locator('.attention h2').allInnerTexts();
    expect(groups).toEqual(['Close out (3)', 'Dormant (7)', 'Quiet (3)', 'Check data (2)']);
    expect(await card(frame, 'Atlas Freight LLC').innerText()).toMatch(/React Native app MVP[\s\S]*idle 75 days · 3 follow-ups/);
    expect(preview.calls).toEqual([]);
  });

  test('Run audit colours the table rows as the add-on\'s rules say', async () => {
    expect(await rowBackgrounds(page, 'Atlas Freight LLC')).not.toContain(HIGHLIGHT.closeOut);
    await frame.click('#run-audit');
    await until('the Atlas row turns red', async () => (await rowBackgrounds(page, 'Atlas Freight LLC')).every((bg) => bg === HIGHLIGHT.closeOut));
    expect((await rowBackgrounds(page, 'Orchard Dental Group')).every((bg) => bg === HIGHLIGHT.dormant)).toBe(true);
    expect((await rowBackgrounds(page, 'Sam Whitaker')).every((bg) => bg === HIGHLIGHT.quiet)).toBe(true);
    expect((await rowBackgrounds(page, 'Vertex Media')).every((bg) => bg === HIGHLIGHT.checkData)).toBe(true);
    expect((await rowBackgrounds(page, 'Brightline Analytics')).every((bg) => bg === '')).toBe(true);
    expect(await sheetCell(page, 'Atlas Freight LLC', 'Audit')).toBe('Close out');
    expect(await noticeText(frame)).toMatch(/Audit done/);
    expect(preview.log.some((line) => /^runAudit \d+ ms ok$/.test(line))).toBe(true);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.locator('#sidebar').screenshot({ path: join(ROOT, 'docs', 'sidebar.png') });
  });

  test('the button in use is busy until the server answers', async () => {
    await page.route('**/api/run', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    try {
      const sam = card(frame, 'Sam Whitaker');
      const select = sam.getByRole('button', { name: /Select row/ });
      await select.click();
      const busy = sam.locator('button[aria-busy="true"]');
      await busy.waitFor({ state: 'attached', timeout: 500 });
      expect(await busy.innerText()).toBe('Working…');
      expect(await busy.isDisabled()).toBe(true);
      await until('the button back to normal', async () => (await sam.locator('button[aria-busy]').count()) === 0);
      expect(await select.isEnabled()).toBe(true);
    } finally {
      await page.unroute('**/api/run');
    }
    await until('Sam\'s row selected in the sheet', async () =>
      (await page.locator('#sheet tr.selected td').first().innerText().catch(() => '')) === 'Sam Whitaker');
    expect(await noticeText(frame)).toMatch(/is selected in the sheet/);
  });

  test('every action is reachable by keyboard, with a visible focus', async () => {
    await frame.locator('#run-audit').focus();
    const seen = new Set<string>();
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await frame.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { text: (el.textContent || '').trim(), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      if (!focused) continue;
      expect(focused.outline).toBe(true);
      seen.add(focused.text);
    }
    for (const action of ['Draft follow-up', 'Copy message', 'Mark sent', 'Close…', 'Open contract', 'Select row']) {
      expect([...seen]).toContain(action);
    }
    // Enter on a focused summary opens the close form with its labelled reason.
    const closeSummary = card(frame, 'Luna Yoga Studio').locator('summary');
    await closeSummary.focus();
    await page.keyboard.press('Enter');
    expect(await card(frame, 'Luna Yoga Studio').getByLabel('Reason').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
  });

  test('Draft follow-up puts a draft in the Outbox and records it on the row', async () => {
    const orchard = card(frame, 'Orchard Dental Group');
    const button = orchard.getByRole('button', { name: /Draft follow-up/ });
    await button.click();
    await until('a draft in the Outbox', async () => (await page.locator('#outbox .mail').count()) > 0);
    const mail = await page.locator('#outbox .mail').first().innerText();
    expect(mail).toMatch(/Gmail draft/i);
    expect(mail).toContain('office@orcharddental.example.com');
    await until('Follow-ups 1 on the row', async () => (await sheetCell(page, 'Orchard Dental Group', 'Follow-ups')) === '1');
    expect(await sheetCell(page, 'Orchard Dental Group', 'Last follow-up')).not.toBe('');
    await until('the draft button gone (no follow-up due now)', async () => (await card(frame, 'Orchard Dental Group').getByRole('button', { name: /Draft follow-up/ }).count()) === 0);
    expect(await noticeText(frame)).toMatch(/Orchard Dental Group/);
  });

  test('Copy message copies paste-ready text, records nothing until Mark sent', async () => {
    const pixel = card(frame, 'PixelForge Studio');
    await pixel.getByRole('button', { name: /^Copy message/ }).click();
    await until('the copied notice', async () => /Message copied/.test(await noticeText(frame)));
    const copied = await frame.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/Unity bug fixes|PixelForge/);
    expect(await sheetCell(page, 'PixelForge Studio', 'Follow-ups')).toBe('1');
    expect(await page.locator('#outbox .mail').count()).toBe(1);
    await pixel.getByRole('button', { name: /^Mark sent/ }).click();
    await until('Follow-ups 2 on the row', async () => (await sheetCell(page, 'PixelForge Studio', 'Follow-ups')) === '2');
  });

  test('Copy message falls back to a visible text box when the clipboard is refused', async () => {
    await frame.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
      document.execCommand = () => false;
    });
    const kai = card(frame, 'Kai Nakamura');
    await kai.getByRole('button', { name: /^Copy message/ }).click();
    const box = kai.locator('textarea.copy-text');
    await box.waitFor({ state: 'visible' });
    expect(await box.inputValue()).toMatch(/Podcast episode editing|Kai/);
    expect(await kai.getByText(/Copy this message/).isVisible()).toBe(true);
  });

  test('Close with a reason writes Status Closed and the reason, and reminds to end it on the platform', async () => {
    const atlas = card(frame, 'Atlas Freight LLC');
    await atlas.locator('summary', { hasText: 'Close…' }).click();
    expect(await atlas.getByLabel('Reason').inputValue()).toBe('Client not responsive');
    await atlas.getByRole('button', { name: /Close contract/ }).click();
    await until('Status Closed', async () => (await sheetCell(page, 'Atlas Freight LLC', 'Status')) === 'Closed');
    expect(await sheetCell(page, 'Atlas Freight LLC', 'Close reason')).toBe('Client not responsive');
    expect(await noticeText(frame)).toMatch(/Upwork/);
    await until('the card gone', async () => (await card(frame, 'Atlas Freight LLC').count()) === 0);
  });

  test('a server error shows as a readable message', async () => {
    // The user deletes Luna's row in the sheet while the sidebar still lists it.
    preview.server.session.removeRows((cells) => cells.indexOf('Luna Yoga Studio') !== -1);
    await card(frame, 'Luna Yoga Studio').getByRole('button', { name: /Select row/ }).click();
    await until('an error banner', async () => (await errorText(frame)) !== '');
    const message = await errorText(frame);
    expect(message).toMatch(/any more|deleted|no longer/i);
    expect(message).toMatch(/Nothing was changed/);
    expect(message).not.toMatch(/^(Exception|Error)/);
    expect(await frame.locator('.banner.error').getAttribute('role')).toBe('alert');
  });

  // Settings (errors per field, one Save with the automatic audit, its last error): tests/e2e/settings.test.ts.

  test('everything stays on this machine, and the sidebar stays under 40 KB', async () => {
    expect(preview.outside).toEqual([]);
    expect(preview.dialogs).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist', 'sidebar.html')).length).toBeLessThan(40 * 1024);
  });
});

describe('sheet values are text, never markup', () => {
  const csv = [
    'Client,Job,Platform,Status,Start date,Last client activity,Client email,Contract URL,Follow-ups,Last follow-up',
    '<img src=x onerror=alert(1)>,<b>Bold</b> job,Upwork,Active,=TODAY()-90,=TODAY()-60,,javascript:alert(2),0,',
    'Plain Client,"<script>alert(3)</script>",Direct,Active,=TODAY()-90,=TODAY()-40,,,0,',
  ].join('\n');
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('a client named <img src=x onerror=alert(1)> shows as text and runs nothing', async () => {
    preview = await openPreview(browser, csv);
    const frame = await sidebarFrame(preview.page);
    const hostile = card(frame, '<img src=x onerror=alert(1)>');
    expect(await hostile.locator('p.client').innerText()).toBe('<img src=x onerror=alert(1)>');
    expect(await hostile.locator('p.job').innerText()).toBe('<b>Bold</b> job');
    expect(await frame.locator('main img, main b, main script').count()).toBe(0);
    expect(await hostile.getByRole('link').count()).toBe(0); // javascript: is never a link
    await frame.click('#run-audit');
    await until('the audit is back', async () => /Audit done/.test(await noticeText(frame)));
    await until('the hostile row audited as Dormant in the table',
      async () => (await sheetCell(preview.page, '<img src=x onerror=alert(1)>', 'Audit')) === 'Dormant');
    expect(await preview.page.locator('#sheet img, #sheet script').count()).toBe(0);
    await preview.page.waitForTimeout(200);
    expect(preview.dialogs).toEqual([]);
    expect(preview.outside).toEqual([]);
  });
});

describe('a sheet with hundreds of jobs needing attention', () => {
  // 350 Dormant rows (more than the 300 the page embeds, more than the 100 cards a group shows),
  // then one row whose start date is in the future (Check data), beyond the embedded 300.
  const csv = [
    'Client,Job,Platform,Status,Start date,Last client activity,Client email,Contract URL,Follow-ups,Last follow-up',
    ...Array.from({ length: 350 }, (_, i) => `Client ${i + 1},Job ${i + 1},Upwork,Active,=TODAY()-120,=TODAY()-60,,,0,`),
    'Future Client,Future job,Upwork,Active,=TODAY()+30,,,,0,',
  ].join('\n');
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  async function expectCapped(frame: Frame): Promise<void> {
    expect(await frame.locator('.attention h2').allInnerTexts()).toEqual(['Dormant (350)', 'Check data (1)']);
    const dormant = frame.locator('section.group.dormant');
    expect(await dormant.locator('li.card').count()).toBe(100);
    expect(await dormant.locator('.more').innerText()).toBe('…and 250 more in the sheet.');
  }

  test('shows at most 100 cards a group, counts the rest, and names each problem\'s row once', async () => {
    preview = await openPreview(browser, csv);
    let frame = await sidebarFrame(preview.page);
    await expectCapped(frame);
    // First paint: the Check data row is beyond the embedded 300, so it is counted, and its problem listed.
    expect(await frame.locator('section.group.check-data li.card').count()).toBe(0);
    expect(await frame.locator('section.group.check-data .more').innerText()).toBe('…and 1 more in the sheet.');
    const problem = await frame.locator('.problems li').innerText();
    expect(problem).toMatch(/^Row 352: Start date/);
    expect(problem).not.toMatch(/Row 352: Row 352:/);

    await frame.click('#run-audit');
    await until('the audit is back', async () => /Audit done/.test(await noticeText(frame)));
    frame = await sidebarFrame(preview.page);
    await expectCapped(frame);
    expect(await card(frame, 'Future Client').count()).toBe(1);
    expect(await frame.locator('section.group.check-data .more').count()).toBe(0);
  });
});

describe('a spreadsheet without a contracts table', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('the sidebar says what to do, and Run audit explains the problem in plain words', async () => {
    preview = await openPreview(browser, 'Shopping list,Qty\nCoffee,2\n');
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('.empty-state h2').innerText()).toBe('Start with your contracts'); // tests/e2e/import.test.ts: the first run
    expect(await frame.locator('.empty-state .last-error').innerText()).toMatch(/Client/);
    await frame.click('#run-audit');
    await until('an error banner', async () => (await errorText(frame)) !== '');
    const message = await errorText(frame);
    expect(message).toMatch(/Client/);
    expect(message).not.toMatch(/^(Exception|Error|TypeError)\b/);
    expect(preview.outside).toEqual([]);
  });
});
