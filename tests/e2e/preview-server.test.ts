/** The local preview server without a browser: calls, logging, persistence, --reset, port errors. */
import { mkdtempSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stateFileFor } from '../../dev/preview/args';
import { startPreviewServer, type PreviewServer } from '../../dev/preview/server';
import type { AuditReport } from '../../src/core/types';
import { checkPrerequisites } from './browser';

interface SheetJson { rows: { cells: { text: string; background: string }[] }[]; rules: { formula: string }[] }

async function run(server: PreviewServer, fn: string, args: unknown[] = []): Promise<{ ok: boolean; result?: unknown; error?: string }> {
  const response = await fetch(`${server.url}/api/run`, { method: 'POST', body: JSON.stringify({ fn, args }) });
  return (await response.json()) as { ok: boolean; result?: unknown; error?: string };
}

async function sheet(server: PreviewServer): Promise<string[][]> {
  const data = (await (await fetch(`${server.url}/api/sheet`)).json()) as SheetJson;
  return data.rows.map((row) => row.cells.map((cell) => cell.text));
}

function statusOf(rows: string[][], client: string): string {
  const header = rows[0];
  const row = rows.filter((r) => r[header.indexOf('Client')] === client)[0];
  return row[header.indexOf('Status')];
}

describe('the preview server', () => {
  beforeAll(() => checkPrerequisites());
  const dir = mkdtempSync(join(tmpdir(), 'contract-audit-preview-'));
  const stateFile = join(dir, 'state.json');

  test('runs the real server functions, logs each call, and keeps changes across a restart', async () => {
    const log: string[] = [];
    let server = await startPreviewServer({ port: 0, stateFile, reset: true, log: (line) => log.push(line) });
    try {
      const audit = await run(server, 'runAudit');
      expect(audit.ok).toBe(true);
      const report = audit.result as AuditReport;
      const luna = report.contracts.filter((c) => c.client === 'Luna Yoga Studio')[0];
      expect(luna.state).toBe('Close out');
      expect((await run(server, 'closeContract', [luna.key, 'Client not responsive'])).ok).toBe(true);
      const refused = await run(server, 'saveSettings', [{ quietDays: 0 }]);
      expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^quietDays/) });
      expect((await run(server, 'eval', ['1'])).ok).toBe(false);
      expect(log).toEqual(expect.arrayContaining([
        expect.stringMatching(/^runAudit \d+ ms ok$/),
        expect.stringMatching(/^closeContract \d+ ms ok$/),
        expect.stringMatching(/^saveSettings \d+ ms error: quietDays/),
      ]));
      const table = (await (await fetch(`${server.url}/api/sheet`)).json()) as SheetJson;
      expect(table.rules.map((r) => r.formula)).toEqual(expect.arrayContaining([expect.stringContaining('"Close out"')]));
    } finally {
      await server.close();
    }
    expect(existsSync(stateFile)).toBe(true);
    server = await startPreviewServer({ port: 0, stateFile, log: () => undefined });
    try {
      expect(statusOf(await sheet(server), 'Luna Yoga Studio')).toBe('Closed');
    } finally {
      await server.close();
    }
    server = await startPreviewServer({ port: 0, stateFile, reset: true, log: () => undefined });
    try {
      expect(statusOf(await sheet(server), 'Luna Yoga Studio')).toBe('Open');
    } finally {
      await server.close();
    }
  });

  test('a port in use is a clear error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startPreviewServer({ port, stateFile: join(dir, 'other.json'), log: () => undefined }))
        .rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  test('a missing CSV is a clear error', async () => {
    await expect(startPreviewServer({ port: 0, csvPath: join(dir, 'nope.csv'), stateFile: join(dir, 'nope.json'), log: () => undefined }))
      .rejects.toThrow(/nope\.csv does not exist/);
  });
});

describe('npm start arguments', () => {
  test('reads a CSV path, --port and --reset', () => {
    expect(parseArgs(['my.csv', '--port', '9000', '--reset'])).toEqual({ csvPath: 'my.csv', port: 9000, reset: true, help: false });
    expect(parseArgs(['--port=9001'])).toEqual({ port: 9001, reset: false, help: false });
    expect(parseArgs([]).port).toBe(8787);
  });
  test('refuses what it cannot use, in plain words', () => {
    expect(() => parseArgs(['--port', 'abc'])).toThrow('--port needs a number');
    expect(() => parseArgs(['--colour'])).toThrow('Unknown option --colour');
    expect(() => parseArgs(['sheet.ods'])).toThrow(/give a \.csv or \.xlsx file/);
    expect(parseArgs(['sheet.xlsx']).csvPath).toBe('sheet.xlsx');
  });
  test('each CSV keeps its own saved state', () => {
    expect(stateFileFor('/r', undefined)).toBe('/r/.preview/state.json');
    expect(stateFileFor('/r', 'exports/My Contracts.csv')).toBe('/r/.preview/state-My-Contracts.json');
  });
});
