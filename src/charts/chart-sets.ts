import type { EntropyChartInput, LoglossChartInput } from './chart-inputs.js';
import type { ChartJob, Theme } from '../core/render-jobs.js';
import { amount } from '../core/wording.js';
import { logSymbol, short } from './format-label.js';
import { binaryEntropyCurveSpec } from './specs/binary-entropy-curve.js';
import { distributionBarsSpec } from './specs/distribution-bars.js';
import { lossHistogramSpec, trueClassHistogramSpec } from './specs/loss-histogram.js';
import { lossCurveSpec } from './specs/loss-curve.js';
import { sigmoidFitSpec } from './specs/sigmoid-fit.js';
import { trueClassBarsSpec } from './specs/true-class-bars.js';

/** Above this many points the charts switch from one mark per point to histograms. */
export const LARGE_INPUT = 200;

function worstPoint(input: LoglossChartInput): number {
  let worst = 0;
  input.perPoint.forEach((v, i) => {
    if (v > (input.perPoint[worst] as number)) worst = i;
  });
  return worst;
}

/** The /logloss pictures: (c) the fit when x is given, (a) the −log curve with the points, (b) per-point bars. */
export function loglossCharts(input: LoglossChartInput, theme: Theme): ChartJob[] {
  const n = input.perPoint.length;
  const count = n.toLocaleString('en-US');
  const only = n === 1;
  const mean = `${only ? 'log loss' : 'mean log loss'} ${amount(short(input.loss), input.unit)}`;
  const worst = worstPoint(input);
  const worstText = `${only ? 'the only point' : `the costliest point, #${worst + 1},`} gave its true class ${short(input.trueClassProb[worst] as number)} and costs ${amount(short(input.perPoint[worst] as number), input.unit)}`;
  const jobs: ChartJob[] = [];
  if (input.fit) {
    jobs.push({
      kind: 'sigmoid-fit',
      spec: sigmoidFitSpec(input, theme),
      filename: 'logloss-fit.png',
      alt: `Fitted logistic regression p = σ(${short(input.fit.coef)}·x ${input.fit.intercept < 0 ? '−' : '+'} ${short(Math.abs(input.fit.intercept))}) over ${count} points; ${mean}.`,
    });
  }
  if (n > LARGE_INPUT) {
    jobs.push(
      { kind: 'loss-histogram', spec: lossHistogramSpec(input, theme), filename: 'logloss-histogram.png', alt: `Histogram of per-point loss for ${count} points by true class; ${mean}; ${worstText}.` },
      { kind: 'true-class-histogram', spec: trueClassHistogramSpec(input, theme), filename: 'logloss-true-class.png', alt: `Histogram of the probability given to the true class for ${count} points by class; ${mean}.` },
    );
    return jobs;
  }
  // With x= too: the article's flow goes from the fit to the −log curve its probabilities land on.
  jobs.push({
    kind: 'loss-curve',
    spec: lossCurveSpec(input, theme),
    filename: 'logloss-curve.png',
    alt: `Curve of −${logSymbol(input.logBase)}(q) against the probability q given to the true class, with ${only ? 'its only point' : `${count} points`} on it; ${mean}; ${worstText}.`,
  });
  jobs.push({
    kind: 'true-class-bars',
    spec: trueClassBarsSpec(input, theme),
    filename: 'logloss-points.png',
    alt: `Bars of the probability each point gave its true class, worst first; ${mean}; ${worstText}.`,
  });
  return jobs;
}

/** The /entropy pictures: (d) q and p per class, (e) the binary entropy curve for two classes. */
export function entropyCharts(input: EntropyChartInput, theme: Theme): ChartJob[] {
  const summary = input.p
    ? `H(q) = ${short(input.entropy)}, Hₚ(q) = ${short(input.crossEntropy ?? NaN)}, KL = ${short(input.kl ?? NaN)} ${input.unit}`
    : `H(q) = ${short(input.entropy)} ${input.unit}`;
  const cut = input.contributions.crossEntropy?.some((v) => !Number.isFinite(v)) ? '; an infinite part is drawn as a bar cut off at the top' : '';
  const jobs: ChartJob[] = [
    {
      kind: 'distribution-bars',
      spec: distributionBarsSpec(input, theme),
      filename: 'entropy-classes.png',
      alt: `Bars of q${input.p ? ' and p' : ''} for ${input.shown.rest.count > 0 ? `the ${input.shown.indices.length} likeliest of ${input.q.length.toLocaleString('en-US')}` : input.q.length} classes with each class's part of the entropy; ${summary}${cut}.`,
    },
  ];
  if (input.q.length === 2) {
    jobs.push({
      kind: 'binary-entropy-curve',
      spec: binaryEntropyCurveSpec(input, theme),
      filename: 'entropy-curve.png',
      alt: `Binary entropy curve with your q(${input.labels[0] ?? '1'}) = ${short(input.q[0] as number)} marked; ${summary}.`,
    });
  }
  return jobs;
}
