import { baseValue, binaryCrossEntropy, calibration, binaryCrossEntropyFromLogits, compareDistributions, fitLogisticRegression, unitName, type LogBase } from '../loss/index.js';
import { chartLabels } from './bound-label.js';
import type { EntropyChartInput, LoglossChartInput } from './chart-inputs.js';
import type { ReliabilityChartInput } from './specs/reliability-diagram.js';
import { shownClasses } from './shown-classes.js';

/**
 * Small, fixed chart inputs: the README's examples. The render workers warm up on them and the
 * chart tests draw them.
 */

const f64 = (values: number[]) => Float64Array.from(values);

/** /logloss y=1,0,1,1,0 p=0.9,0.2,0.7,0.05,0.95: two confident mistakes. */
export function pointsInput(): LoglossChartInput {
  const y = f64([1, 0, 1, 1, 0]);
  const bce = binaryCrossEntropy(y, f64([0.9, 0.2, 0.7, 0.05, 0.95]));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E };
}

/** The visual explanation's data, fitted. */
export function fitInput(): LoglossChartInput {
  const x = f64([-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]);
  const y = f64([0, 0, 1, 0, 1, 1, 1, 1, 1, 1]);
  const fit = fitLogisticRegression(x, y);
  if (!fit.ok) throw new Error(`the sample fit failed: ${fit.error.code}`);
  const bce = binaryCrossEntropyFromLogits(y, x.map((v) => fit.value.coef * v + fit.value.intercept));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E, fit: { x, coef: fit.value.coef, intercept: fit.value.intercept } };
}

export function entropyInput(labels: string[], q: number[], p?: number[], base: LogBase = 'e'): EntropyChartInput {
  const report = compareDistributions(q, p, base);
  const shown = shownClasses(report.q);
  return {
    labels: chartLabels(shown.indices.map((i) => labels[i] as string)),
    shown,
    q: report.q,
    ...(report.p ? { p: report.p } : {}),
    contributions: { entropy: report.contributions.entropy, ...(report.contributions.crossEntropy ? { crossEntropy: report.contributions.crossEntropy } : {}) },
    entropy: report.entropy,
    ...(report.crossEntropy !== undefined ? { crossEntropy: report.crossEntropy } : {}),
    ...(report.kl !== undefined ? { kl: report.kl } : {}),
    unit: unitName(base),
    logBase: baseValue(base),
  };
}

/** 120 predictions on exact hundredths with labels that follow them loosely: ten full calibration bins. */
export function calibrationInput(bins = 10): ReliabilityChartInput {
  const n = 120;
  const p = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 100);
  const y = Float64Array.from(p, (pi, i) => (((i * 13) % 7) < (pi > 0.5 ? 4 : 3) ? 1 : 0));
  return { ...calibration(y, p, bins), n };
}
