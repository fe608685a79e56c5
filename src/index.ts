// The public server API: every export here becomes a top-level function of dist/Code.js.
// Re-exports only; the code lives in src/sheets/ and src/triggers/.
export function runAudit(): never { throw new Error('runAudit is not built yet'); }
