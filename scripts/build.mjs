#!/usr/bin/env node
// Builds the three files Apps Script needs into dist/:
//   Code.js        the server: one IIFE holding every module, then one real top-level
//                  `function name() {}` per export of src/index.ts (Apps Script's triggers,
//                  Run menu and google.script.run only see top-level function declarations).
//   sidebar.html   the sidebar: its TypeScript and CSS bundled and inlined, nothing from a CDN.
//   appsscript.json  the manifest, copied from the project root.
//
// Syntax target: es2019. Apps Script's V8 runtime runs modern JavaScript, but Google documents
// its syntax support only in general terms and add-ons run on whatever V8 build Google serves.
// ES2019 (no optional chaining, no `??`, no class fields) is what every V8 Apps Script has ever
// shipped accepts, and esbuild lowers the newer syntax we write. tests/bundle.test.ts parses
// dist/Code.js with acorn at ecmaVersion 2019, so newer syntax cannot slip in unnoticed.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportNamesProblem } from './exportNames.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const SERVER_TARGET = 'es2019';
const GLOBAL = '__ContractAudit';

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** The names src/index.ts exports, read from an in-memory ESM pass (metafile lists exports only for esm). */
async function exportedNames() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'esm', write: false,
    metafile: true, platform: 'neutral', target: SERVER_TARGET, logLevel: 'silent', outdir: 'out',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) fail('esbuild produced no entry output for src/index.ts');
  return output.exports;
}

async function buildServer() {
  const names = await exportedNames();
  const problem = exportNamesProblem(names, GLOBAL);
  if (problem) fail(problem);
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'iife', globalName: GLOBAL,
    platform: 'neutral', target: SERVER_TARGET, write: false, legalComments: 'none', charset: 'utf8',
    logLevel: 'warning',
  });
  const iife = result.outputFiles[0].text;
  const wrappers = names.map((name) =>
    `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}\n`).join('\n');
  const header = '// Contract Audit for Google Sheets: built by scripts/build.mjs from src/. Do not edit.\n';
  writeFileSync(join(dist, 'Code.js'), `${header}${iife}\n${wrappers}`);
  return names;
}

async function buildSidebar() {
  const js = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/main.ts')], bundle: true, format: 'iife', platform: 'browser',
    target: 'es2019', minify: true, write: false, legalComments: 'none', charset: 'utf8', logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/sidebar.css')], bundle: true, minify: true, write: false,
    logLevel: 'warning', loader: { '.css': 'css' },
  });
  const template = readFileSync(join(root, 'src/sidebar/sidebar.html'), 'utf8');
  // A script body must never contain "</script"; esbuild escapes it in strings, check anyway.
  const script = js.outputFiles[0].text;
  if (/<\/script/i.test(script)) fail('the sidebar script contains "</script", which would end the element early.');
  const html = template
    .replace('/*__SIDEBAR_CSS__*/', () => css.outputFiles[0].text.trim())
    .replace('/*__SIDEBAR_JS__*/', () => script.trim());
  if (/https?:\/\//.test(html.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, ''))) {
    fail('dist/sidebar.html names an external URL; the sidebar must load nothing from the network.');
  }
  writeFileSync(join(dist, 'sidebar.html'), html);
  return html.length;
}

function copyManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  if (manifest.runtimeVersion !== 'V8') fail('appsscript.json must set runtimeVersion "V8".');
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
}

mkdirSync(dist, { recursive: true });
const names = await buildServer();
const sidebarBytes = await buildSidebar();
copyManifest();
console.log(`build: dist/Code.js (${names.length} public functions), dist/sidebar.html (${(sidebarBytes / 1024).toFixed(1)} KB), dist/appsscript.json`);
