import { formatCount, formatNumber } from '../core/format.js';
import type { LoglossInput } from '../core/input/logloss-input.js';
import { amount } from '../core/wording.js';
import { conventionDefaults, SKLEARN_EPS, smoothedFloorNats, smoothLabel, toBase, type LoglossReport } from '../loss/index.js';
import { describeUnclipped } from './infinite-reason.js';
import type { ProbabilityGuard } from '../loss/conventions.js';
import { BASE_WORDS } from './units.js';
import { clipWords, d2Words, outcomeWords, reductionWords, weightedMeansWords } from './convention-words.js';

const f = (x: number) => formatNumber(x);

const LIBRARY: Record<'kaggle' | 'torch' | 'keras', string> = {
  kaggle: "Kaggle's LogLoss metric",
  torch: "PyTorch's torch.nn.BCELoss",
  keras: "Keras's binary_crossentropy",
};

function guardWords(guard: ProbabilityGuard, unit: string, base: LoglossInput['base']): string {
  if (guard.kind === 'log-floor') return `each log is clamped at −${formatNumber(-guard.floor)}, so a loss term is at most ${amount(f(toBase(-guard.floor, base)), unit)}, instead of p being clipped`;
  return clipWords(guard.eps);
}

/**
 * The one sentence that names the convention and says what differs from scikit-learn's with the
 * student's numbers. Kaggle renormalises each row of probabilities before clipping; a binary p and
 * 1−p already sum to 1, so that step changes nothing and the sentence says so.
 */
function conventionSentence(input: LoglossInput, report: LoglossReport): string {
  const scoring = input.scoring;
  if (!scoring || !scoring.conventionGiven) return '';
  const { convention } = scoring.settings;
  if (convention === 'sklearn') return '';
  const unit = BASE_WORDS[input.base].unit;
  // What is in force: the convention with any eps=/reduction= laid over it (the next sentence says which).
  const own = scoring.settings;
  const differences: string[] = [];
  if (convention === 'kaggle') differences.push('each row is renormalised to sum to 1 (a no-op for binary p, since p and 1−p already sum to 1)');
  if (input.prediction.kind === 'p') differences.push(guardWords(own.guard, unit, input.base));
  else differences.push(`nothing is clipped with logits (the loss comes from z exactly${convention === 'keras' ? ', as from_logits=True does' : convention === 'torch' ? ', as BCEWithLogitsLoss does' : ''})`);
  if (own.reduction === 'sum_over_batch_size') differences.push(`${convention === 'torch' ? "reduction='mean'" : 'the default reduction sum_over_batch_size'} is ${reductionWords(own.reduction, report.bce.n)}${input.weights ? '' : ', the same as the mean without weights'}`);
  else if (own.reduction === 'sum') differences.push(`the reduction is ${reductionWords(own.reduction, report.bce.n)}`);
  const outcome = outcomeWords(report.bce.loss, report.sklearnLoss ?? report.bce.loss, unit);
  const where = `${LIBRARY[convention]} (convention=${convention})`;
  return `Convention: scored as ${where}: ${differences.join('; ')}; ${outcome}.`;
}

/** An explicit eps= or reduction= under convention= replaces that part of it. */
function overrideSentence(input: LoglossInput): string {
  const scoring = input.scoring;
  if (!scoring || !scoring.conventionGiven || scoring.settings.overridden.length === 0) return '';
  const own = conventionDefaults(scoring.settings.convention);
  const parts = scoring.settings.overridden.map((part) => {
    if (part === 'reduction') return `reduction=${scoring.settings.reduction} replaces its ${own.reduction}`;
    const ownGuard = own.guard.kind === 'clip' ? `ε = ${formatNumber(own.guard.eps, 3)}` : `log clamp at −${formatNumber(-own.guard.floor)}`;
    return `eps=${formatNumber(scoring.eps ?? 0, 3)} replaces its ${ownGuard}`;
  });
  return `Your options override convention=${scoring.settings.convention}: ${parts.join(', and ')}.`;
}

/**
 * With eps=0 a probability of exactly 0 for the true class is scored as it is: −log 0 = ∞, the
 * true value. Undefined when no point is infinite for that reason (an overflow has its own).
 */
export function unclippedReason(input: LoglossInput, report: LoglossReport): string | undefined {
  const guard = input.scoring?.settings.guard;
  if (input.prediction.kind !== 'p' || guard?.kind !== 'clip' || guard.eps !== 0) return undefined;
  const points: number[] = [];
  for (let i = 0; i < report.bce.n; i++) {
    const used = report.bce.probabilities[i] as number;
    if (report.bce.perPoint[i] === Infinity && (used === 0 || used === 1)) points.push(i);
  }
  return points.length > 0 ? describeUnclipped(points, input.base) : undefined;
}

function epsSentence(input: LoglossInput, report: LoglossReport): string {
  const scoring = input.scoring;
  if (scoring?.eps === undefined || input.prediction.kind !== 'p') {
    return scoring?.eps !== undefined ? `eps=${formatNumber(scoring.eps, 3)} does not apply here: with ${input.prediction.kind === 'x' ? 'the fitted model' : 'logits'} the loss is computed from z exactly and nothing is clipped.` : '';
  }
  const { clippedCount } = report.bce.clipping;
  if (scoring.eps === 0) {
    return `eps=0: nothing is clipped, so a probability of exactly 0 for a label of 1 (or 1 for a 0) costs −ln 0 = ∞ instead of ${amount(f(toBase(-Math.log(SKLEARN_EPS), input.base)), BASE_WORDS[input.base].unit)}.`;
  }
  return `eps=${formatNumber(scoring.eps, 3)}: p is clipped to [${formatNumber(scoring.eps, 3)}, 1−${formatNumber(scoring.eps, 3)}]; ${clippedCount === 0 ? 'no p lay outside it' : `${formatCount(clippedCount)} p value${clippedCount === 1 ? ' was' : 's were'} moved to its edge`}.`;
}

function weightsSentence(input: LoglossInput, report: LoglossReport): string {
  return report.weightedMeans ? weightedMeansWords(report.weightedMeans, report.bce.n, BASE_WORDS[input.base].unit) : '';
}

function posWeightSentence(input: LoglossInput, report: LoglossReport): string {
  const w = input.scoring?.posWeight;
  if (w === undefined || report.posWeightOptimum === undefined) return '';
  const rate = report.baseline.rate;
  const pw = formatNumber(w);
  return (
    `pos_weight = ${pw} (PyTorch's BCEWithLogitsLoss): each label-1 point's term −${BASE_WORDS[input.base].log}(p) is multiplied by ${pw}, as if every positive were counted ${pw} times, so the loss is −[${pw}·y·${BASE_WORDS[input.base].log} σ(z) + (1−y)·${BASE_WORDS[input.base].log}(1−σ(z))]. ` +
    `That moves the best constant prediction from the base rate π = ${f(rate)} to ${pw}·π / (${pw}·π + 1 − π) = ${f(report.posWeightOptimum)}.`
  );
}

function smoothingSentence(input: LoglossInput, report: LoglossReport): string {
  const s = input.scoring?.smoothing;
  if (s === undefined || s === 0 || report.smoothingFloor === undefined) return '';
  const unit = BASE_WORDS[input.base].unit;
  const one = smoothLabel(1, s);
  const posWeight = input.scoring?.posWeight ?? 1;
  const floorOne = toBase(smoothedFloorNats(1, s, posWeight), input.base);
  const floorName = posWeight === 1 ? `the entropy of its smoothed label, H(${f(one)}) =` : `with pos_weight = ${formatNumber(posWeight)}`;
  return (
    `Label smoothing s = ${formatNumber(s)} (Keras): each label y is scored as y·(1−s) + s/2, so a 1 becomes ${f(one)} and a 0 becomes ${f(s / 2)}. ` +
    `The loss can no longer reach 0: a point's floor is ${floorName} ${amount(f(floorOne), unit)} for a label of 1, and the floor of this loss is ${amount(f(report.smoothingFloor), unit)}.`
  );
}

function d2Sentence(report: LoglossReport): string {
  return report.d2 === null ? '' : d2Words(report.d2, report.bce.loss, report.baseline.loss, 'base rate');
}

/** The convention, pos_weight, smoothing and D² sentences of the /logloss answer, in reading order. */
export function conventionSentences(input: LoglossInput, report: LoglossReport): string[] {
  return [
    conventionSentence(input, report),
    overrideSentence(input),
    epsSentence(input, report),
    weightsSentence(input, report),
    posWeightSentence(input, report),
    smoothingSentence(input, report),
    d2Sentence(report),
  ].filter((s) => s.length > 0);
}

/** The machine-readable side of the same: stable keys, null where a value does not apply. */
export function conventionData(input: LoglossInput, report: LoglossReport): Record<string, unknown> {
  const scoring = input.scoring;
  const guard = scoring?.settings.guard;
  return {
    convention: scoring?.settings.convention ?? 'sklearn',
    eps: input.prediction.kind !== 'p' ? null : guard?.kind === 'log-floor' ? null : (guard?.eps ?? SKLEARN_EPS),
    logFloor: input.prediction.kind === 'p' && guard?.kind === 'log-floor' ? guard.floor : null,
    overridden: scoring?.settings.overridden ?? [],
    d2: report.d2,
    ...(report.sklearnLoss !== undefined ? { sklearnLoss: report.sklearnLoss } : {}),
    ...(report.weightedMeans ? { weightedMean: report.weightedMeans.sklearn, perBatchMean: report.weightedMeans.perBatch } : {}),
    ...(scoring?.posWeight !== undefined ? { posWeight: scoring.posWeight, posWeightOptimum: report.posWeightOptimum ?? null } : {}),
    ...(scoring?.smoothing !== undefined ? { smoothing: scoring.smoothing, smoothingFloor: report.smoothingFloor ?? null } : {}),
  };
}
