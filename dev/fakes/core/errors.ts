/**
 * Errors as Apps Script raises them: `name` is "Exception" and the message carries no prefix
 * (String(e) reads "Exception: <message>"). The call tracker re-creates them in the realm of
 * the executing script so `e instanceof Error` holds there.
 */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Throws an Apps Script style exception. */
export function fail(message: string): never {
  throw new AppsScriptException(message);
}

/** Apps Script's wording when a method gets arguments of the wrong kind. */
export function signatureMismatch(args: readonly unknown[], method: string): never {
  const kinds = args.map(describeArgument).join(',');
  return fail(`The parameters (${kinds}) don't match the method signature for ${method}.`);
}

function describeArgument(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const first = value.length > 0 ? describeArgument(value[0]) : 'Object';
    return `${first}[]`;
  }
  if (value instanceof Date) return 'Date';
  if (typeof value === 'object') return 'Object';
  if (typeof value === 'undefined') return 'undefined';
  return typeof value === 'string' ? 'String' : typeof value;
}
