#!/usr/bin/env node
// npm run bench: compiles scripts/bench.ts (and the fakes it uses) with esbuild, then runs it.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.preview', 'bench.cjs');
mkdirSync(dirname(out), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'scripts/bench.ts')], bundle: true, platform: 'node', format: 'cjs',
  target: 'node20', outfile: out, logLevel: 'warning', external: ['gas-local'],
});
await import(pathToFileURL(out).href);
