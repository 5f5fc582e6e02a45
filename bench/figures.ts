import { benchCharts } from './chart-bench.js';
import { measureCliMs } from './cli-bench.js';
import { csvLoadDelay } from './csv-delay.js';
import { soak } from './soak.js';
import { measureIdleMb, measureStartMs } from './start-bench.js';

/**
 * The figures `npm run bench -- --figure <name>` prints alone, as JSON. `soak` and `csv-delay`
 * are run so by bench-main.ts, in a process of their own, so that one figure's memory does not
 * pollute another's; `start`, `idle` and `cli` start processes of the bot's own.
 */
export const FIGURES = {
  chart: () => benchCharts(),
  soak: () => soak(),
  'csv-delay': () => csvLoadDelay(),
  start: async () => ({ startMs: await measureStartMs() }),
  idle: async () => ({ idleMb: await measureIdleMb() }),
  cli: async () => ({ cliMs: await measureCliMs() }),
} satisfies Record<string, () => Promise<unknown>>;

export type FigureName = keyof typeof FIGURES;

export const isFigure = (name: string): name is FigureName => Object.hasOwn(FIGURES, name);
