// jest transform: TypeScript to CommonJS with esbuild's transformSync (ts-jest does not accept
// TypeScript 7). Type checking is `npm run typecheck`'s job, not the test runner's.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename,
    });
    return { code: result.code };
  },
};
