/**
 * End-to-end: the real dist/sidebar.html and dist/Code.js, served by the local preview
 * (`npm start`'s server) over the Apps Script fakes, driven in Debian's Chromium.
 */
import type { Frame, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCREENSHOT_NOW, card, copiedBy, errorText, holdDraftChunks, noticeText, openPreview, rowBackgrounds, saveScreenshot, sheetCell, sidebarFrame, until, type Preview, sharedChromium } from './browser';

jest.setTimeout(60000);

const HIGHLIGHT = { quiet: '#fff2cc', dormant: '#fce5cd', closeOut: '#f4cccc', checkData: '#d9d2e9' };

const browser = sharedChromium();

/** The header row of the sheets these tests make, and a row idle 60 days (a follow-up due) as `Client i`. */
const HEADER = 'Client,Job,Platform,Status,Start date,Last client activity,Client email,Contract URL,Follow-ups,Last follow-up';
const dueRow = (i: number, email: string) => `Client ${i},Job ${i},Upwork,Active,=TODAY()-120,=TODAY()-60,${email},,0,`;
/** 60 follow-ups due, each with an email (c1@example.com…). */
const SIXTY_DUE = [HEADER, ...Array.from({ length: 60 }, (_, i) => dueRow(i + 1, `c${i + 1}@example.com`))].join('\n');

describe('the sidebar on the sample sheet', () => {
  let firstPaintProblemRows: number[] = [];
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    preview = await openPreview(browser(), undefined, { now: SCREENSHOT_NOW });
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
    // Quiet and Dormant are told apart by a word, not only by colour.
    expect(await card(frame, 'Sam Whitaker').locator('.meta').innerText()).toMatch(/^Quiet · /);
    expect(await card(frame, 'Orchard Dental Group').locator('.meta').innerText()).toMatch(/^Dormant · /);
    // The profile sentence and the Open tile add up.
    expect(await frame.locator('.profile .reconcile').innerText()).toBe('21 on your profile = 19 open + 2 kept open');
    // Never audited in this sheet: the first paint says so instead of "Last audit".
    expect(await frame.locator('#audit-status').innerText()).toMatch(/^Not audited yet — Run audit writes these states to the sheet/);
    expect(await frame.locator('#draft-all').innerText()).toBe('Draft 6 follow-ups');
    // The rows the first paint says have a problem: its Check data cards and any loose problem.
    firstPaintProblemRows = await frame.evaluate(() => [
      ...Array.from(document.querySelectorAll('section.group.check-data li.card .meta')).map((m) => /row (\d+)$/.exec(m.textContent || '')),
      ...Array.from(document.querySelectorAll('.problems li')).map((li) => /^Row (\d+):/.exec(li.textContent || '')),
    ].map((m) => Number(m ? m[1] : 0)).sort((x, y) => x - y));
    expect(firstPaintProblemRows).toHaveLength(2);
    expect(preview.calls).toEqual([]);
  });

  test('Settings is one Tab step from the top of the sidebar', async () => {
    await frame.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.focus(); });
    await frame.locator('h1').click();
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement && document.activeElement.textContent)).toBe('Settings');
    await page.keyboard.press('Enter');
    expect(await frame.evaluate(() => {
      const panel = document.getElementById('settings') as HTMLDetailsElement;
      return panel.open && document.activeElement === panel.querySelector('summary');
    })).toBe(true);
    await frame.locator('#settings > summary').click();
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
    expect(await frame.locator('#audit-status').innerText()).toMatch(/^Last audit: December|^Last audit: \w+ \d+, \d{4}/);
    // The group totals of the first paint are what the audit wrote to the sheet.
    const written = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('#sheet tbody tr'));
      const headers = Array.from(rows[0].querySelectorAll('td')).map((td) => td.textContent);
      const col = headers.indexOf('Audit');
      const tally: Record<string, number> = {};
      for (const tr of rows.slice(1)) {
        const text = tr.querySelectorAll('td')[col]?.textContent || '';
        tally[text] = (tally[text] || 0) + 1;
      }
      return tally;
    });
    expect(written).toMatchObject({ 'Close out': 3, Dormant: 7, Quiet: 3, 'Check data': 2 });
    // The problems of the first paint are the notes the audit wrote on the Audit cells, row for row.
    const view = preview.server.session.sheetView();
    const auditCol = view.rows[0].cells.findIndex((c) => c.text === 'Audit');
    const noted = view.rows.filter((r) => r.cells[auditCol] && r.cells[auditCol].note).map((r) => r.row);
    expect(noted).toEqual(firstPaintProblemRows);
    expect(preview.log.some((line) => /^runAudit \d+ ms ok$/.test(line))).toBe(true);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await saveScreenshot(page, join(ROOT, 'docs', 'sidebar.png'), await page.locator('#sidebar').screenshot());
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
    const next = await frame.evaluate(() => {
      const cards = Array.from(document.querySelectorAll('li.card'));
      const i = cards.findIndex((c) => (c.querySelector('.client') || {}).textContent === 'Orchard Dental Group');
      return cards[i + 1].querySelector('.client')!.textContent;
    });
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
    expect(await errorText(frame)).toBe('');
    expect(await card(frame, 'Orchard Dental Group').locator('.done').innerText()).toBe('✓ Drafted today');
    // Focus moved on to the next card, not to the top.
    expect(await frame.evaluate(() => {
      const el = document.activeElement;
      return el && el.matches('li.card') ? el.querySelector('.client')!.textContent : null;
    })).toBe(next);
  });

  test('Copy message copies paste-ready text, records nothing until Mark sent', async () => {
    const pixel = card(frame, 'PixelForge Studio');
    const copied = await copiedBy(frame, () => pixel.getByRole('button', { name: /^Copy message/ }).click());
    await until('the copied notice', async () => /Message copied/.test(await noticeText(frame)));
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
    // The contract link in the notice is a link (built as an element, text only).
    const link = frame.locator('.banner.notice a');
    expect(await link.getAttribute('href')).toBe('https://www.upwork.com/ab/f/contracts/38120008');
    await until('the card gone', async () => (await card(frame, 'Atlas Freight LLC').count()) === 0);
    // Atlas was the last Close out card: focus is on the first Dormant one now.
    expect(await frame.evaluate(() => {
      const el = document.activeElement;
      return el && el.matches('li.card') ? el.closest('section.group')!.getAttribute('data-state') : null;
    })).toBe('Dormant');
  });

  test('a server error shows as one readable message, in view where the user is', async () => {
    // The user deletes Luna's row in the sheet while the sidebar still lists it.
    preview.server.session.removeRows((cells) => cells.indexOf('Luna Yoga Studio') !== -1);
    const before = await frame.evaluate(() => { window.scrollTo(0, document.body.scrollHeight); return window.scrollY; });
    await card(frame, 'Luna Yoga Studio').getByRole('button', { name: /Select row/ }).click();
    await until('an error banner', async () => (await errorText(frame)) !== '');
    expect(await noticeText(frame)).toBe('');
    // The message shows inside the visible part of the sidebar, wherever it is scrolled to.
    const box = await frame.evaluate(() => {
      const r = document.querySelector('.banner.error')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    expect(before).toBeGreaterThan(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    const message = await errorText(frame);
    expect(message).toMatch(/any more|deleted|no longer/i);
    expect(message).toMatch(/Nothing was changed/);
    expect(message).not.toMatch(/^(Exception|Error)/);
    expect(await frame.locator('.banner.error').getAttribute('role')).toBe('alert');
  });

  // Settings (errors per field, one Save with the automatic audit, its last error): tests/e2e/settings.test.ts.

  test('everything stays on this machine, and the sidebar stays under 56 KB', async () => {
    expect(preview.outside).toEqual([]);
    expect(preview.dialogs).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist', 'sidebar.html')).length).toBeLessThan(56 * 1024);
  });

  test('after saving new thresholds, the first lines say the sheet is not up to date until Run audit', async () => {
    await frame.locator('#settings > summary').click();
    const quiet = frame.getByLabel('Quiet after (days idle)');
    await quiet.fill('13');
    await frame.getByRole('button', { name: /^Save/ }).first().click();
    await until('saved', async () => preview.log.filter((line) => /^saveSettings \d+ ms ok$/.test(line)).length === 1);
    await until('the status line changed', async () =>
      /^Settings changed since the last audit/.test(await frame.locator('#audit-status').innerText()));
    await quiet.fill('14');
    await frame.getByRole('button', { name: /^Save/ }).first().click();
    await until('both saved', async () => preview.log.filter((line) => /^saveSettings \d+ ms ok$/.test(line)).length === 2);
    await frame.locator('#settings > summary').click();
    await frame.click('#run-audit');
    await until('audited again', async () => /^Last audit: /.test(await frame.locator('#audit-status').innerText()));
  });
});

describe('sheet values are text, never markup', () => {
  const csv = [
    HEADER,
    '<img src=x onerror=alert(1)>,<b>Bold</b> job,Upwork,Active,=TODAY()-90,=TODAY()-60,,javascript:alert(2),0,',
    'Plain Client,"<script>alert(3)</script>",Direct,Active,=TODAY()-90,=TODAY()-40,,,0,',
  ].join('\n');
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('a client named <img src=x onerror=alert(1)> shows as text and runs nothing', async () => {
    preview = await openPreview(browser(), csv);
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
  // 350 Dormant rows, then one row whose start date is in the future (Check data).
  const csv = [
    HEADER,
    ...Array.from({ length: 350 }, (_, i) => dueRow(i + 1, '')),
    'Future Client,Future job,Upwork,Active,=TODAY()+30,,,,0,',
  ].join('\n');
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('a long group starts folded, opens a page at a time, and the search box finds a contract', async () => {
    preview = await openPreview(browser(), csv);
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('.attention h2').allInnerTexts()).toEqual(['Dormant (350)', 'Check data (1)']);
    const dormant = frame.locator('section.group.dormant');
    const toggle = dormant.locator('.group-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await dormant.locator('li.card').count()).toBe(0);
    // The short group is open, and its problem is named once, on its card.
    expect(await card(frame, 'Future Client').locator('.problem').innerText()).toMatch(/^Row 352: Start date/);
    expect(await frame.getByText(/Row 352/).count()).toBe(1);
    expect(await frame.locator('.problems').count()).toBe(0);
    const elements = () => frame.evaluate(() => document.getElementsByTagName('*').length);
    const folded = await elements();

    await toggle.click();
    expect(await dormant.locator('li.card').count()).toBe(20);
    const more = dormant.getByRole('button', { name: /^Show 50 more/ });
    expect(await more.innerText()).toBe('Show 50 more (330 left)');
    await more.click();
    expect(await dormant.locator('li.card').count()).toBe(70);
    // Focus is on the first card the page added, not back at the top.
    expect(await frame.evaluate(() => document.activeElement!.querySelector('.client')!.textContent)).toBe('Client 21');
    expect(await elements()).toBeLessThan(folded + 70 * 15);
    // Paging on keeps at most 70 cards: the earliest make way, and come back with Show earlier.
    await dormant.getByRole('button', { name: /^Show 50 more/ }).click();
    expect(await dormant.locator('li.card').count()).toBe(70);
    expect(await dormant.locator('li.card p.client').first().innerText()).toBe('Client 51');
    expect(await frame.evaluate(() => document.activeElement!.querySelector('.client')!.textContent)).toBe('Client 71');
    await dormant.getByRole('button', { name: 'Show earlier (50 above)' }).click();
    expect(await dormant.locator('li.card p.client').first().innerText()).toBe('Client 1');
    expect(await dormant.locator('li.card').count()).toBe(70);
    expect(await frame.evaluate(() => document.activeElement!.querySelector('.client')!.textContent)).toBe('Client 1');

    await frame.getByLabel('Find a contract').fill('client 345');
    await until('the search applied', async () => (await dormant.locator('li.card').count()) === 1);
    expect(await frame.locator('.attention h2').allInnerTexts()).toEqual(['Dormant (1 of 350)']);
    await frame.getByLabel('Find a contract').fill('nobody here');
    await until('no match', async () => (await frame.locator('.no-match').count()) === 1);
    expect(await frame.locator('.no-match').innerText()).toBe('No listed contract matches “nobody here”.');
    await frame.getByLabel('Find a contract').fill('');
    await until('the list back', async () => (await frame.locator('.attention h2').count()) === 2);
  });
});

describe('drafting every due follow-up', () => {
  // 60 due: 40 with an email, 15 without (to send through the platform), 5 with a bad address.
  const csv = [
    HEADER,
    ...Array.from({ length: 60 }, (_, i) => dueRow(i + 1, i < 40 ? `c${i + 1}@example.com` : i < 55 ? '' : 'not an address')),
    'Busy Client,Busy job,Upwork,Active,=TODAY()-120,=TODAY()-2,busy@example.com,,0,',
  ].join('\n');
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('in chunks with a progress count and a Stop button; the next press carries on; a summary at the end', async () => {
    preview = await openPreview(browser(), csv);
    const { page } = preview;
    const frame = await sidebarFrame(page);
    const draftAll = frame.locator('#draft-all');
    expect(await draftAll.innerText()).toBe('Draft 60 follow-ups');
    // The second chunk waits until the test has pressed Stop, so Stop lands between chunks.
    const chunks = await holdDraftChunks(page, 1);
    try {
      await draftAll.click();
      const count = frame.locator('.progress-count');
      await until('the first chunk counted', async () => (await count.innerText()) === '25 of 60');
      expect(await frame.locator('.draft-progress progress').getAttribute('max')).toBe('60');
      await until('the second chunk asked for', async () => chunks.held() === 1);
      await frame.getByRole('button', { name: 'Stop' }).click();
      chunks.release();
      await frame.locator('.draft-result h3').waitFor();
      expect(await frame.locator('.draft-result h3').innerText()).toBe('Drafting stopped');
      expect(await frame.locator('.draft-result').innerText()).toMatch(/not reached yet/);
      // The chunk already asked for finishes; no third is started.
      expect(preview.calls.filter((fn) => fn === 'draftFollowUps')).toHaveLength(2);
      expect(preview.server.session.outbox().drafts.length).toBeGreaterThan(0);

      // The next press carries on with what is still due.
      expect(await draftAll.innerText()).toMatch(/^Draft \d+ follow-ups$/);
      await draftAll.click();
      await until('drafting done', async () =>
        (await frame.locator('.draft-result h3').innerText().catch(() => '')) === 'Drafting done', 20000);
    } finally {
      await chunks.remove();
    }
    // Every contract with an email has exactly one draft.
    const drafts = preview.server.session.outbox().drafts;
    expect(drafts).toHaveLength(40);
    expect(new Set(drafts.map((d) => d.to)).size).toBe(40);
    const result = frame.locator('.draft-result');
    expect(await result.locator('.to-send-area strong').innerText()).toBe('15 messages to send through the platform');
    expect(await result.locator('.to-send li').count()).toBe(10);
    await result.getByRole('button', { name: /^Show 5 more/ }).click();
    expect(await result.locator('.to-send li').count()).toBe(15);
    expect(await result.locator('.failed-area strong').innerText()).toBe('5 could not be drafted');
    expect(await result.locator('.failed li').first().innerText()).toMatch(/not an address Gmail takes/);
    // Copy a message to send, then mark it sent from the summary.
    const first = result.locator('.to-send li').first();
    await first.getByRole('button', { name: /^Copy message/ }).click();
    await until('copied', async () => (await first.locator('.item-status').innerText()) === 'Copied.');
    expect(await frame.evaluate(() => navigator.clipboard.readText())).toMatch(/Job 4\d/);
    await first.getByRole('button', { name: /^Mark sent/ }).click();
    await until('recorded', async () => (await first.locator('.item-status').innerText()) === 'Recorded as sent.');
    // The summary's lists are the work left; once dismissed, the button counts what is still due:
    // drafted contracts no longer take a slot (15 to send - 1 sent + 5 failed are left).
    expect(await draftAll.isVisible()).toBe(false);
    await result.getByRole('button', { name: 'Dismiss' }).click();
    expect(await draftAll.innerText()).toBe('Draft 19 follow-ups');
    expect(await frame.locator('.counts').innerText()).toMatch(/Dormant\s+60/);
    await frame.locator('section.group.dormant .group-toggle').click();
    expect(await card(frame, 'Client 1').first().locator('.done').innerText()).toBe('✓ Drafted today');
    expect(preview.outside).toEqual([]);
  });
});

describe('closing the sidebar while it drafts', () => {
  const csv = SIXTY_DUE;
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('loses nothing: what was drafted is recorded, and the reopened sidebar carries on with the rest', async () => {
    preview = await openPreview(browser(), csv);
    const { page } = preview;
    let frame = await sidebarFrame(page);
    // The sidebar closes while its second chunk is asked for.
    const chunks = await holdDraftChunks(page, 1);
    try {
      await frame.locator('#draft-all').click();
      await until('the first chunk counted', async () => (await frame.locator('.progress-count').innerText()) === '25 of 60');
      await until('the second chunk asked for', async () => chunks.held() === 1);
      await Promise.all([frame.waitForNavigation(), page.click('#reload-sidebar')]);
      chunks.release();
    } finally {
      await chunks.remove();
    }
    frame = await sidebarFrame(page);
    await page.waitForTimeout(1000); // a chunk already on its way finishes on the server
    const drafted = preview.server.session.outbox().drafts.length;
    expect(drafted % 25).toBe(0);
    expect(drafted).toBeGreaterThanOrEqual(25);
    await Promise.all([frame.waitForNavigation(), page.click('#reload-sidebar')]);
    frame = await sidebarFrame(page);
    expect(await frame.locator('#draft-all').innerText()).toBe(`Draft ${60 - drafted} follow-ups`);
    await frame.locator('#draft-all').click();
    await until('drafting done', async () => (await frame.locator('.draft-result h3').innerText().catch(() => '')) === 'Drafting done', 20000);
    const drafts = preview.server.session.outbox().drafts;
    expect(drafts).toHaveLength(60);
    expect(new Set(drafts.map((d) => d.to)).size).toBe(60);
    expect(await frame.locator('.draft-result .drafted-line').innerText()).toBe(`Drafted ${60 - drafted} follow-ups in Gmail Drafts (not sent): review and send them from Gmail.`);
    expect(await frame.locator('#draft-all').isVisible()).toBe(false);
  });
});

describe('drafting every due follow-up when Gmail\'s daily limit is reached', () => {
  const csv = SIXTY_DUE;
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('stops at once, keeps what was drafted, and says why in one line', async () => {
    preview = await openPreview(browser(), csv);
    preview.server.session.env.gmail.failAfter(30);
    const frame = await sidebarFrame(preview.page);
    await frame.locator('#draft-all').click();
    await until('stopped', async () => (await frame.locator('.draft-result h3').innerText().catch(() => '')) === 'Drafting stopped', 20000);
    expect(preview.calls.filter((fn) => fn === 'draftFollowUps')).toHaveLength(2);
    const result = frame.locator('.draft-result');
    expect(await result.locator('.drafted-line').innerText()).toMatch(/^Drafted 30 follow-ups/);
    expect(await result.locator('.failed li').allInnerTexts()).toEqual([expect.stringMatching(/^Client 31: Gmail's daily limit is reached/)]);
    expect(await result.innerText()).toMatch(/29 follow-ups not reached yet/);
    expect(await frame.locator('#draft-all').innerText()).toBe('Draft 30 follow-ups');
  });
});

describe('a spreadsheet without a contracts table', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('the sidebar says what to do, and Run audit explains the problem once, in plain words', async () => {
    preview = await openPreview(browser(), 'Shopping list,Qty\nCoffee,2\n');
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('.empty-state h2').innerText()).toBe('Start with your contracts'); // tests/e2e/import.test.ts: the first run
    const reason = frame.locator('.empty-state .last-error');
    expect(await reason.innerText()).toMatch(/Client column/);
    await frame.click('#run-audit');
    await until('the audit answered', async () => preview.log.some((line) => /^runAudit \d+ ms error/.test(line)));
    await until('the button back', async () => (await frame.locator('#run-audit').innerText()) === 'Run audit');
    // The same reason, once: no second copy in a banner.
    expect(await errorText(frame)).toBe('');
    expect(await frame.getByText(/No contracts table found/).count()).toBe(1);
    const message = await reason.innerText();
    expect(message).toMatch(/Client column/);
    expect(message).not.toMatch(/^(Exception|Error|TypeError)\b/);
    expect(await reason.getAttribute('role')).toBe('alert');
    expect(preview.outside).toEqual([]);
  });
});

describe('a sheet without a date column', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('the missing column is named once, not again on every row', async () => {
    preview = await openPreview(browser(), 'Client,Job,Status\nAcme,Site,Active\nBeta,App,Active\n');
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('.problems li').allInnerTexts()).toEqual([expect.stringMatching(/"Last client activity" or "Start date" column/)]);
    expect(await frame.locator('li.card').count()).toBe(2);
    expect(await frame.locator('li.card .problem').count()).toBe(0);
  });
});

describe('a sheet with headers and no rows yet', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('reads well: says the sheet has no contracts yet and what to do', async () => {
    preview = await openPreview(browser(), 'Client,Job,Platform,Status,Start date,Last client activity\n');
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('.attention').innerText()).toMatch(/no contracts yet/);
    expect(await frame.locator('#draft-all').isVisible()).toBe(false);
  });
});
