import { binaryCrossEntropy, binaryCrossEntropyFromLogits, compareDistributions, fitLogisticRegression } from '../loss/index.js';
import type { EntropyChartInput, LoglossChartInput } from './chart-inputs.js';
import type { ChartJob } from './chart-job.js';
import { entropyCharts, loglossCharts } from './chart-sets.js';
import type { Theme } from './theme.js';

const f64 = (values: number[]) => Float64Array.from(values);

function pointsInput(): LoglossChartInput {
  const y = f64([1, 0, 1, 1, 0]);
  const bce = binaryCrossEntropy(y, f64([0.9, 0.2, 0.7, 0.05, 0.95]));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E };
}

function fitInput(): LoglossChartInput | undefined {
  const x = f64([-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]);
  const y = f64([0, 0, 1, 0, 1, 1, 1, 1, 1, 1]);
  const fit = fitLogisticRegression(x, y);
  if (!fit.ok) return undefined;
  const bce = binaryCrossEntropyFromLogits(y, x.map((v) => fit.value.coef * v + fit.value.intercept));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E, fit: { x, coef: fit.value.coef, intercept: fit.value.intercept } };
}

function entropyInput(q: number[], p: number[]): EntropyChartInput {
  const report = compareDistributions(q, p, 'e');
  return {
    labels: q.map((_, i) => String(i + 1)),
    q: report.q,
    ...(report.p ? { p: report.p } : {}),
    contributions: { entropy: report.contributions.entropy, ...(report.contributions.crossEntropy ? { crossEntropy: report.contributions.crossEntropy } : {}) },
    entropy: report.entropy,
    ...(report.crossEntropy !== undefined ? { crossEntropy: report.crossEntropy } : {}),
    ...(report.kl !== undefined ? { kl: report.kl } : {}),
    unit: 'nats',
    logBase: Math.E,
  };
}

/**
 * One chart of every kind in both themes. A long-running bot draws them in each render worker at
 * start, so the first students after a restart do not wait for Vega-Lite to compile each kind
 * and V8 to warm up (the first chart of a kind takes ~10x a warm one).
 */
export function warmUpJobs(): ChartJob[] {
  const fit = fitInput();
  return (['dark', 'light'] as Theme[]).flatMap((theme) => [
    ...loglossCharts(pointsInput(), theme),
    ...(fit ? loglossCharts(fit, theme) : []),
    ...entropyCharts(entropyInput([0.3, 0.7], [0.5, 0.5]), theme),
    ...entropyCharts(entropyInput([0.2, 0.3, 0.5], [0.4, 0.4, 0.2]), theme),
  ]);
}
