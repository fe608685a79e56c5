'use strict';
// Which exports of src/index.ts can become top-level functions of dist/Code.js.
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends ' +
  'false finally for function if import in instanceof new null return super switch this throw true try typeof var ' +
  'void while with yield let static implements interface package private protected public await arguments eval')
  .split(' '));

/** Why these export names cannot all be global function names in Apps Script, or '' when they can. */
function exportNamesProblem(names, bundleGlobal) {
  if (names.length === 0) return 'src/index.ts exports nothing: Apps Script would have no function to run.';
  for (const name of names) {
    if (name === 'default') return 'src/index.ts has a default export; Apps Script needs named functions.';
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || RESERVED.has(name) || name === bundleGlobal) {
      return `export "${name}" of src/index.ts cannot be a global function name in Apps Script.`;
    }
  }
  return '';
}

module.exports = { exportNamesProblem };
