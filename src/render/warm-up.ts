import type { ChartJob, Theme } from '../core/render-jobs.js';
import { entropyCharts, loglossCharts } from '../charts/chart-sets.js';
import { entropyInput, fitInput, pointsInput } from '../charts/sample-inputs.js';

/**
 * One chart of every kind in both themes. A render thread draws them between tasks (render-worker.ts),
 * so later students do not wait for Vega-Lite to compile each kind and V8 to optimise the hot
 * paths (the first chart of a kind takes ~10x a warm one).
 */
export function warmUpJobs(): ChartJob[] {
  return (['dark', 'light'] as Theme[]).flatMap((theme) => [
    ...loglossCharts(pointsInput(), theme),
    ...loglossCharts(fitInput(), theme),
    ...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), theme),
    ...entropyCharts(entropyInput(['a', 'b', 'c'], [0.2, 0.3, 0.5], [0.4, 0.4, 0.2]), theme),
  ]);
}

/** The equation a warm-up round typesets, once a thread has loaded MathJax for a real one. */
export const WARM_UP_TEX = 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i';

export interface WarmUpSteps {
  /** Charts to draw (`rounds` times the set). */
  charts: ChartJob[];
  rounds: number;
}

/**
 * Warm-up as small steps a thread takes one at a time while it has nothing else to do: a step
 * is one chart (or one equation), ~10 ms once warm, so a task that arrives mid-step waits little.
 */
export class WarmUpPlan {
  readonly #charts: ChartJob[];
  readonly #rounds: number;
  #round = 0;
  #index = 0;

  constructor(steps: WarmUpSteps) {
    this.#charts = steps.charts;
    this.#rounds = steps.rounds;
  }

  get done(): boolean {
    return this.#round >= this.#rounds;
  }

  /** The next step: a chart, or 'tex' at the end of each round; undefined when all rounds are done. */
  next(): ChartJob | 'tex' | undefined {
    if (this.done) return undefined;
    if (this.#index < this.#charts.length) return this.#charts[this.#index++];
    this.#index = 0;
    this.#round += 1;
    return 'tex';
  }
}
