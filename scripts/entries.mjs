// The entry points `npm run build` bundles, one dist/<out>.mjs each; esbuild's own { in, out } shape.
// To add one (another worker, another command-line tool), add a line here; the build, the tests'
// launcher (test/support/run-process.ts) and the build's test (test/scripts/build.test.ts) follow it.
export const ENTRIES = Object.freeze([
  { in: 'src/main.ts', out: 'main' },
  { in: 'src/shard-main.ts', out: 'shard-main' },
  { in: 'src/adapters/cli/cli-main.ts', out: 'cli' },
  { in: 'src/adapters/discord/register-main.ts', out: 'register' },
  { in: 'src/render/render-worker-main.ts', out: 'render-worker' },
  { in: 'bench/bench-main.ts', out: 'bench' },
  { in: 'bench/load-main.ts', out: 'load' },
]);
