import { ConfigError, loadConfig } from '../src/config.js';
import { loadCore } from './core-load.js';
import { loadDiscord } from './discord-load.js';

/**
 * `npm run load`: 1,000 commands through the core and the renderer with 50 in flight. Figures
 * are printed, never asserted: these machines are shared and noisy.
 */
async function main(): Promise<void> {
  // CHART_THREADS and RENDER_HEAP are honoured, so an operator can measure the settings they deploy.
  const { chartThreads, renderHeap } = loadConfig();
  const core = await loadCore(1000, 50, chartThreads, renderHeap);
  const discord = await loadDiscord(200, 50, chartThreads, renderHeap);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ...core, discord })}\n`);
    return;
  }
  process.stdout.write(
    [
      `core + renderer, ${core.renderThreads} render thread${core.renderThreads === 1 ? '' : 's'}: ${core.answered} of ${core.n} answered with 50 in flight (target: all)`,
      `latency p50 ${core.p50Ms} ms, p99 ${core.p99Ms} ms (target p99 <= 1000)`,
      `peak RSS ${core.peakRssMb} MB (target <= 400)`,
      ...(Object.keys(core.unanswered).length > 0 ? [`not answered in full: ${JSON.stringify(core.unanswered)}`] : []),
      `Discord adapter (real discord.js, fake server): ${discord.acknowledgedIn3s} of ${discord.n} acknowledged within 3 s (ack p99 ${discord.ackP99Ms} ms), ${discord.answered} answered (p50 ${discord.answerP50Ms} ms, p99 ${discord.answerP99Ms} ms)`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`load test failed: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
