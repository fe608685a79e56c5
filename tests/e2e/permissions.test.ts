/**
 * End-to-end, permissions the user declined (issue 12, README "Permissions"): the preview started as
 * `npm start -- --decline gmail` (or schedule) shows the feature off with its one sentence and the
 * way to allow it; a card with an email offers Copy message (text for an email) instead of a
 * Draft that could only fail, and nothing shows Google's raw error; Copy message still gives
 * paste-ready text.
 */
import type { Frame, Page } from 'playwright-core';
import { DECLINABLE } from '../../dev/preview/args';
import { NOT_ALLOWED } from '../../src/sheets/permissions';
import { card, copiedBy, errorText, noticeText, openPreview, sidebarFrame, until, type Preview, sharedChromium } from './browser';

jest.setTimeout(60000);

const browser = sharedChromium();

describe('Gmail drafts declined (npm start -- --decline gmail)', () => {
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    preview = await openPreview(browser(), undefined, { decline: [...DECLINABLE.gmail] });
    page = preview.page;
    frame = await sidebarFrame(page);
  });
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('the sidebar shows drafting off, with its sentence and the way to allow it', async () => {
    const section = frame.locator('#permissions');
    await section.waitFor();
    expect(await section.locator('h2').innerText()).toBe('Gmail drafts: off');
    const text = await section.innerText();
    expect(text).toContain(NOT_ALLOWED.drafts);
    expect(text).toMatch(/remove Contract Audit under Third-party apps & services in your Google Account, then open it again from Extensions > Contract Audit/);
    expect(text).toMatch(/Copy message/);
    expect(await section.locator('li').count()).toBe(1); // only drafts are off
    expect(await section.getByRole('button', { name: 'Check again' }).isVisible()).toBe(true);
    // The automatic option that drafts says so too.
    await frame.locator('#settings > summary').click();
    expect(await frame.locator('[name="autoDraft"]').evaluate((el) => el.closest('.field')!.textContent)).toMatch(/Gmail drafts are off/);
    await frame.locator('#settings > summary').click();
    expect(preview.log).toContain(`Declined: ${DECLINABLE.gmail.join(', ')}.`);
  });

  test('a card with an email offers Copy message instead of a Draft that could only fail; the text is for an email to the client', async () => {
    const orchard = card(frame, 'Orchard Dental Group');
    expect(await orchard.getByRole('button', { name: /Draft follow-up/ }).count()).toBe(0);
    const copied = await copiedBy(frame, () => orchard.getByRole('button', { name: /^Copy message/ }).click());
    await until('copied', async () => /Message copied/.test(await noticeText(frame)));
    expect(await noticeText(frame)).toMatch(/an email to office@orcharddental\.example\.com, then press Mark sent/);
    expect(copied).toMatch(/Website copywriting/);
    expect(await errorText(frame)).toBe('');
    expect(await page.locator('#outbox .mail').count()).toBe(0);
  });

  test('Copy message still gives paste-ready text', async () => {
    const copied = await copiedBy(frame, () => card(frame, 'PixelForge Studio').getByRole('button', { name: /^Copy message/ }).click());
    expect(copied).toMatch(/PixelForge|Unity/);
  });

  test('"Check again" says it is still off; once allowed, the notice goes', async () => {
    const check = frame.locator('#permissions').getByRole('button', { name: 'Check again' });
    await check.click();
    await until('still off', async () => /Still off/.test(await frame.locator('#permissions').innerText()));
    // The user reopens the add-on from the menu and accepts the Gmail permission.
    preview.server.session.env.grant([...DECLINABLE.gmail]);
    await check.click();
    await until('the notice gone', async () => (await frame.locator('#permissions').count()) === 0);
    expect(preview.calls.filter((c) => c === 'getPermissions')).toHaveLength(2);
  });
});

describe('the automatic audit declined (--decline schedule)', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('shown off in the status and in Settings, with its sentence; Save still saves the rest', async () => {
    preview = await openPreview(browser(), undefined, { decline: [...DECLINABLE.schedule] });
    const frame = await sidebarFrame(preview.page);
    expect(await frame.locator('#permissions').innerText()).toContain(NOT_ALLOWED.schedule);
    expect(await frame.locator('.automation').innerText()).toMatch(/Automatic audit: off\./);
    await frame.locator('#settings > summary').click();
    const box = frame.getByLabel('Run the audit automatically');
    expect(await box.isDisabled()).toBe(true);
    expect(await box.evaluate((el) => el.closest('.field')!.textContent)).toContain(NOT_ALLOWED.schedule);
    await frame.getByLabel('Quiet after (days idle)').fill('10');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await until('saved', async () => /^Settings saved\./.test(await frame.locator('.save-status').innerText()));
    expect(preview.calls).not.toContain('enableSchedule');
    expect(preview.calls).not.toContain('disableSchedule');
  });
});
