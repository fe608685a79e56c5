#!/usr/bin/env node
// `npm start [-- my.csv|my.xlsx] [--port 9000] [--reset]`: builds dist/, bundles the local
// preview server (dev/preview/cli.ts) into .preview/ and runs it. The sidebar's server calls run
// the real dist/Code.js on the local Apps Script fakes (dev/fakes/); nothing leaves this machine.
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status || 1);

mkdirSync(join(root, '.preview'), { recursive: true });
const outfile = join(root, '.preview', 'preview.cjs');
await esbuild.build({
  entryPoints: [join(root, 'dev/preview/cli.ts')], bundle: true, platform: 'node', format: 'cjs',
  target: 'node20', outfile, logLevel: 'warning', sourcemap: 'inline', packages: 'external',
});

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 0 : code ?? 1));
