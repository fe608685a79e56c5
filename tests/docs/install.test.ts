/**
 * A clean install (issue 12): npm 11 skips dependency install scripts unless package.json's
 * `allowScripts` decides them, and ends the install with a list of the undecided ones. Every
 * dependency with an install script (preinstall, install, postinstall, or a binding.gyp, which
 * npm builds with node-gyp) must have a recorded decision, so a new one fails here instead of
 * surfacing as a note on someone's install. Everything here is offline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

interface Manifest { name?: string; version?: string; scripts?: Record<string, string> }

/** The package name of an allowScripts key: "esbuild", "esbuild@0.28.2", "@parcel/watcher@2 || 3". */
export function nameOfEntry(key: string): string {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  return (at === -1 ? key : key.slice(0, at)).trim();
}

/** Whether npm would run an install script for the package in `dir`. */
function hasInstallScript(dir: string, manifest: Manifest): boolean {
  const scripts = manifest.scripts || {};
  if (INSTALL_SCRIPTS.some((s) => typeof scripts[s] === 'string' && scripts[s].trim() !== '')) return true;
  // npm's default: a package with binding.gyp and no install/preinstall script gets `node-gyp rebuild`.
  return existsSync(join(dir, 'binding.gyp')) && !scripts.install && !scripts.preinstall;
}

/** Every installed package (nested node_modules and scopes included) that has an install script. */
export function installedWithScripts(nodeModules: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const visit = (modulesDir: string) => {
    if (!existsSync(modulesDir)) return;
    for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dirs = entry.name.startsWith('@')
        ? readdirSync(join(modulesDir, entry.name), { withFileTypes: true })
          .filter((e) => e.isDirectory()).map((e) => join(modulesDir, entry.name, e.name))
        : [join(modulesDir, entry.name)];
      for (const dir of dirs) {
        const manifestPath = join(dir, 'package.json');
        if (existsSync(manifestPath)) {
          let manifest: Manifest = {};
          try {
            manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
          } catch (_e) { /* an unreadable manifest has no scripts npm could run */ }
          if (manifest.name && hasInstallScript(dir, manifest)) {
            found.set(manifest.name, [...(found.get(manifest.name) || []), manifest.version || '?']);
          }
        }
        visit(join(dir, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return found;
}

function npm(args: string[]): { status: number | null; out: string } {
  const result = spawnSync('npm', [...args, '--offline', '--no-fund', '--no-audit', '--no-update-notifier'], {
    cwd: ROOT, encoding: 'utf8', timeout: 60000, env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, out: `${result.stdout || ''}${result.stderr || ''}` };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const decided = new Set(Object.keys(pkg.allowScripts || {}).map(nameOfEntry));

describe('install scripts are decided in package.json allowScripts', () => {
  it('reads allowScripts keys with or without a version', () => {
    expect(['esbuild', 'esbuild@0.28.2', '@parcel/watcher', '@parcel/watcher@2.6.0', '@a/b@1 || 2'].map(nameOfEntry))
      .toEqual(['esbuild', 'esbuild', '@parcel/watcher', '@parcel/watcher', '@a/b']);
  });

  it('every installed dependency with an install script has a decision', () => {
    const nodeModules = join(ROOT, 'node_modules');
    expect(existsSync(nodeModules)).toBe(true);
    const withScripts = installedWithScripts(nodeModules);
    // The scan finds what it must (esbuild is a direct dependency with a postinstall), so it is not vacuous.
    expect(withScripts.has('esbuild')).toBe(true);
    const undecided = [...withScripts.keys()].filter((name) => !decided.has(name)).sort();
    expect(undecided).toEqual([]);
  });

  it('every package the lockfile marks with an install script has a decision, and no decision is stale', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as
      { packages: Record<string, { name?: string; hasInstallScript?: boolean }> };
    const inLock = new Set(Object.entries(lock.packages)
      .filter(([path, info]) => path !== '' && info.hasInstallScript)
      .map(([path, info]) => info.name || path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
    expect([...inLock].filter((name) => !decided.has(name)).sort()).toEqual([]);
    expect([...decided].filter((name) => !inLock.has(name)).sort()).toEqual([]);
  });

  it('records esbuild and @parcel/watcher', () => {
    expect([...decided]).toEqual(expect.arrayContaining(['esbuild', '@parcel/watcher']));
  });
});

describe('npm has nothing to warn about (offline)', () => {
  it('npm install-scripts ls: no unreviewed install scripts', () => {
    const { status, out } = npm(['install-scripts', 'ls']);
    expect(status).toBe(0);
    expect(out).toMatch(/No packages with unreviewed install scripts/);
    expect(out).not.toMatch(/\bwarn/i);
  });

  it('npm install --dry-run: up to date, no warning', () => {
    const { status, out } = npm(['install', '--dry-run']);
    expect(status).toBe(0);
    expect(out).not.toMatch(/\bwarn|\bERR!/i);
  });

  it('npm ls: the installed tree matches package.json and the lockfile', () => {
    const { status, out } = npm(['ls']);
    expect(status).toBe(0);
    expect(out).not.toMatch(/\bwarn|\bERR!|invalid|extraneous|missing/i);
  });
});
