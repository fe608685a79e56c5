/** Upwork reports (README "Upwork reports"): recognise, read, match. Pure; the server adapter is src/sheets/importReport.ts. */
export * from './formats';
export * from './read';
export * from './match';
