/**
 * `npm start [-- my.csv|my.xlsx] [--port 9000] [--reset]`: the preview server's command line.
 * scripts/start.mjs builds, bundles this file into .preview/ and runs it.
 */
import { resolve } from 'node:path';
import { parseArgs, stateFileFor, USAGE, type CliOptions } from './args';
import { startPreviewServer, repoRoot } from './server';

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`npm start: ${(error as Error).message}\n${USAGE}`);
    process.exit(1);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const root = repoRoot();
  const csvPath = options.csvPath ? resolve(process.env.INIT_CWD || process.cwd(), options.csvPath) : undefined;
  try {
    const server = await startPreviewServer({
      port: options.port, csvPath, reset: options.reset, stateFile: stateFileFor(root, options.csvPath),
      decline: options.decline,
    });
    console.log(`Contract Audit preview: ${server.url}  (Ctrl+C to stop)`);
    const stop = () => { void server.close().then(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`npm start: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
