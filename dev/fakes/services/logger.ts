import { format } from 'node:util';
import type { ApiShape } from '../core/api-shape';

type RealLogger = GoogleAppsScript.Base.Logger;

const LOGGER_API = ['clear', 'getLog', 'log'] as const;

/** Logger: lines go to the account's log list, not to the test output. */
export class FakeLogger implements ApiShape<RealLogger, typeof LOGGER_API[number]> {
  static readonly apiName = 'Logger';
  static readonly service = 'Logger';
  static readonly api: readonly string[] = LOGGER_API;

  constructor(private readonly logs: string[]) {}

  clear(): void { this.logs.length = 0; }
  getLog(): string { return this.logs.join('\n'); }
  /** log(data) or log(format, ...values) with %s-style placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    this.logs.push(values.length > 0 ? format(String(data), ...values) : String(data));
    return this;
  }
}

/** A console whose output goes to the log list (prefixed with the level for warn/error). */
export function createConsole(logs: string[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const write = (level: string) => (...args: unknown[]): void => {
    logs.push(`${level}${format(...args)}`);
  };
  return { log: write(''), info: write(''), debug: write(''), warn: write('WARN: '), error: write('ERROR: ') };
}
