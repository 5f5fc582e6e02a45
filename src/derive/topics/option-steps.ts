import { smoothedFloorNats } from '../../loss/index.js';
import type { DeriveNumbers, DerivationStep } from '../derivation.js';
import { classProbabilities, mean, perPoint } from '../derive-math.js';
import { BREAK, cat, listOf, lnOf, num, sub, sumOf, unitOf } from '../notation.js';
import { optionLoss, scoredLabel, weightedPointLoss, weightOf } from '../weighted-math.js';

/**
 * Binary steps for pos_weight (PyTorch's BCEWithLogitsLoss: ℓ = −[w·y·ln σ(z) + (1 − y)·ln(1 − σ(z))])
 * and label smoothing (Keras's BinaryCrossentropy: y·(1 − s) + 0.5·s). Shared by bce, cross-entropy
 * and the two-class categorical steps; every builder here is only used with numbers.
 */

const LOSS = 'mean loss with the options';

const weighted = (numbers: DeriveNumbers): boolean => numbers.posWeight !== undefined;
const smoothed = (numbers: DeriveNumbers): boolean => numbers.smoothing !== undefined;

export function smoothedLabelsStep(numbers: DeriveNumbers): DerivationStep {
  const s = num(numbers.smoothing ?? 0);
  return {
    title: 'Label smoothing softens the labels',
    text: 'Keras\'s label smoothing s moves every label a little towards 1/2 before scoring: a 1 becomes 1 − s/2 and a 0 becomes s/2, so the model is never asked to be certain.',
    equation: { tex: "y' = y\\,(1 - s) + \\frac{s}{2}", unicode: 'y′ = y (1 − s) + s/2' },
    plugged: listOf(numbers.y.length, (i) => cat(["y'", 'y′'], sub(i), ` = ${numbers.y[i]}`, [`\\cdot(1 - ${s.tex}) + \\frac{${s.tex}}{2}`, `·(1 − ${s.unicode}) + ${s.unicode}/2`], ' = ', num(scoredLabel(numbers, i)))),
    check: { quantity: 'smoothed label of each point', value: perPoint(numbers, (i) => scoredLabel(numbers, i)) },
  };
}

function formula(numbers: DeriveNumbers): { tex: string; unicode: string } {
  const y = smoothed(numbers) ? ["y'", 'y′'] : ['y', 'y'];
  const w = weighted(numbers) ? ['w\\, ', 'w '] : ['', ''];
  return { tex: `\\ell = -\\big[\\, ${w[0]}${y[0]} \\ln p + (1-${y[0]})\\ln(1-p) \\,\\big]`, unicode: `ℓ = −[ ${w[1]}${y[1]} ln p + (1 − ${y[1]}) ln(1 − p) ]` };
}

export function pointLossStep(numbers: DeriveNumbers): DerivationStep {
  const w = weightOf(numbers);
  const parts = [weighted(numbers) ? 'pos_weight w multiplies the log-likelihood of label 1, as if each 1 were seen w times' : '', smoothed(numbers) ? 'the smoothed label y′ takes the place of y, so both terms count for every point' : ''].filter((t) => t.length > 0);
  const values = perPoint(numbers, (i) => weightedPointLoss(numbers, i));
  return {
    title: weighted(numbers) ? 'The weighted likelihood' : 'The loss with smoothed labels',
    text: `Each point costs the negative log-likelihood of its label: ${parts.join(', and ')}.`,
    equation: formula(numbers),
    plugged: listOf(numbers.y.length, (i) => {
      const { p1, p0 } = classProbabilities(numbers, i);
      const label = num(scoredLabel(numbers, i));
      const wl = weighted(numbers) ? cat(num(w), [' \\cdot ', '·'], label) : label;
      const rest = num(1 - scoredLabel(numbers, i));
      return cat(['\\ell', 'ℓ'], sub(i), [' = -\\big[', ' = −['], wl, [' \\cdot ', '·'], lnOf(p1), weighted(numbers) && smoothed(numbers) ? BREAK : '', ' + ', rest, [' \\cdot ', '·'], lnOf(p0), ['\\big] = ', '] = '], num(values[i] as number));
    }),
    check: { quantity: LOSS, value: mean(values) },
  };
}

export function optionMeanStep(numbers: DeriveNumbers): DerivationStep {
  const n = numbers.y.length;
  const loss = optionLoss(numbers);
  return {
    title: 'Average over the points',
    text: 'The loss is the mean of the per-point costs, the default reduction of PyTorch, Keras and scikit-learn alike; /logloss with the same options reports the same number.',
    equation: { tex: 'L = \\frac{1}{N} \\sum_{i=1}^{N} \\ell_i', unicode: 'L = (1/N) Σᵢ ℓᵢ' },
    plugged: cat([`L = \\frac{1}{${n}}\\big(`, `L = (1/${n})(`], sumOf(perPoint(numbers, (i) => weightedPointLoss(numbers, i))), ['\\big) = ', ') = '], num(loss), unitOf(loss, 'nats')),
    check: { quantity: LOSS, value: loss },
  };
}

/**
 * The least a point can cost against y′ = y(1 − s) + s/2: at c = w·y′ / (w·y′ + 1 − y′) (c = y′, the
 * entropy H(y′), without weight). Each term is skipped when its factor is 0, as scipy's xlogy does:
 * s = 1e-323 makes w·y′ round to 0 and c to 0, and 0·ln 0 must count 0, not NaN.
 */
export function floorOf(y: number, s: number, w: number): number {
  // 0 + (…): with s = 0 the floor is +0, which prints as 0 rather than −0.
  return 0 + smoothedFloorNats(y, s, w);
}

/** The least each point can cost: at p = y′ without weight, H(y′) by Gibbs' inequality (label-smoothing.ts). */
export function smoothedFloorStep(numbers: DeriveNumbers): DerivationStep {
  const s = numbers.smoothing ?? 0;
  const w = weightOf(numbers);
  const floors = perPoint(numbers, (i) => floorOf(numbers.y[i] as number, s, w));
  const floor = mean(floors);
  const withWeight = weighted(numbers) ? ' With pos_weight the best p is w·y′ / (w·y′ + 1 − y′) instead, and the floor is the loss there.' : '';
  return {
    title: s === 0 ? 'The floor of the loss' : 'The loss can no longer reach 0',
    text: s === 0 ? `With s = 0 the labels stay certain, H(y′) = 0, and the loss can still reach 0 at p = y; any s > 0 raises this floor above 0.${withWeight}` : `A smoothed label is not certain, so even the best prediction, p = y′, leaves the label's own entropy H(y′) behind: that is the least the loss can be.${withWeight}`,
    equation: { tex: "\\min_p \\ell = H(y') = -\\big[\\, y' \\ln y' + (1-y') \\ln(1-y') \\,\\big] > 0", unicode: 'min_p ℓ = H(y′) = −[ y′ ln y′ + (1 − y′) ln(1 − y′) ] > 0' },
    plugged: cat(listOf(numbers.y.length, (i) => cat(weighted(numbers) ? ['\\min \\ell', 'min ℓ'] : ['H(', 'H('], weighted(numbers) ? sub(i) : num(scoredLabel(numbers, i)), weighted(numbers) ? ' = ' : ') = ', num(floors[i] as number))), [', \\quad L \\ge ', ',  L ≥ '], num(floor), unitOf(floor, 'nats')),
    check: { quantity: 'least possible loss', value: floor },
  };
}

/** The steps for the options given, in reading order. */
export function optionSteps(numbers: DeriveNumbers): DerivationStep[] {
  return [...(smoothed(numbers) ? [smoothedLabelsStep(numbers)] : []), pointLossStep(numbers), ...(smoothed(numbers) ? [smoothedFloorStep(numbers)] : []), optionMeanStep(numbers)];
}

/** What the result is called with the options given. */
export function optionResultName(numbers: DeriveNumbers): string {
  const named = [weighted(numbers) ? `pos_weight ${numbers.posWeight}` : '', smoothed(numbers) ? `label smoothing ${numbers.smoothing}` : ''].filter((t) => t.length > 0);
  return `binary cross-entropy with ${named.join(' and ')}`;
}
