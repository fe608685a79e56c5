import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder: the nearest ancestor of this code (bundled or not) holding package.json, else cwd. */
export function repoRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'build.mjs'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
