import type { Answer, RunContext } from '../core/command.js';
import { formatCount, formatNumber, formatPercent } from '../core/format.js';
import { amount, sharePercent } from '../core/wording.js';
import type { ReplyField, ReplyTable } from '../core/reply.js';
import type { LoglossInput } from '../core/input/logloss-input.js';
import { toBase, type LoglossReport } from '../loss/index.js';
import { featuresOf, fitData, fitFields, fitSentences } from './fit-answer.js';
import { calibrationData, calibrationSentences } from './calibration-answer.js';
import { conventionData, conventionSentences, unclippedReason } from './convention-answer.js';
import { overflowReason } from './float64-overflow.js';
import { loglossChartImages } from './logloss-charts.js';
import { MAX_TABLE_ROWS, topIndices } from './table.js';
import { BASE_WORDS, baseForJson } from './units.js';

/** Above this many points the JSON leaves out per-point arrays (they would be tens of MB). */
const MAX_JSON_POINTS = 100_000;
/** How many confident mistakes the explanation names. */
const NAMED_MISTAKES = 3;

const f = (x: number) => formatNumber(x);

export async function buildLoglossAnswer(input: LoglossInput, report: LoglossReport, ctx: RunContext): Promise<Answer> {
  const { bce, baseline, fit } = report;
  const words = BASE_WORDS[input.base];
  const soft = input.y.some((v) => v !== 0 && v !== 1);
  const gap = bce.loss - baseline.loss;
  const trivialBaseline = isTrivialBaseline(report);
  const charts = await loglossChartImages(input, report, ctx);
  const infiniteReason = unclippedReason(input, report) ?? overflowReason(bce);

  return {
    title: `Log loss: ${amount(f(bce.loss), words.unit)}`,
    summary: [
      headline(input, report),
      soft ? softExplanation(input) : mechanism(input, report),
      soft ? '' : mistakes(input, report),
      baselineSentence(bce.n, baseline, gap, words.unit, input.weights !== undefined, scoredAsSklearn(input)),
      fit ? fitSentences(fit) : '',
      ...notes(input, report),
      ...conventionSentences(input, report),
      ...calibrationSentences(input, report),
      infiniteReason ? `Note: ${infiniteReason}.` : '',
      charts.note ?? '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: fields(input, report, gap, trivialBaseline),
    table: table(input, report),
    images: charts.images,
    data: { ...data(input, report, gap), ...conventionData(input, report), ...calibrationData(report), ...(infiniteReason ? { infiniteReason } : {}) },
  };
}

function headline(input: LoglossInput, { bce }: LoglossReport): string {
  const words = BASE_WORDS[input.base];
  const mean = bce.reduction === 'sum' ? 'sum' : bce.reduction === 'sum_over_batch_size' && input.weights ? 'weighted sum divided by N' : input.weights && bce.reduction === 'mean' ? 'weighted mean' : 'mean';
  const over = bce.n === 1 ? 'for 1 point' : `the ${mean} over ${formatCount(bce.n)} points`;
  return `**Log loss (binary cross-entropy) = ${amount(f(bce.loss), words.unit)}**, ${over} (${words.name}).`;
}

function describePoint(input: LoglossInput, i: number): string {
  const y = formatNumber(input.y[i] as number, 6);
  const v = formatNumber(input.prediction.values[i] as number, 6);
  switch (input.prediction.kind) {
    case 'p':
      return `point ${i + 1} (y=${y}, p=${v})`;
    case 'logits':
      return `point ${i + 1} (y=${y}, z=${v})`;
    case 'x':
      return `point ${i + 1} (x=${featuresOf(input.prediction, i)}, y=${y})`;
  }
}

/** The one idea: each point pays -log of the probability it gave to the truth. */
function mechanism(input: LoglossInput, { bce }: LoglossReport): string {
  const words = BASE_WORDS[input.base];
  const sentence = `Each point adds −${words.log} of the probability it gave to its true class: near 1 costs almost nothing, near 0 costs a lot.`;
  if (bce.n === 1) {
    const q = bce.trueClassProb[0] as number;
    return `${sentence} Here the true class got ${f(q)}, so the loss is −${words.log}(${f(q)}) = ${amount(f(bce.perPoint[0] as number), words.unit)}.`;
  }
  const best = topIndices(bce.trueClassProb, 1)[0] ?? 0;
  return `${sentence} The best, ${describePoint(input, best)}, gave its true class ${f(bce.trueClassProb[best] as number)} and costs ${amount(f(bce.perPoint[best] as number), words.unit)}.`;
}

function softExplanation(input: LoglossInput): string {
  const words = BASE_WORDS[input.base];
  return `With soft labels each point adds −[y·${words.log}(p) + (1−y)·${words.log}(1−p)]: the cross-entropy between the label's distribution and the prediction's. It is smallest when p equals y, and not 0 unless y is 0 or 1.`;
}

/** Confident mistakes dominate: name them with their share of the total. */
function mistakes(input: LoglossInput, { bce }: LoglossReport): string {
  const words = BASE_WORDS[input.base];
  if (bce.n === 1) return '';
  let wrongCount = 0;
  let wrongShare = 0;
  for (let i = 0; i < bce.n; i++) {
    if ((bce.trueClassProb[i] as number) < 0.5) {
      wrongCount++;
      wrongShare += bce.share[i] as number;
    }
  }
  if (wrongCount === 0) {
    const worst = topIndices(bce.perPoint, 1)[0] ?? 0;
    return `No point is on the wrong side of 0.5. The costliest is ${describePoint(input, worst)}: it gave its true class ${f(bce.trueClassProb[worst] as number)} and costs ${amount(f(bce.perPoint[worst] as number), words.unit)}, ${sharePercent(bce.share[worst] as number)} of the total.`;
  }
  const named = topIndices(bce.perPoint, NAMED_MISTAKES, (i) => (bce.trueClassProb[i] as number) < 0.5);
  const top = named[0] as number;
  // Below 0.2 for the truth the model was sure of the wrong class; above, it was merely unsure.
  const lead = (bce.trueClassProb[top] as number) < 0.2 ? 'Confident mistakes dominate' : 'The mistakes cost the most';
  const first = `${lead}: ${describePoint(input, top)} gave its true class only ${f(bce.trueClassProb[top] as number)}, so it alone costs ${amount(f(bce.perPoint[top] as number), words.unit)}, ${sharePercent(bce.share[top] as number)} of the total.`;
  if (wrongCount === 1) return first;
  const list = named.map((i) => i + 1).sort((a, b) => a - b).join(', ') + (wrongCount > named.length ? ', …' : '');
  return `${first} The ${formatCount(wrongCount)} points on the wrong side of 0.5 (points ${list}) make up ${sharePercent(wrongShare)} of the total.`;
}

/**
 * The base-rate baseline is trivial by construction with one point (the base rate is that point's
 * own label) or one class (it predicts every label exactly): a "gap" to it would read as a verdict
 * on the predictions, so the fields leave it out and the summary says why.
 */
function isTrivialBaseline({ bce, baseline }: LoglossReport): boolean {
  return bce.n === 1 || baseline.rate === 0 || baseline.rate === 1;
}

/** scikit-learn's own loss (any eps or reduction aside): the baseline is then the labels' entropy H(ȳ). */
function scoredAsSklearn(input: LoglossInput): boolean {
  const s = input.scoring;
  return !s || (s.posWeight === undefined && s.smoothing === undefined && s.settings.reduction === 'mean');
}

function baselineSentence(n: number, baseline: { rate: number; loss: number }, gap: number, unit: string, weighted: boolean, entropy = true): string {
  if (n === 1 && (baseline.rate === 0 || baseline.rate === 1)) {
    return `Baseline: with one point the base rate is its own label ${baseline.rate}, so the baseline scores 0 by construction; it only says something about several points of both classes.`;
  }
  if (n === 1) {
    return `Baseline: with one point the base rate is its own label ${f(baseline.rate)}, so the baseline predicts it exactly and scores ${amount(f(baseline.loss), unit)}, the least any prediction can (the label's entropy); it only says something about several points.`;
  }
  if (baseline.rate === 0 || baseline.rate === 1) {
    return `Baseline: every label is ${baseline.rate}, so always predicting ${baseline.rate} would score 0; the base-rate baseline only says something when both classes occur.`;
  }
  const share = weighted ? 'the weighted share of 1s' : 'the share of 1s';
  const comparison = Math.abs(gap) < 1e-12 ? 'these predictions do exactly as well' : gap < 0 ? `these predictions are ${amount(f(-gap), unit)} better` : `these predictions are ${amount(f(gap), unit)} worse: a model that knows only the base rate beats them`;
  return `Baseline: always predicting the base rate ${f(baseline.rate)} (${share}) would score ${amount(f(baseline.loss), unit)}, ${entropy ? 'the entropy of the labels' : 'scored the same way'}; ${comparison}.`;
}

function notes(input: LoglossInput, { bce }: LoglossReport): string[] {
  const out: string[] = [];
  if (input.percentTokens > 0) out.push(`Note: read ${formatCount(input.percentTokens)} percentage${input.percentTokens === 1 ? '' : 's'} in p as fractions (85% = 0.85).`);
  const { clipping } = bce;
  if (clipping.clippedCount > 0 && clipping.eps === Number.EPSILON && !input.scoring?.conventionGiven) {
    const unit = BASE_WORDS[input.base].unit;
    out.push(
      `Note: ${formatCount(clipping.clippedCount)} probabilit${clipping.clippedCount === 1 ? 'y was' : 'ies were'} exactly 0 or 1 (or within ${formatNumber(clipping.eps, 3)} of it) and ${clipping.clippedCount === 1 ? 'was' : 'were'} clipped to [ε, 1−ε] with ε = ${formatNumber(clipping.eps, 4)}, as scikit-learn's log_loss does, so a certain mistake costs ${amount(f(toBase(-Math.log(clipping.eps), input.base)), unit)} instead of infinity. ` +
        `PyTorch's BCELoss (log clamped at −100) would report ${amount(f(clipping.pytorchLoss), unit)}; Keras (ε = 1e-7) would report ${amount(f(clipping.kerasLoss), unit)}.`,
    );
  }
  return out;
}

function fields(input: LoglossInput, { bce, baseline, fit }: LoglossReport, gap: number, trivialBaseline: boolean): ReplyField[] {
  const unit = BASE_WORDS[input.base].unit;
  const out: ReplyField[] = [
    { name: 'Log loss', value: amount(f(bce.loss), unit), inline: true },
    { name: 'Points', value: formatCount(bce.n), inline: true },
  ];
  if (!trivialBaseline) {
    out.push(
      { name: 'Baseline', value: `${amount(f(baseline.loss), unit)} (always ${f(baseline.rate)})`, inline: true },
      { name: 'Gap to baseline', value: amount(`${gap <= 0 ? '−' : '+'}${f(Math.abs(gap))}`, unit), inline: true },
    );
  }
  if (fit) out.push(...fitFields(fit));
  if (bce.clipping.clippedCount > 0) out.push({ name: 'Clipped', value: `${formatCount(bce.clipping.clippedCount)} (ε = ${formatNumber(bce.clipping.eps, 4)})`, inline: true });
  return out;
}

function table(input: LoglossInput, { bce }: LoglossReport): ReplyTable {
  const kind = input.prediction.kind;
  const showAll = bce.n <= MAX_TABLE_ROWS;
  const rows = showAll ? Array.from({ length: bce.n }, (_, i) => i) : topIndices(bce.perPoint, MAX_TABLE_ROWS);
  const columns = ['#', ...(kind === 'x' ? ['x'] : []), 'y', ...(kind === 'logits' ? ['z'] : []), 'p', 'p(true)', 'loss', 'share'];
  return {
    columns,
    align: columns.map((c) => (c === '#' ? 'left' : 'right')),
    rows: rows.map((i) => [
      String(i + 1),
      ...(kind === 'x' ? [featuresOf(input.prediction, i)] : []),
      formatNumber(input.y[i] as number, 6),
      ...(kind === 'logits' ? [formatNumber(input.prediction.values[i] as number, 6)] : []),
      f(bce.probabilities[i] as number),
      f(bce.trueClassProb[i] as number),
      f(bce.perPoint[i] as number),
      formatPercent(bce.share[i] as number),
    ]),
    ...(showAll ? {} : { caption: `The ${MAX_TABLE_ROWS} costliest of ${formatCount(bce.n)} points.` }),
  };
}

function data(input: LoglossInput, { bce, baseline, fit }: LoglossReport, gap: number): Record<string, unknown> {
  const perPointIncluded = bce.n <= MAX_JSON_POINTS;
  return {
    loss: bce.loss,
    n: bce.n,
    base: baseForJson(input.base),
    unit: BASE_WORDS[input.base].unit,
    reduction: bce.reduction,
    input: input.prediction.kind,
    ...(perPointIncluded
      ? {
          perPoint: Array.from(bce.perPoint),
          trueClassProb: Array.from(bce.trueClassProb),
          probabilities: Array.from(bce.probabilities),
          share: Array.from(bce.share),
        }
      : { perPointOmitted: `per-point arrays are left out above ${formatCount(MAX_JSON_POINTS)} points` }),
    worst: topIndices(bce.perPoint, NAMED_MISTAKES).map((i) => i + 1),
    clipped: bce.clipping.clippedCount,
    clipping: bce.clipping,
    baseline: baseline.loss,
    baseRate: baseline.rate,
    gap,
    ...(fit ? fitData(fit) : {}),
  };
}
