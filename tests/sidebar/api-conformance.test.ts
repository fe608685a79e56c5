// The sidebar's typed wrapper and the server agree: every function the sidebar calls is a
// public server function, with a signature the server's own accepts (checked by the type check:
// `conforms` only compiles while src/index.ts's functions fit ServerApi).
import * as serverModule from '../../src/index';
import type { ServerApi } from '../../src/sidebar/api';
import { server } from '../../src/sidebar/server';

const conforms: ServerApi = serverModule;

describe('ServerApi', () => {
  it('names only functions src/index.ts exports', () => {
    for (const name of Object.keys(server)) {
      expect([name, typeof (conforms as unknown as Record<string, unknown>)[name]]).toEqual([name, 'function']);
    }
  });
});
