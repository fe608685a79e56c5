#!/usr/bin/env node
// `npm run icon`: renders docs/icon.svg to docs/icon-128.png and docs/icon-32.png (the Google
// Workspace Marketplace listing's two application icons) with Debian's Chromium through
// playwright-core. Never downloads a browser: set CHROMIUM_PATH if yours is not /usr/bin/chromium.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`npm run icon: no Chromium at ${executablePath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const svg = readFileSync(join(root, 'docs', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [128, 32]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    // Offline by construction: the SVG is inlined, and any request the page makes is refused.
    await page.route('**/*', (route) => route.abort());
    const sized = svg.replace(/<svg\b([^>]*?)\swidth="\d+"\sheight="\d+"/, `<svg$1 width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`);
    const out = join(root, 'docs', `icon-${size}.png`);
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    await page.close();
    console.log(`wrote docs/icon-${size}.png (${size}x${size})`);
  }
} finally {
  await browser.close();
}
