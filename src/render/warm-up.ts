import type { ChartJob, Theme } from '../core/render-jobs.js';
import { entropyCharts, loglossCharts } from '../charts/chart-sets.js';
import { entropyInput, fitInput, pointsInput } from '../charts/sample-inputs.js';

/**
 * One chart of every kind in both themes. A long-running bot draws them in each render worker at
 * start, so the first students after a restart do not wait for Vega-Lite to compile each kind
 * and V8 to warm up (the first chart of a kind takes ~10x a warm one).
 */
export function warmUpJobs(): ChartJob[] {
  return (['dark', 'light'] as Theme[]).flatMap((theme) => [
    ...loglossCharts(pointsInput(), theme),
    ...loglossCharts(fitInput(), theme),
    ...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), theme),
    ...entropyCharts(entropyInput(['a', 'b', 'c'], [0.2, 0.3, 0.5], [0.4, 0.4, 0.2]), theme),
  ]);
}
