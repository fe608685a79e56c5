import { server } from '../../src/sidebar/server';

type Handler = (value: unknown) => void;

/** A google.script.run stand-in: answers each named call with `answer(fn, args)`. */
function installRunner(answer: (fn: string, args: unknown[]) => { ok: true; value?: unknown } | { ok: false; error: unknown }) {
  const calls: [string, unknown[]][] = [];
  const runner = (success: Handler | null, failure: Handler | null): unknown => new Proxy({}, {
    get(_target, name: string) {
      if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
      if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
      return (...args: unknown[]) => {
        calls.push([name, args]);
        setTimeout(() => {
          const result = answer(name, args);
          if (result.ok) { if (success) success(result.value); } else if (failure) failure(result.error);
        }, 0);
      };
    },
  });
  (globalThis as unknown as { google: unknown }).google = { script: { run: runner(null, null) } };
  return calls;
}

afterEach(() => {
  delete (globalThis as unknown as { google?: unknown }).google;
});

describe('server (the google.script.run wrapper)', () => {
  test('calls the named server function with its arguments and resolves with its result', async () => {
    const calls = installRunner((fn) => ({ ok: true, value: { called: fn } }));
    await expect(server.closeContract('k1', 'Client not responsive')).resolves.toEqual({ called: 'closeContract' });
    await expect(server.draftFollowUps(['k2'])).resolves.toEqual({ called: 'draftFollowUps' });
    await server.runAudit();
    expect(calls).toEqual([
      ['closeContract', ['k1', 'Client not responsive']],
      ['draftFollowUps', [['k2']]],
      ['runAudit', []],
    ]);
  });

  test('rejects with the server message in plain words', async () => {
    installRunner(() => ({ ok: false, error: new Error('Exception: quietDays must be a whole number from 1 to 364.') }));
    await expect(server.saveSettings({ quietDays: 0 })).rejects.toThrow(/^quietDays must be a whole number/);
  });

  test('outside Apps Script it says where to open the sidebar instead of crashing', async () => {
    await expect(server.getSettings()).rejects.toThrow(/Extensions menu/);
  });
});
