import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { builtFile } from '../src/built-file.js';
import { builtEntryArgs } from './built-entry.js';
import { benchCharts } from './chart-bench.js';
import type { LoadFigures } from './core-load.js';
import type { CsvDelayFigures } from './csv-delay.js';
import type { DiscordLoadFigures } from './discord-load.js';
import { FIGURES, isFigure } from './figures.js';
import { benchCsv, benchLoss, benchMulticlass } from './loss-bench.js';
import { benchPracticeCheck } from './practice-bench.js';
import { benchPracticeSave } from './practice-save-bench.js';
import type { SoakFigures } from './soak.js';

/**
 * `npm run bench` prints figures; `npm run --silent bench -- --json` prints one JSON object.
 * Speed is measured here, never asserted in tests: these machines are shared and noisy.
 */
async function main(): Promise<void> {
  const figureAt = process.argv.indexOf('--figure');
  if (figureAt >= 0) return printFigure(process.argv[figureAt + 1] ?? '');
  const json = process.argv.includes('--json');
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const loss1e6Ms = round(benchLoss());
  const multiclass1e6x10Ms = round(benchMulticlass());
  const csv1e6Ms = round(benchCsv());
  const practice = { checkMs: round(benchPracticeCheck()), saveP99Ms: await benchPracticeSave() };
  const chart = await benchCharts();
  const load = await loadInOwnProcess();
  const soak = await figureInOwnProcess<SoakFigures>('soak');
  const csvLoad = await figureInOwnProcess<CsvDelayFigures>('csv-delay');
  // Each of these starts bot processes of its own and measures them from outside.
  const { idleMb } = await FIGURES.idle();
  const { startMs } = await FIGURES.start();
  const { cliMs } = await FIGURES.cli();
  const memory = { idleMb, loadPeakMb: load.peakRssMb };
  const result = { loss1e6Ms, multiclass1e6x10Ms, csv1e6Ms, practice, chart, load, memory, soak, startMs, cliMs, csvLoadMainLoopDelayP99Ms: csvLoad.mainLoopDelayP99Ms };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    [
      `binary cross-entropy, 1,000,000 points: ${loss1e6Ms} ms (target <= 50)`,
      `multi-class log loss, 1e6 points × 10:  ${multiclass1e6x10Ms} ms (target <= 120)`,
      `CSV "y,p", 1,000,000 rows:             ${csv1e6Ms} ms (target <= 400)`,
      `practice: redraw, check, diagnose:     ${practice.checkMs} ms (median; target <= 2)`,
      `practice: 1,000 saves, 50 at a time:   p99 ${practice.saveP99Ms} ms on SQLite (target <= 10)`,
      `chart, naive path median:              ${chart.naiveMs.toFixed(1)} ms`,
      `chart, through the pool (median, p99): ${chart.ms.toFixed(1)} ms, ${chart.p99Ms.toFixed(1)} ms (ratio ${chart.ratio.toFixed(2)}, target <= 0.25)`,
      `charts per second, whole pool busy:    ${chart.perSec.toFixed(1)}`,
      `main-thread event-loop delay p99:      ${chart.mainLoopDelayP99Ms.toFixed(1)} ms while 100 charts render (target <= 20)`,
      `load, ${load.n} commands, 50 in flight:  ${load.answered} answered, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, peak RSS ${load.peakRssMb} MB (targets: all, <= 1000 ms, <= 400 MB)`,
      `load, ${load.discord.n} Discord interactions:  ${load.discord.acknowledgedIn3s} acknowledged within 3 s, ${load.discord.answered} answered (answer p99 ${load.discord.answerP99Ms} ms)`,
      `RSS idle after start, Discord connected: ${idleMb} MB (target <= 150); load peak ${load.peakRssMb} MB (target <= 400)`,
      `soak, ${soak.n} commands:                ${soak.answered} answered, RSS ${soak.rssAfter1000Mb} MB after 1,000, ${soak.rssEndMb} MB at the end (target: within 15 %)`,
      `start to the first answer:             ${startMs} ms (target <= 2000)`,
      `CLI /logloss y=1 p=0.85 with a chart:  ${cliMs} ms (target <= 600)`,
      `main-thread event-loop delay p99:      ${csvLoad.mainLoopDelayP99Ms} ms while ${csvLoad.files} CSVs of ${csvLoad.rows.toLocaleString('en')} rows are answered (${csvLoad.answered} answered)`,
    ].join('\n') + '\n',
  );
}

/** The load test runs in a process of its own, so its peak RSS is its own and not the benches' before it. */
async function loadInOwnProcess(): Promise<LoadFigures & { discord: DiscordLoadFigures }> {
  // As `npm run load` starts it: the built load.mjs, with source maps for its stacks.
  const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', fileURLToPath(builtFile('load.mjs')), '--json'], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as LoadFigures & { discord: DiscordLoadFigures };
}

/** `--figure <name>`: one figure alone, as JSON (figures.ts). */
async function printFigure(name: string): Promise<void> {
  if (!isFigure(name)) throw new Error(`--figure takes one of ${Object.keys(FIGURES).join(', ')}`);
  process.stdout.write(`${JSON.stringify(await FIGURES[name]())}\n`);
}

/** A figure measured in a process of its own: this bench's bundle, run with `--figure`. */
async function figureInOwnProcess<T>(name: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, builtEntryArgs('bench', ['--figure', name]), { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as T;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
