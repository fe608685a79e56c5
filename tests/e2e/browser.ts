/** Shared setup for the browser tests: Debian's Chromium through playwright-core, never a download. */
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../dev/preview/server';

export const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Fails early, in plain words, when the bundle or the browser the tests need is missing. */
export function checkPrerequisites(): void {
  const code = join(ROOT, 'dist', 'Code.js');
  if (!existsSync(code) || !existsSync(join(ROOT, 'dist', 'sidebar.html'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before the browser tests.');
  }
  if (!/^function showSidebar\(/m.test(readFileSync(code, 'utf8'))) {
    throw new Error('dist/Code.js has no showSidebar(): rebuild with `npm run build`.');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium). The tests never download a browser.`);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Preview {
  server: PreviewServer;
  context: BrowserContext;
  page: Page;
  /** Every request the page made to a host other than this machine (all were aborted). */
  outside: string[];
  /** Every dialog (alert, confirm...) a page opened. */
  dialogs: string[];
  /** Every `/api/run` call, in order, by function name. */
  calls: string[];
  /** Lines the server printed. */
  log: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Settings "Your name". Default 'Sam Rivera': the test user has set it, so Draft / Copy act at
   * once; pass '' for a user who has not (the first Draft / Copy then asks for it).
   */
  senderName?: string;
  /** Scopes declined at Google's consent screen (as `npm start -- --decline gmail`). */
  decline?: string[];
  /** A script every frame runs before its own (Playwright's addInitScript), e.g. a PerformanceObserver. */
  initScript?: string;
  /** A fixed instant for the preview's clock, so screenshots come out the same on every run. */
  now?: string;
}

/** The instant the screenshot-making tests pin the preview's clock to. */
export const SCREENSHOT_NOW = '2026-12-02T15:00:00Z';

/** Starts a preview server on a free port over `csvText` (default: the sample) with a fresh state file, and opens it. */
export async function openPreview(browser: Browser, csvText?: string, options: OpenOptions = {}): Promise<Preview> {
  const dir = mkdtempSync(join(tmpdir(), 'contract-audit-e2e-'));
  let csvPath: string | undefined;
  if (csvText !== undefined) {
    csvPath = join(dir, 'contracts.csv');
    writeFileSync(csvPath, csvText);
  }
  const log: string[] = [];
  const senderName = options.senderName === undefined ? 'Sam Rivera' : options.senderName;
  const server = await startPreviewServer({ port: 0, csvPath, stateFile: join(dir, 'state.json'), reset: true, log: (line) => log.push(line),
    decline: options.decline, settings: senderName ? { senderName } : undefined, now: options.now });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const outside: string[] = [];
  const dialogs: string[] = [];
  const calls: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'about:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
      return route.continue();
    }
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('request', (request) => {
    if (request.url().endsWith('/api/run')) {
      const body = request.postData();
      calls.push(body ? String((JSON.parse(body) as { fn: string }).fn) : '?');
    }
  });
  await page.goto(server.url);
  return { server, context, page, outside, dialogs, calls, log,
    close: async () => { await context.close(); await server.close(); } };
}

/** The sidebar's frame, once its script has rendered. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  await frame.waitForSelector('main.sidebar');
  return frame;
}

/** Text of the sheet cell in `header`'s column on the row whose Client is `client`, as the preview table shows it. */
export function sheetCell(page: Page, client: string, header: string): Promise<string | null> {
  return page.evaluate(([c, hd]) => {
    const rows = Array.from(document.querySelectorAll('#sheet tbody tr'));
    if (!rows.length) return null;
    const cellsOf = (tr: Element) => Array.from(tr.querySelectorAll('td'));
    const headers = cellsOf(rows[0]).map((td) => td.textContent);
    const clientCol = headers.indexOf('Client');
    const col = headers.indexOf(hd);
    if (clientCol < 0 || col < 0) return null;
    const row = rows.filter((tr) => cellsOf(tr)[clientCol] && cellsOf(tr)[clientCol].textContent === c)[0];
    return row ? cellsOf(row)[col].textContent : null;
  }, [client, header] as [string, string]);
}

/** The background colours of the row whose Client is `client` (lower-case hex, '' for none). */
export function rowBackgrounds(page: Page, client: string): Promise<string[]> {
  return page.evaluate((c) => {
    const rows = Array.from(document.querySelectorAll('#sheet tbody tr'));
    const headers = Array.from(rows[0].querySelectorAll('td')).map((td) => td.textContent);
    const clientCol = headers.indexOf('Client');
    const row = rows.filter((tr) => tr.querySelectorAll('td')[clientCol].textContent === c)[0];
    return row ? Array.from(row.querySelectorAll('td')).map((td) => td.getAttribute('data-bg') || '') : [];
  }, client);
}

/** Waits until `check` (polled) returns true, or fails with `what`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What `action` puts on the clipboard: the clipboard is emptied first and read once it holds
 * text again, so a notice left from an earlier copy cannot stand in for this one.
 */
export async function copiedBy(frame: Frame, action: () => Promise<void>): Promise<string> {
  await frame.evaluate(() => navigator.clipboard.writeText(''));
  await action();
  let text = '';
  await until('the clipboard to hold the copied text', async () => {
    text = await frame.evaluate(() => navigator.clipboard.readText());
    return text !== '';
  });
  return text;
}

/**
 * Lets the first `free` `draftFollowUps` calls of the sidebar reach the preview server and holds
 * the later ones until `release()`: a test can act (Stop, reload) between two chunks of Draft all
 * however slow the machine, instead of racing the chunks. `remove()` takes the route away.
 */
export async function holdDraftChunks(page: Page, free: number): Promise<{ release(): void; held(): number; remove(): Promise<void> }> {
  let passed = 0;
  let waiting = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  const pattern = '**/api/run';
  await page.route(pattern, async (route) => {
    const body = route.request().postData() || '';
    if (/"fn":"draftFollowUps"/.test(body) && passed++ >= free) {
      waiting++;
      await gate;
    }
    await route.continue().catch(() => undefined); // the page may have navigated away meanwhile
  });
  return { release: () => open(), held: () => waiting, remove: () => page.unroute(pattern) };
}

/**
 * How many pixels of two PNGs differ visibly (a colour channel by more than 8 of 255; Chromium
 * antialiases a rounded corner one step differently from run to run), decoded by the browser of `page`.
 */
export async function visiblyDifferentPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  const probe = await page.context().newPage();
  try {
    return await probe.evaluate(async ([a64, b64]) => {
      const load = (data: string) => new Promise<HTMLImageElement>((resolve, reject) => {
        const image = new Image();
        image.onload = () => resolve(image);
        image.onerror = reject;
        image.src = `data:image/png;base64,${data}`;
      });
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [first, second] = await Promise.all([load(a64), load(b64)]);
      if (first.width !== second.width || first.height !== second.height) return Infinity;
      const x = pixels(first);
      const y = pixels(second);
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) {
        const step = Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2]), Math.abs(x[i + 3] - y[i + 3]));
        if (step > 8) differ++;
      }
      return differ;
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await probe.close();
  }
}

/** Up to this many visibly different pixels are not a change anyone would notice. */
const INVISIBLE_PIXELS = 16;

/**
 * Writes a screenshot the README or the listing shows, unless the one already at `path` looks the
 * same: `npm test` should not leave a committed picture changed by antialiasing alone.
 */
export async function saveScreenshot(page: Page, path: string, png: Buffer): Promise<void> {
  if (existsSync(path) && (await visiblyDifferentPixels(page, readFileSync(path), png)) <= INVISIBLE_PIXELS) return;
  writeFileSync(path, png);
}

/** The card of the contract whose client is `client`, in the sidebar. */
export function card(frame: Frame, client: string) {
  return frame.locator('li.card', { has: frame.locator('p.client', { hasText: client }) });
}

/** The sidebar's current notice ('' when none). */
export function noticeText(frame: Frame): Promise<string> {
  return frame.evaluate(() => { const el = document.querySelector('.banner.notice:not([hidden]) span'); return el ? el.textContent || '' : ''; });
}

/** The sidebar's current error banner ('' when none). */
export function errorText(frame: Frame): Promise<string> {
  return frame.evaluate(() => { const el = document.querySelector('.banner.error:not([hidden]) span'); return el ? el.textContent || '' : ''; });
}

/** One Chromium for a test file: launched before its tests (after checking it is installed), closed after them. */
export function sharedChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    checkPrerequisites();
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start (see the error of beforeAll).');
    return browser;
  };
}
