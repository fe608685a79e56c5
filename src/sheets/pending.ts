// TEMPORARY (this round's work in progress): the new API's names, so the sidebar's typed wrapper
// compiles while the server side is built. Removed before this round lands.
import type { ImportOptions, ImportResult } from '../core/types';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function importUpworkReport(_csvText: string, _options?: ImportOptions): ImportResult {
  throw new Error('importUpworkReport is not built yet.');
}
