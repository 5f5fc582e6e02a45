import { posWeightOptimum } from '../../loss/index.js';
import type { DeriveNumbers, DerivationStep } from '../derivation.js';
import { classProbabilities, mean, perPoint, pOf } from '../derive-math.js';
import { cat, listOf, num, sub, sumOf } from '../notation.js';
import { weightOf } from '../weighted-math.js';

/**
 * The gradient steps under PyTorch's BCEWithLogitsLoss(pos_weight=w), whose documentation gives
 * ℓ = −[w·y·ln σ(z) + (1 − y)·ln(1 − σ(z))]. Labels are 0 or 1 here (smoothing is not a gradient option).
 */

/** ∂ℓ/∂z = w·y·(p − 1) + (1 − y)·p, with p − 1 written −σ(−z) so z = 800 keeps its digits. */
export function weightedResidual(numbers: DeriveNumbers, i: number): number {
  const y = numbers.y[i] as number;
  const { p1, p0 } = numbers.logits ? classProbabilities(numbers, i) : { p1: pOf(numbers, i), p0: 1 - pOf(numbers, i) };
  return y === 1 ? -weightOf(numbers) * p0 : p1;
}

export const weightedGradient = (numbers: DeriveNumbers): number => mean(perPoint(numbers, (i) => weightedResidual(numbers, i)));

export function weightedInP(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'pos_weight scales the loss of a 1',
    text: 'PyTorch\'s pos_weight w multiplies the term of label 1, so a missed positive costs w times as much. Differentiate one point\'s loss in p: −w/p for y = 1 and 1/(1 − p) for y = 0.',
    equation: {
      tex: '\\ell = -\\big[\\, w\\, y \\ln p + (1-y)\\ln(1-p) \\,\\big], \\qquad \\frac{\\partial \\ell}{\\partial p} = -\\frac{w\\, y}{p} + \\frac{1-y}{1-p}',
      unicode: 'ℓ = −[ w y ln p + (1 − y) ln(1 − p) ],  ∂ℓ/∂p = −w y/p + (1 − y)/(1 − p)',
    },
  };
  if (!numbers) return step;
  const w = weightOf(numbers);
  const values = perPoint(numbers, (i) => {
    const p = pOf(numbers, i);
    return numbers.y[i] === 1 ? -w / p : 1 / (1 - p);
  });
  step.plugged = listOf(numbers.y.length, (i) => {
    const p = num(pOf(numbers, i));
    const plugged: [string, string] = numbers.y[i] === 1 ? [`-\\frac{${num(w).tex}}{${p.tex}}`, `−${num(w).unicode}/${p.unicode}`] : [`\\frac{1}{1 - ${p.tex}}`, `1/(1 − ${p.unicode})`];
    return cat(['\\partial \\ell', '∂ℓ'], sub(i), ['/\\partial p', '/∂p'], sub(i), ' = ', plugged, ' = ', num(values[i] as number));
  });
  step.check = { quantity: '∂ℓ/∂p for each point', value: values };
  return step;
}

export function weightedChain(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The chain rule with pos_weight',
    text: 'Multiply by dp/dz = p(1 − p). A 1 now pulls with w times its error, a 0 as before; at w = 1 both cases are p − y again.',
    equation: {
      tex: '\\frac{\\partial \\ell}{\\partial z} = w\\, y\\,(p - 1) + (1-y)\\, p \\;\\overset{w=1}{=}\\; p - y',
      unicode: '∂ℓ/∂z = w y (p − 1) + (1 − y) p  (w = 1: p − y)',
    },
  };
  if (!numbers) return step;
  const w = num(weightOf(numbers));
  const values = perPoint(numbers, (i) => weightedResidual(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => {
    const p = num(pOf(numbers, i));
    // A 0's gradient is its p itself: written as p₂ = 0.3, not 0.3 = 0.3.
    const plugged = numbers.y[i] === 1 ? cat([`${w.tex}\\,(${p.tex} - 1)`, `${w.unicode}·(${p.unicode} − 1)`]) : cat('p', sub(i));
    return cat(['\\partial \\ell', '∂ℓ'], sub(i), ['/\\partial z', '/∂z'], sub(i), ' = ', plugged, ' = ', num(values[i] as number));
  });
  step.check = { quantity: '∂ℓ/∂z for each point', value: values };
  return step;
}

export function weightedMean(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The gradient for the intercept',
    text: 'In logistic regression z = w·x + b, and the intercept b gets the mean of the per-point gradients (PyTorch\'s default reduction is the mean).',
    equation: { tex: '\\frac{\\partial L}{\\partial b} = \\frac{1}{N} \\sum_{i=1}^{N} \\big[\\, w\\, y_i (p_i - 1) + (1-y_i)\\, p_i \\,\\big]', unicode: '∂L/∂b = (1/N) Σᵢ [ w yᵢ (pᵢ − 1) + (1 − yᵢ) pᵢ ]' },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const gradient = weightedGradient(numbers);
  step.plugged = cat([`\\frac{\\partial L}{\\partial b} = \\frac{1}{${n}}\\big(`, `∂L/∂b = (1/${n})(`], sumOf(perPoint(numbers, (i) => weightedResidual(numbers, i))), ['\\big) = ', ') = '], num(gradient));
  step.check = { quantity: 'mean of ∂ℓ/∂z', value: gradient };
  return step;
}

export function weightedOptimum(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'pos_weight moves the optimum',
    text: 'Predicting one constant c for every point, the mean gradient w·π·(c − 1) + (1 − π)·c vanishes at the c* below, π being the share of 1s. Without weight that is the base rate π itself; w > 1 pushes the best constant prediction up, w < 1 down, so the predictions are no longer calibrated probabilities.',
    equation: { tex: 'c^{*} = \\frac{w\\,\\pi}{w\\,\\pi + 1 - \\pi}, \\qquad \\pi = \\frac{1}{N}\\sum_{i=1}^{N} y_i', unicode: 'c* = w π / (w π + 1 − π),  π = (1/N) Σᵢ yᵢ' },
  };
  if (!numbers) return step;
  const w = weightOf(numbers);
  const rate = mean(Array.from(numbers.y));
  const best = posWeightOptimum(rate, w);
  const wpi = `${num(w).tex} \\cdot ${num(rate).tex}`;
  const wpiU = `${num(w).unicode}·${num(rate).unicode}`;
  step.plugged = cat(['\\pi = ', 'π = '], num(rate), [`, \\quad c^{*} = \\frac{${wpi}}{${wpi} + 1 - ${num(rate).tex}}`, `,  c* = ${wpiU} / (${wpiU} + 1 − ${num(rate).unicode})`], ' = ', num(best));
  step.check = { quantity: 'loss-minimising constant prediction', value: best };
  return step;
}

export function weightedConvexity(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Still convex',
    text: 'Differentiate once more: a 1 curves with w·p(1 − p), a 0 with p(1 − p). Both are never negative for w > 0, so the weighted loss is still convex in the weights, with no local minima.',
    equation: { tex: '\\frac{\\partial^2 \\ell}{\\partial z^2} = \\big(w\\, y + 1 - y\\big)\\, p(1-p) \\ge 0', unicode: '∂²ℓ/∂z² = (w y + 1 − y) p(1 − p) ≥ 0' },
  };
  if (!numbers) return step;
  const w = weightOf(numbers);
  const values = perPoint(numbers, (i) => (numbers.y[i] === 1 ? w : 1) * pOf(numbers, i) * (1 - pOf(numbers, i)));
  step.plugged = listOf(numbers.y.length, (i) => {
    const p = num(pOf(numbers, i));
    const factor: [string, string] = numbers.y[i] === 1 ? [`${num(w).tex} \\cdot `, `${num(w).unicode}·`] : ['', ''];
    return cat(['\\partial^2 \\ell', '∂²ℓ'], sub(i), ['/\\partial z', '/∂z'], sub(i), ['^2', '²'], ' = ', factor, p, ['(1 - ', '(1 − '], p, ') = ', num(values[i] as number));
  });
  step.check = { quantity: 'curvature ∂²ℓ/∂z² for each point', value: values };
  return step;
}
