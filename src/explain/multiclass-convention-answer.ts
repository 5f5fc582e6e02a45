import { formatCount, formatNumber } from '../core/format.js';
import type { MulticlassInput } from '../core/input/multiclass-input.js';
import { amount } from '../core/wording.js';
import { conventionDefaults, SKLEARN_EPS, toBase, unitName } from '../loss/index.js';
import { multiclassScheme, smoothedTargets, smoothedFloorNatsK } from '../loss/multiclass-conventions.js';
import type { MulticlassReport } from '../loss/multiclass-report.js';
import { clipWords, d2Words, outcomeWords, reductionWords, weightedMeansWords } from './convention-words.js';
import { BASE_WORDS } from './units.js';

const f = (x: number) => formatNumber(x);

const LIBRARY: Record<'kaggle' | 'torch' | 'keras', string> = {
  kaggle: "Kaggle's multi-class LogLoss metric",
  torch: "PyTorch's torch.nn.NLLLoss on log p (CrossEntropyLoss after its softmax)",
  keras: "Keras's categorical_crossentropy",
};

/** True when the answer scores otherwise than scikit-learn's log_loss (its clip first, its mean, no smoothing). */
export function scoresOtherwise(input: MulticlassInput): boolean {
  const scoring = input.scoring;
  return scoring !== undefined && (scoring.conventionGiven || scoring.eps !== undefined || scoring.settings.reduction !== 'mean' || (scoring.smoothing ?? 0) > 0);
}

function conventionSentence(input: MulticlassInput, report: MulticlassReport): string {
  const scoring = input.scoring;
  if (!scoring?.conventionGiven) return '';
  const { convention, reduction } = scoring.settings;
  if (convention === 'sklearn') return '';
  const { eps } = multiclassScheme(scoring.settings);
  const unit = BASE_WORDS[input.base].unit;
  const differences: string[] = [];
  if (convention === 'torch') {
    differences.push(`−log p[true class] as it is, ${eps === 0 ? 'with nothing clipped, clamped or renormalised (the −100 clamp is BCELoss\'s, not NLLLoss\'s), so a 0 for the true class costs ∞' : `${clipWords(eps)} and no row is renormalised`}`);
  } else {
    const clipped = report.result.clippedCount;
    differences.push(`each row is divided by its sum first, then ${clipWords(eps, 'every probability')} (scikit-learn clips first, then divides)${eps > 0 && clipped > 0 ? `; ${formatCount(clipped)} ${clipped === 1 ? 'was' : 'were'} moved to its edge` : ''}`);
  }
  if (reduction !== 'mean') differences.push(`the reduction is ${reductionWords(reduction, report.result.n)}${reduction === 'sum_over_batch_size' && !input.weights ? ', the same as the mean without weights' : ''}`);
  const outcome = outcomeWords(report.result.loss, report.sklearnLoss ?? report.result.loss, unit);
  return `Convention: scored as ${LIBRARY[convention]} (convention=${convention}): ${differences.join('; ')}; ${outcome}.`;
}

/** An explicit eps= or reduction= under convention= replaces that part of it. */
function overrideSentence(input: MulticlassInput): string {
  const scoring = input.scoring;
  if (!scoring?.conventionGiven || scoring.settings.overridden.length === 0) return '';
  const own = conventionDefaults(scoring.settings.convention);
  const parts = scoring.settings.overridden.map((part) => {
    if (part === 'reduction') return `reduction=${scoring.settings.reduction} replaces its ${own.reduction}`;
    return `eps=${formatNumber(scoring.eps ?? 0, 3)} replaces its ${own.guard.kind === 'clip' ? `ε = ${formatNumber(own.guard.eps, 3)}` : 'unclipped log p'}`;
  });
  return `Your options override convention=${scoring.settings.convention}: ${parts.join(', and ')}.`;
}

/** eps= or reduction= without a convention: scikit-learn's order with the user's clip or divisor, and its own figure beside. */
function sklearnVariantSentence(input: MulticlassInput, report: MulticlassReport): string {
  const scoring = input.scoring;
  if (!scoring || scoring.conventionGiven) return '';
  const unit = BASE_WORDS[input.base].unit;
  const parts: string[] = [];
  if (scoring.eps !== undefined) {
    const clipped = report.result.clippedCount;
    parts.push(`eps=${formatNumber(scoring.eps, 3)}: ${scoring.eps === 0 ? 'nothing is clipped' : clipWords(scoring.eps, 'every probability')} before each row is divided by its sum${scoring.eps === 0 ? '' : `; ${clipped === 0 ? 'none lay outside it' : `${formatCount(clipped)} ${clipped === 1 ? 'was' : 'were'} moved to its edge`}`}`);
  }
  if (scoring.settings.reduction !== 'mean') parts.push(`reduction=${scoring.settings.reduction} gives ${reductionWords(scoring.settings.reduction, report.result.n)}`);
  if (parts.length === 0 || report.sklearnLoss === undefined) return '';
  return `${parts.join('; ')}; ${outcomeWords(report.result.loss, report.sklearnLoss, unit)}.`;
}

/** Points whose true class got exactly 0 under a guard that clips nothing: the loss is ∞, and why. */
function infiniteSentence(input: MulticlassInput, report: MulticlassReport): string {
  const { result } = report;
  if (result.eps !== 0 || result.loss !== Infinity) return '';
  const points: number[] = [];
  for (let i = 0; i < result.n && points.length < 4; i++) if (result.trueClassProb[i] === 0) points.push(i + 1);
  const which = points.length === 0 ? 'a column the smoothed label scores got probability 0' : `${points.length === 1 ? 'point' : 'points'} ${points.slice(0, 3).join(', ')}${points.length > 3 ? ', …' : ''} gave the true class probability 0`;
  const why = input.scoring?.settings.convention === 'torch' && input.scoring.eps === undefined ? 'NLLLoss takes log p as it is' : 'eps=0 clips nothing';
  return `Infinite: ${which} and ${why}, so the loss is −log 0 = infinitely many ${unitName(input.base)}.`;
}

function smoothingSentence(input: MulticlassInput, report: MulticlassReport): string {
  const s = input.scoring?.smoothing;
  if (s === undefined || s === 0 || report.smoothingFloor === undefined) return '';
  const unit = BASE_WORDS[input.base].unit;
  const k = input.k;
  const { hit, miss } = smoothedTargets(s, k);
  return (
    `Label smoothing s = ${formatNumber(s)} (Keras's categorical_crossentropy, PyTorch's CrossEntropyLoss): each one-hot label becomes y·(1−s) + s/K with K = ${formatCount(k)}, so the true class is scored at ${f(hit)} and every other class at ${f(miss)}, and every column's −log counts. ` +
    `The loss can no longer reach 0: a point's floor is the entropy of its smoothed label, −${f(hit)}·ln ${f(hit)} − ${formatCount(k - 1)}·${f(miss)}·ln ${f(miss)} = ${amount(f(toBase(smoothedFloorNatsK(s, k), input.base)), unit)}, and the floor of this loss is ${amount(f(report.smoothingFloor), unit)}.`
  );
}

/** The convention, smoothing and D² sentences of the multi-class answer, in reading order. */
export function multiclassConventionSentences(input: MulticlassInput, report: MulticlassReport): string[] {
  const unit = BASE_WORDS[input.base].unit;
  return [
    conventionSentence(input, report),
    overrideSentence(input),
    sklearnVariantSentence(input, report),
    infiniteSentence(input, report),
    report.weightedMeans && scoresOtherwise(input) ? weightedMeansWords(report.weightedMeans, report.result.n, unit) : '',
    smoothingSentence(input, report),
    report.d2 === null ? '' : d2Words(report.d2, report.result.loss, report.baseline.loss, 'class-frequency baseline'),
  ].filter((s) => s.length > 0);
}

/** The machine-readable side: the binary answer's keys, null where a value does not apply. */
export function multiclassConventionData(input: MulticlassInput, report: MulticlassReport): Record<string, unknown> {
  const scoring = input.scoring;
  return {
    convention: scoring?.settings.convention ?? 'sklearn',
    eps: scoring ? multiclassScheme(scoring.settings).eps : SKLEARN_EPS,
    reduction: scoring?.settings.reduction ?? 'mean',
    overridden: scoring?.settings.overridden ?? [],
    d2: report.d2,
    ...(report.sklearnLoss !== undefined ? { sklearnLoss: report.sklearnLoss } : {}),
    ...(report.weightedMeans ? { weightedMean: report.weightedMeans.sklearn, perBatchMean: report.weightedMeans.perBatch } : {}),
    ...(scoring?.smoothing !== undefined ? { smoothing: scoring.smoothing, smoothingFloor: report.smoothingFloor ?? null } : {}),
  };
}
