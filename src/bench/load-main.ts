import { loadCore } from './core-load.js';

/**
 * `npm run load`: 1,000 commands through the core and the renderer with 50 in flight. Figures
 * are printed, never asserted: these machines are shared and noisy.
 */
async function main(): Promise<void> {
  const core = await loadCore(1000, 50);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(core)}\n`);
    return;
  }
  process.stdout.write(
    [
      `core + renderer: ${core.answered} of ${core.n} answered with 50 in flight (target: all)`,
      `latency p50 ${core.p50Ms} ms, p99 ${core.p99Ms} ms (target p99 <= 1000)`,
      `peak RSS ${core.peakRssMb} MB (target <= 400)`,
      ...(Object.keys(core.unanswered).length > 0 ? [`not answered in full: ${JSON.stringify(core.unanswered)}`] : []),
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`load test failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
