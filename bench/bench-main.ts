import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { benchCharts } from './chart-bench.js';
import type { LoadFigures } from './core-load.js';
import type { DiscordLoadFigures } from './discord-load.js';
import { benchCsv, benchLoss } from './loss-bench.js';

/**
 * `npm run bench` prints figures; `npm run --silent bench -- --json` prints one JSON object.
 * Speed is measured here, never asserted in tests: these machines are shared and noisy.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const loss1e6Ms = round(benchLoss());
  const csv1e6Ms = round(benchCsv());
  const chart = await benchCharts();
  const load = await loadInOwnProcess();
  const result = { loss1e6Ms, csv1e6Ms, chart, load };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    [
      `binary cross-entropy, 1,000,000 points: ${loss1e6Ms} ms (target <= 50)`,
      `CSV "y,p", 1,000,000 rows:             ${csv1e6Ms} ms (target <= 400)`,
      `chart, naive path median:              ${chart.naiveMs.toFixed(1)} ms`,
      `chart, through the pool (median, p99): ${chart.ms.toFixed(1)} ms, ${chart.p99Ms.toFixed(1)} ms (ratio ${chart.ratio.toFixed(2)}, target <= 0.34)`,
      `charts per second, whole pool busy:    ${chart.perSec.toFixed(1)}`,
      `main-thread event-loop delay p99:      ${chart.mainLoopDelayP99Ms.toFixed(1)} ms while 100 charts render (target <= 20)`,
      `load, ${load.n} commands, 50 in flight:  ${load.answered} answered, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, peak RSS ${load.peakRssMb} MB (targets: all, <= 1000 ms, <= 400 MB)`,
      `load, ${load.discord.n} Discord interactions:  ${load.discord.acknowledgedIn3s} acknowledged within 3 s, ${load.discord.answered} answered (answer p99 ${load.discord.answerP99Ms} ms)`,
    ].join('\n') + '\n',
  );
}

/** The load test runs in a process of its own, so its peak RSS is its own and not the benches' before it. */
async function loadInOwnProcess(): Promise<LoadFigures & { discord: DiscordLoadFigures }> {
  const launcher = fileURLToPath(new URL('../src/launch/run.mjs', import.meta.url));
  const entry = fileURLToPath(new URL('./load-main.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [launcher, entry, '--json'], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as LoadFigures & { discord: DiscordLoadFigures };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
