/**
 * End-to-end, Settings a person can read (issue 10, points 5 and 6): every invalid field flagged at
 * once next to its own field in the words of its label, a short "did you mean" for a placeholder,
 * "Reset to default" per template, one Save for everything including the automatic audit, hours
 * written "9:00", and the first Draft asking for "Your name" when it is empty.
 */
import type { Frame, Page } from 'playwright-core';
import { DEFAULT_TEMPLATES } from '../../src/core/templates';
import type { Schedule, Settings } from '../../src/core/types';
import { card, errorText, openPreview, sidebarFrame, until, type Preview, sharedChromium } from './browser';

jest.setTimeout(60000);

const browser = sharedChromium();

function serverSettings(preview: Preview): Settings {
  const outcome = preview.server.session.run('getSettings', []);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result as Settings;
}

function serverSchedule(preview: Preview): Schedule {
  const outcome = preview.server.session.run('getSchedule', []);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result as Schedule;
}

async function openSettings(frame: Frame): Promise<void> {
  const panel = frame.locator('#settings');
  if ((await panel.getAttribute('open')) === null) await frame.locator('#settings > summary').click();
}

async function errorFor(frame: Frame, name: string): Promise<string> {
  const error = frame.locator(`[data-error-for="${name}"]`);
  await error.waitFor({ state: 'visible' });
  return error.innerText();
}

describe('Settings', () => {
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    preview = await openPreview(browser());
    page = preview.page;
    frame = await sidebarFrame(page);
    await openSettings(frame);
  });
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('every invalid field is flagged at once, each next to its own field, in the words of its label', async () => {
    const before = serverSettings(preview);
    await frame.getByLabel('Quiet after (days idle)').fill('45');
    await frame.getByLabel('Follow up every (days)').fill('0');
    await frame.getByLabel('Contracts sheet').fill('Old contracts');
    await frame.getByRole('button', { name: 'Save settings' }).click();

    expect(await errorFor(frame, 'quietDays')).toBe('Quiet after (days idle) must be a whole number from 1 to 29.');
    expect(await errorFor(frame, 'followUpEveryDays')).toBe('Follow up every (days) must be a whole number from 1 to 60.');
    const sheetError = await errorFor(frame, 'sheetName');
    expect(sheetError).toMatch(/^There is no sheet named "Old contracts"/);
    expect(sheetError).not.toMatch(/sheetName/);
    for (const label of ['Quiet after (days idle)', 'Follow up every (days)', 'Contracts sheet']) {
      expect(await frame.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
    }
    // The wrong sheet name sits under Sheet, not under a template.
    const sheetFieldset = frame.locator('fieldset', { has: frame.locator('legend', { hasText: /^Sheet$/ }) });
    expect(await sheetFieldset.locator('[data-error-for="sheetName"]').count()).toBe(1);
    expect(await frame.locator('fieldset [data-error-for]:visible').count()).toBe(3);
    // Focus goes to the first field to fix; nothing was stored.
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('quietDays');
    expect(await frame.locator('.save-status').innerText()).toMatch(/3 settings need fixing; nothing was saved/);
    expect(serverSettings(preview)).toEqual(before);
    expect(preview.log.some((line) => /^saveSettings \d+ ms error: quietDays/.test(line))).toBe(true);

    // Fixed, saved: the errors go, the values are stored.
    await frame.getByLabel('Quiet after (days idle)').fill('20');
    await frame.getByLabel('Follow up every (days)').fill('10');
    await frame.getByLabel('Contracts sheet').fill('');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await until('saved', async () => /^Settings saved\./.test(await frame.locator('.save-status').innerText()));
    expect(await frame.locator('[data-error-for]:visible').count()).toBe(0);
    expect(serverSettings(preview)).toMatchObject({ quietDays: 20, followUpEveryDays: 10, sheetName: '' });
    expect(await errorText(frame)).toBe('');
    // New thresholds: the first lines say the sheet is not up to date until Run audit (issue 10, point 4).
    await until('the status line changed', async () =>
      /^Settings changed since the last audit/.test(await frame.locator('#audit-status').innerText()));
  });

  test('an unknown placeholder is one short line with the nearest valid name', async () => {
    await frame.locator('details.template[data-stage="first"] > summary').click();
    const body = frame.locator('textarea[name="templates.first.body"]');
    await body.fill('Hi {{clinet}},\n\nAny news on {{job}}?\n\n{{senderName}}');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    const message = await errorFor(frame, 'templates.first.body');
    expect(message).toBe('{{clinet}} is not a placeholder. Did you mean {{client}}?');
    expect(message.split('\n')).toHaveLength(1);
    expect(await body.getAttribute('aria-invalid')).toBe('true');
  });

  test('"Reset to default" puts a template back, and Save stores it', async () => {
    const first = frame.locator('details.template[data-stage="first"]');
    await first.locator('input[name="templates.first.subject"]').fill('Hello?');
    await first.getByRole('button', { name: /Reset the first follow-up to default/ }).click();
    expect(await first.locator('input[name="templates.first.subject"]').inputValue()).toBe(DEFAULT_TEMPLATES.first.subject);
    expect(await first.locator('textarea[name="templates.first.body"]').inputValue()).toBe(DEFAULT_TEMPLATES.first.body);
    expect(await first.locator('[data-error-for]:visible').count()).toBe(0);
    // The default greets the contact by name ({{contact}}: the contact's first name, else the client).
    expect(DEFAULT_TEMPLATES.first.body).toMatch(/^Hi \{\{contact\}\},/);
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await until('saved', async () => /^Settings saved\./.test(await frame.locator('.save-status').innerText()));
    expect(serverSettings(preview).templates.first).toEqual(DEFAULT_TEMPLATES.first);
  });

  test('one Save turns the automatic audit on with the settings, hours written "9:00"', async () => {
    expect(await frame.locator('.schedule-fields button').count()).toBe(0); // no second button for the schedule
    const hourOptions = await frame.locator('select[name="hour"] option').allInnerTexts();
    expect(hourOptions.slice(0, 2)).toEqual(['0:00', '1:00']);
    expect(hourOptions).toContain('9:00');
    await frame.getByLabel('Run the audit automatically').check();
    await frame.getByLabel('How often').selectOption('weekly');
    await frame.getByLabel('Day of the week').selectOption('FRIDAY');
    expect(await frame.getByLabel('Around (your sheet’s time zone)').locator('option:checked').innerText()).toBe('9:00');
    await frame.getByLabel('Dormant after (days idle)').fill('40');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await until('the schedule shown', async () => /Weekly on Friday around 9:00/.test(await frame.locator('.automation').innerText()));
    expect(await frame.locator('.save-status').innerText()).toMatch(/Settings saved\. Automatic audit: Weekly on Friday around 9:00\./);
    expect(await frame.locator('.automation').innerText()).toMatch(/Next run: \w+ \d+, \d{4}, 9:00/);
    expect(serverSettings(preview).dormantDays).toBe(40);
    expect(serverSchedule(preview)).toMatchObject({ enabled: true, frequency: 'weekly', weekday: 'FRIDAY', hour: 9 });
    const calls = preview.calls.slice(-2);
    expect(calls).toEqual(['saveSettings', 'enableSchedule']);
  });

  test('unticking "Run the audit automatically" and saving turns it off', async () => {
    const box = frame.getByLabel('Run the audit automatically');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    expect(await frame.getByLabel('How often').isVisible()).toBe(false);
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await until('off', async () => /Automatic audit: off/.test(await frame.locator('.automation').innerText()));
    expect(await frame.locator('.save-status').innerText()).toMatch(/The automatic audit is off\./);
    expect(serverSchedule(preview).enabled).toBe(false);
  });

  test('the automatic audit\'s last error is shown after a failed run', async () => {
    // The user sets the sheet, then deletes it; the next automatic run fails and says why.
    const ss = preview.server.session.env.spreadsheet;
    expect(preview.server.session.run('saveSettings', [{ sheetName: 'Contracts' }]).ok).toBe(true);
    ss.insertSheet('Notes');
    ss.deleteSheet(ss.getSheetByName('Contracts')!);
    expect(preview.server.session.run('scheduledAudit', []).ok).toBe(true);
    await Promise.all([frame.waitForNavigation(), page.click('#reload-sidebar')]);
    frame = await sidebarFrame(page);
    await frame.locator('.automation .last-error').waitFor();
    expect(await frame.locator('.automation .last-error').innerText()).toMatch(/Last automatic run failed: .*Contracts/);
  });
});

describe('"Your name" asked at the first message', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('Draft follow-up with no name set asks for it inline, saves it and signs the draft with it', async () => {
    preview = await openPreview(browser(), undefined, { senderName: '' });
    const page = preview.page;
    const frame = await sidebarFrame(page);
    expect(serverSettings(preview).senderName).toBe('');
    const orchard = card(frame, 'Orchard Dental Group');
    await orchard.getByRole('button', { name: /Draft follow-up/ }).click();
    const name = orchard.getByLabel('Your name, to sign your messages');
    await name.waitFor();
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).getAttribute('autocomplete'))).toBe('name');
    expect(preview.calls).not.toContain('draftFollowUps');
    // An empty name is refused in place.
    await orchard.getByRole('button', { name: 'Save and continue' }).click();
    expect(await orchard.locator('.sender-name .field-error').innerText()).toMatch(/name/);
    await name.fill('Sam Rivera');
    await orchard.getByRole('button', { name: 'Save and continue' }).click();
    await until('a draft in the Outbox', async () => (await page.locator('#outbox .mail').count()) > 0);
    const body = await page.locator('#outbox .mail pre').first().innerText();
    expect(body).toMatch(/Best,\nSam Rivera$/);
    expect(body).toMatch(/^Hi /);
    expect(serverSettings(preview).senderName).toBe('Sam Rivera');
    // Asked once: the next message goes straight through.
    const pixel = card(frame, 'PixelForge Studio');
    await pixel.getByRole('button', { name: /^Copy message/ }).click();
    await until('copied', async () => (await frame.locator('.sender-name').count()) === 0 && preview.calls.filter((c) => c === 'draftFollowUps').length === 2);
  });
});

describe('the default greeting', () => {
  let preview: Preview;
  afterAll(async () => {
    if (preview) await preview.close();
  });

  test('greets the contact by first name when the sheet has a Contact column, and signs with Your name', async () => {
    preview = await openPreview(browser(), [
      'Client,Job,Contact,Client email,Platform,Status,Start date,Last client activity',
      'Acme Co,Site rebuild,Maria Lopez,maria@acme.example.com,Direct,Open,=TODAY()-100,=TODAY()-40',
      'Birch Ltd,Logo,,info@birch.example.com,Direct,Open,=TODAY()-100,=TODAY()-40',
      '',
    ].join('\n'));
    const page = preview.page;
    const frame = await sidebarFrame(page);
    await card(frame, 'Acme Co').getByRole('button', { name: /Draft follow-up/ }).click();
    await until('a draft', async () => (await page.locator('#outbox .mail').count()) === 1);
    await card(frame, 'Birch Ltd').getByRole('button', { name: /Draft follow-up/ }).click();
    await until('two drafts', async () => (await page.locator('#outbox .mail').count()) === 2);
    const bodies = await page.locator('#outbox .mail pre').allInnerTexts();
    expect(bodies.filter((b) => /^Hi Maria,\n/.test(b))).toHaveLength(1);
    expect(bodies.filter((b) => /^Hi Birch Ltd,\n/.test(b))).toHaveLength(1); // no contact: the client
    for (const body of bodies) expect(body).toMatch(/\nBest,\nSam Rivera$/);
  });
});
