/**
 * The local preview server (`npm start`): the contracts sheet with the add-on's highlights, the
 * real dist/sidebar.html, and the Outbox, with the sidebar's `google.script.run` calls running
 * the real dist/Code.js on the local Apps Script fakes. Node's http only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PreviewSession } from './session';
import { PREVIEW_PAGE } from './page';
import { injectShim } from './shim';

export interface PreviewOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** The .csv or .xlsx sheet to start from. Default examples/contracts.csv. */
  csvPath?: string;
  /** Where the sheet, properties, drafts... persist between runs. */
  stateFile?: string;
  /** Ignore the state file and start again from the CSV. */
  reset?: boolean;
  /** Where dist/Code.js and dist/sidebar.html are. Default <repo>/dist. */
  distDir?: string;
  /** One line per event (URL, server calls). Default console.log. */
  log?: (line: string) => void;
  /** Listen address. Default 127.0.0.1. */
  host?: string;
  /** Scopes the user declined (`npm start -- --decline gmail`); every other manifest scope is granted. */
  decline?: string[];
  /** A fixed instant for the fake clock, e.g. '2026-12-02T15:00:00Z' (tests that write screenshots). */
  now?: string;
  /** Settings saved (through saveSettings) as the session opens, before any page is served; for tests. */
  settings?: Record<string, unknown>;
}

export interface PreviewServer {
  url: string;
  port: number;
  session: PreviewSession;
  close(): Promise<void>;
}

/** The repository root: above dev/preview (source) or .preview (bundle), else the working directory. */
export function repoRoot(): string {
  const candidates = [resolve(__dirname, '..', '..'), resolve(__dirname, '..'), process.cwd()];
  return candidates.filter((dir) => existsSync(resolve(dir, 'examples', 'contracts.csv')))[0] || process.cwd();
}

/** Starts the preview server; rejects with a readable Error when the port is taken. */
export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const root = repoRoot();
  const log = options.log || ((line: string) => console.log(line));
  const distDir = options.distDir || resolve(root, 'dist');
  const csvPath = resolve(options.csvPath || resolve(root, 'examples', 'contracts.csv'));
  const stateFile = resolve(options.stateFile || resolve(root, '.preview', 'state.json'));
  for (const file of ['Code.js', 'sidebar.html']) {
    if (!existsSync(resolve(distDir, file))) throw new Error(`${resolve(distDir, file)} is missing. Run npm run build first.`);
  }
  let session: PreviewSession;
  const saveNow = () => {
    mkdirSync(dirname(stateFile), { recursive: true });
    const temp = `${stateFile}.tmp`;
    writeFileSync(temp, JSON.stringify(session.toJSON()));
    renameSync(temp, stateFile);
  };
  // Saving a 50,000-row sheet takes seconds: it happens after the response is sent (and on close).
  let saveQueued = false;
  const save = () => {
    if (saveQueued) return;
    saveQueued = true;
    setImmediate(() => {
      if (!saveQueued) return;
      saveQueued = false;
      saveNow();
    });
  };
  // As in Sheets, where showSidebar() runs on the menu click before the sidebar frame loads, the
  // first sidebar page is made when the preview opens, so the frame's first paint measures the
  // sidebar alone; any call that may change the sheet makes the next page afresh.
  let openedSidebar: string | null = null;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain; charset=utf-8', error instanceof Error ? error.message : String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url || '/').split('?')[0];
    if (request.method === 'GET' && path === '/') {
      send(response, 200, 'text/html; charset=utf-8', PREVIEW_PAGE);
    } else if (request.method === 'GET' && path === '/sidebar') {
      const html = openedSidebar || session.sidebarHtml();
      if (!openedSidebar) save();
      openedSidebar = null;
      send(response, 200, 'text/html; charset=utf-8', injectShim(html));
    } else if (request.method === 'GET' && path === '/api/sheet') {
      const max = Number(new URL(request.url || '/', 'http://localhost').searchParams.get('max'));
      sendJson(response, 200, session.sheetView(max > 0 ? max : Infinity));
    } else if (request.method === 'GET' && path === '/api/outbox') {
      sendJson(response, 200, session.outbox());
    } else if (request.method === 'POST' && path === '/api/run') {
      const body = await readBody(request);
      let call: { fn?: unknown; args?: unknown };
      try {
        call = JSON.parse(body) as { fn?: unknown; args?: unknown };
      } catch (_error) {
        sendJson(response, 400, { ok: false, error: 'The request was not JSON.' });
        return;
      }
      const fn = typeof call.fn === 'string' ? call.fn : '';
      const args = Array.isArray(call.args) ? call.args : [];
      openedSidebar = null;
      const outcome = session.run(fn, args);
      save();
      sendJson(response, 200, outcome);
    } else if (path === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  const port = options.port === undefined ? 8787 : options.port;
  const host = options.host || '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${port} is already in use. Stop whatever uses it, or pick another port: npm start -- --port ${port + 1}`)
        : error);
    });
    server.listen(port, host, () => resolvePromise());
  });
  try {
    session = await PreviewSession.open({ csvPath, stateFile, reset: !!options.reset, distDir, log, decline: options.decline, now: options.now });
    if (options.settings) {
      const saved = session.run('saveSettings', [options.settings], { quiet: true });
      if (!saved.ok) log(`The settings given were not saved: ${saved.error}`);
    }
    save();
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    throw error;
  }
  openedSidebar = session.sidebarHtml();
  const actual = (server.address() as AddressInfo).port;
  const url = `http://localhost:${actual}`;
  return {
    url, port: actual, session,
    close: () => new Promise<void>((resolveClose) => {
      if (saveQueued) { saveQueued = false; saveNow(); }
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value === undefined ? null : value));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

