// The files that ship: dist/Code.js declares exactly src/index.ts's exports as top-level
// functions, parses as ES2019, and the manifest and sidebar are what Apps Script needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';

const root = join(__dirname, '..', '..');
const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');

/** Export names of src/index.ts, read from its source: `export { a, b } from '...'`. */
function indexExports(): string[] {
  const source = readFileSync(join(root, 'src/index.ts'), 'utf8');
  const names: string[] = [];
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.push(name);
    }
  }
  return names.sort();
}

const SERVER_API = ['onOpen', 'onInstall', 'showSidebar', 'runAudit', 'clearHighlights', 'setupContractsSheet',
  'draftFollowUps', 'markFollowUpSent', 'closeContract', 'selectRow', 'getSettings', 'saveSettings',
  'getSchedule', 'enableSchedule', 'disableSchedule', 'scheduledAudit', 'getPermissions', 'importUpworkReport'].sort();

describe('dist/Code.js', () => {
  const program = acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' }) as unknown as {
    body: { type: string; id?: { name: string }; declarations?: { id: { name: string } }[] }[];
  };

  it('parses as ECMAScript 2019, the level Apps Script V8 is built for', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  it('declares one top-level function per export of src/index.ts, and no other', () => {
    const functions = program.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id!.name).sort();
    expect(functions).toEqual(indexExports());
  });

  it('exports exactly the server API the README lists', () => {
    expect(indexExports()).toEqual(SERVER_API);
  });

  it('keeps internal helpers out of the global scope (one var holding the bundle)', () => {
    const others = program.body.filter((n) => n.type !== 'FunctionDeclaration' && n.type !== 'ExpressionStatement');
    expect(others).toHaveLength(1);
    expect(others[0].type).toBe('VariableDeclaration');
    expect(code).not.toMatch(/^function (findContractRow|auditTable|openContractsTable|withDocumentLock)\b/m);
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));
  it('runs on V8 with Stackdriver logging and a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
  });
  it('asks for exactly the scopes the README lists', () => {
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/gmail.compose',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('dist/sidebar.html', () => {
  const html = readFileSync(join(root, 'dist/sidebar.html'), 'utf8');
  it('is one self-contained file under 56 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(56 * 1024);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });
  it('has the marker showSidebar() fills with the embedded audit', () => {
    expect(html).toContain('__BOOTSTRAP_JSON__');
  });
  it('uses no network API in the page script (no fetch, XHR or WebSocket)', () => {
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });
});

describe('the build refuses exports Apps Script cannot call', () => {
  // scripts/build.mjs fails with this message; the check is its own module so it can be tested.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { exportNamesProblem } = require('../../scripts/exportNames.cjs') as {
    exportNamesProblem(names: string[], bundleGlobal: string): string };

  it('accepts the real exports and names the bad ones', () => {
    expect(exportNamesProblem(SERVER_API, '__ContractAudit')).toBe('');
    expect(exportNamesProblem(['runAudit', 'default'], '__ContractAudit')).toMatch(/default export/);
    expect(exportNamesProblem(['delete'], '__ContractAudit')).toBe('export "delete" of src/index.ts cannot be a global function name in Apps Script.');
    expect(exportNamesProblem(['__ContractAudit'], '__ContractAudit')).toMatch(/cannot be a global function name/);
    expect(exportNamesProblem([], '__ContractAudit')).toMatch(/exports nothing/);
  });
});
