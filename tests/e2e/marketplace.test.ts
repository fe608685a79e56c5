/**
 * The Google Workspace Marketplace screenshots (issue 12 point 3), generated from the preview at
 * the listing's 1280×800, never drawn by hand: the sidebar with an audit, a draft in the Outbox,
 * and the settings.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCREENSHOT_NOW, card, checkPrerequisites, visiblyDifferentPixels, launchChromium, noticeText, openPreview, saveScreenshot, sidebarFrame, until, type Preview } from './browser';

jest.setTimeout(60000);

const OUT = join(ROOT, 'docs', 'marketplace');
const WIDTH = 1280;
const HEIGHT = 800;

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let browser: Browser;
let preview: Preview;
let page: Page;
let frame: Frame;
beforeAll(async () => {
  checkPrerequisites();
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  preview = await openPreview(browser, undefined, { now: SCREENSHOT_NOW });
  page = preview.page;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  frame = await sidebarFrame(page);
});
afterAll(async () => {
  if (preview) await preview.close();
  if (browser) await browser.close();
});

async function shoot(name: string): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const path = join(OUT, name);
  await saveScreenshot(page, path, await page.screenshot({ fullPage: false, animations: 'disabled', caret: 'hide' }));
  expect(pngSize(readFileSync(path))).toEqual({ width: WIDTH, height: HEIGHT });
}

test('docs/marketplace/sidebar-audit.png: the sidebar with an audit, the sheet highlighted', async () => {
  await frame.click('#run-audit');
  await until('the audit done', async () => /^Audit done/.test(await noticeText(frame)));
  await until('the table refreshed', async () => (await page.locator('#sheet td[data-bg]').count()) > 0);
  await shoot('sidebar-audit.png');
});

test('docs/marketplace/outbox-draft.png: a follow-up drafted in Gmail, shown in the Outbox', async () => {
  await card(frame, 'Orchard Dental Group').getByRole('button', { name: /Draft follow-up/ }).click();
  await until('a draft in the Outbox', async () => (await page.locator('#outbox .mail').count()) > 0);
  expect(await page.locator('#outbox .mail pre').first().innerText()).toMatch(/Sam Rivera$/);
  await shoot('outbox-draft.png');
});

test('docs/marketplace/settings.png: the settings', async () => {
  await frame.locator('#settings > summary').click();
  await frame.locator('#settings').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot('settings.png');
});

test('the three screenshots are 1280×800 PNGs, each a different picture', async () => {
  const names = ['sidebar-audit.png', 'outbox-draft.png', 'settings.png'];
  for (const name of names) {
    expect(pngSize(readFileSync(join(OUT, name)))).toEqual({ width: 1280, height: 800 });
  }
  // The comparison that keeps an unchanged screenshot from being rewritten sees real changes.
  const [audit, , settings] = names.map((name) => readFileSync(join(OUT, name)));
  expect(await visiblyDifferentPixels(page, audit, audit)).toBe(0);
  expect(await visiblyDifferentPixels(page, audit, settings)).toBeGreaterThan(10_000);
});
