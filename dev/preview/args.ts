/** The command line of `npm start`: parsing only, no side effects. */
import { basename, resolve } from 'node:path';
import { FEATURE_SCOPES } from '../../src/sheets/permissions';

export interface CliOptions {
  csvPath?: string; port: number; reset: boolean; help: boolean;
  /** Scopes to start with declined (as a user unticking them at Google's consent screen); absent when none. */
  decline?: string[];
}

/** What `--decline` accepts, and the scopes each declines (src/sheets/permissions.ts FEATURE_SCOPES). */
export const DECLINABLE: Readonly<Record<string, readonly string[]>> = {
  gmail: FEATURE_SCOPES.drafts,
  drafts: FEATURE_SCOPES.drafts,
  schedule: FEATURE_SCOPES.schedule,
  digest: FEATURE_SCOPES.digest,
};

export const USAGE = `Usage: npm start -- [contracts.csv|.xlsx] [--port 8787] [--reset]
  contracts.csv  your sheet downloaded as .csv or .xlsx (default: examples/contracts.csv)
  --port N       port to listen on (default 8787)
  --reset        forget saved changes and start again from the CSV
  --decline X    start as a user who declined a permission: gmail (drafts), schedule or digest;
                 repeat it or give several, e.g. --decline gmail,digest`;

/** Parses the command-line arguments; throws an Error with the problem in plain words. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 8787, reset: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--reset') options.reset = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!/^\d+$/.test(value || '') || port < 1 || port > 65535) throw new Error(`--port needs a number from 1 to 65535, not "${value || ''}".`);
      options.port = port;
    } else if (arg === '--decline' || arg.startsWith('--decline=')) {
      const value = arg === '--decline' ? argv[++i] : arg.slice('--decline='.length);
      const names = (value || '').split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
      if (!names.length) throw new Error(`--decline needs what to decline: ${Object.keys(DECLINABLE).join(', ')}.`);
      const scopes = options.decline || [];
      for (const name of names) {
        const wanted = DECLINABLE[name];
        if (!wanted) throw new Error(`--decline ${name}: not a permission the add-on asks for. Give one of ${Object.keys(DECLINABLE).join(', ')}.`);
        for (const scope of wanted) if (scopes.indexOf(scope) === -1) scopes.push(scope);
      }
      options.decline = scopes;
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option ${arg}.`);
    } else if (options.csvPath) {
      throw new Error('Give one CSV file only.');
    } else {
      if (!/\.(csv|xlsx)$/i.test(arg)) throw new Error(`${arg}: give a .csv or .xlsx file (in Google Sheets: File > Download > Comma-separated values).`);
      options.csvPath = arg;
    }
  }
  return options;
}

/** The state file for a CSV: the sample keeps .preview/state.json, another CSV gets its own file. */
export function stateFileFor(root: string, csvPath: string | undefined): string {
  if (!csvPath) return resolve(root, '.preview', 'state.json');
  const name = basename(csvPath).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  return resolve(root, '.preview', `state-${name}.json`);
}
