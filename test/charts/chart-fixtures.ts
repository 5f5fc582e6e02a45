import type { EntropyChartInput, LoglossChartInput } from '../../src/charts/chart-inputs.js';
import type { LikelihoodChartInput } from '../../src/charts/specs/likelihood-curves.js';
import { entropyInput } from '../../src/charts/sample-inputs.js';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, fitLogisticRegression } from '../../src/loss/index.js';
import { mulberry32 } from '../loss/mulberry32.js';

export { entropyInput, fitInput, pointsInput } from '../../src/charts/sample-inputs.js';

/** A million points, for the large-input path. */
export function largeInput(n = 1_000_000): LoglossChartInput {
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  let state = 12345;
  for (let i = 0; i < n; i++) {
    state = (state * 16807) % 2147483647;
    y[i] = state % 3 === 0 ? 1 : 0;
    state = (state * 16807) % 2147483647;
    const u = state / 2147483647;
    p[i] = y[i] === 1 ? Math.sqrt(u) : u * u;
  }
  const bce = binaryCrossEntropy(y, p, { base: '2' });
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'bits', logBase: 2 };
}

/** A fitted model over `n` noisy points: above 200 the fit chart draws shares per x range instead of points. */
export function largeFitInput(n = 1000): LoglossChartInput {
  const random = mulberry32(7);
  const x = Float64Array.from({ length: n }, () => -3 + 8 * random());
  const y = x.map((v) => (random() < 1 / (1 + Math.exp(-(1.3 * v - 0.8))) ? 1 : 0));
  const fit = fitLogisticRegression(x, y);
  if (!fit.ok) throw new Error(`the large fit failed: ${fit.error.code}`);
  const bce = binaryCrossEntropyFromLogits(y, x.map((v) => fit.value.coef * v + fit.value.intercept));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E, fit: { x, coef: fit.value.coef, intercept: fit.value.intercept } };
}

/** More classes than the bar chart shows (20, the likeliest), with names of uneven length: slanted labels, no part values. */
export function manyClassesInput(classes = 30): EntropyChartInput {
  const random = mulberry32(11);
  const labels = Array.from({ length: classes }, (_, i) => (i % 4 === 0 ? `class number ${i + 1}` : `c${i + 1}`));
  return entropyInput(
    labels,
    labels.map(() => 1 + Math.floor(9 * random())),
    labels.map(() => 1 + Math.floor(9 * random())),
    '2',
  );
}

/** /derive bce with numbers: both classes, one confident mistake. */
export function likelihoodInput(): LikelihoodChartInput {
  return { y: Float64Array.of(1, 0, 1, 0), p: Float64Array.of(0.9, 0.2, 0.05, 0.6), loss: 1.2 };
}
