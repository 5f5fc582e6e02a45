import type { ClassNumbers, DeriveNumbers, DerivationStep, Equation } from '../derivation.js';
import { clip, mean, perPoint } from '../derive-math.js';
import { cat, joinTerms, listOf, lnOf, num, sup, unitOf } from '../notation.js';
import { scoresOf, softmax } from './categorical-classes.js';

/**
 * topic=categorical with K classes and Keras's label smoothing (CategoricalCrossentropy(label_smoothing=s):
 * y_true · (1 − s) + s / num_classes): the one-hot label becomes 1 − s + s/K at the true class and
 * s/K elsewhere, every class's ln p then counts, and the label's own entropy is the least the loss can be.
 */

const LOSS = 'mean loss with smoothed labels';

const row = (values: Float64Array, k: number, i: number): number[] => Array.from(values.subarray(i * k, (i + 1) * k));

/** Point i's smoothed label for class c. */
export function smoothedClassLabel(numbers: DeriveNumbers, i: number, c: number): number {
  const { k } = numbers.classes as ClassNumbers;
  const s = numbers.smoothing ?? 0;
  return (c === numbers.y[i] ? 1 - s : 0) + s / k;
}

const labelsOf = (numbers: DeriveNumbers, i: number): number[] => Array.from({ length: (numbers.classes as ClassNumbers).k }, (_, c) => smoothedClassLabel(numbers, i, c));

/** ln p_c of every class: log-softmax with the largest score out from logits (exact at 800), ln of the clipped p otherwise. */
export function logProbabilities(classes: ClassNumbers, i: number): number[] {
  if (!classes.logits) return row(classes.p, classes.k, i).map((p) => Math.log(clip(p)));
  const z = row(classes.logits, classes.k, i);
  const top = Math.max(...z);
  const lse = top + Math.log(z.reduce((sum, zk) => sum + Math.exp(zk - top), 0));
  return z.map((zc) => zc - lse);
}

/** −Σ_c y′_c ln p_c; a class with y′_c = 0 (s = 0) adds nothing even where ln p_c is −∞. */
export function smoothedClassPointLoss(numbers: DeriveNumbers, i: number): number {
  const logs = logProbabilities(numbers.classes as ClassNumbers, i);
  return -labelsOf(numbers, i).reduce((sum, y, c) => (y === 0 ? sum : sum + y * (logs[c] as number)), 0);
}

export const smoothedClassLoss = (numbers: DeriveNumbers): number => mean(perPoint(numbers, (i) => smoothedClassPointLoss(numbers, i)));

/** H(y′) of a smoothed K-class label, the same for every point: (1 − s + s/K) at one class, s/K at K − 1. */
export function smoothedClassFloor(k: number, s: number): number {
  const top = 1 - s + s / k;
  const rest = s / k;
  return 0 - (top * Math.log(top) + (rest === 0 ? 0 : (k - 1) * rest * Math.log(rest)));
}

function vector(values: readonly number[]): Equation {
  const parts = values.map((v) => num(v));
  return { tex: `\\left(${parts.map((p) => p.tex).join(',\\, ')}\\right)`, unicode: `(${parts.map((p) => p.unicode).join(', ')})` };
}

export function smoothedOneHotStep(numbers: DeriveNumbers): DerivationStep {
  const { k } = numbers.classes as ClassNumbers;
  const s = num(numbers.smoothing ?? 0);
  return {
    title: 'Label smoothing softens the one-hot labels',
    text: `Keras's label smoothing s takes s from the true class and shares it equally over all ${k} classes, so the model is never asked to be certain.`,
    equation: { tex: "y'_{c} = y_{c}\\,(1 - s) + \\frac{s}{K}", unicode: 'y′_c = y_c (1 − s) + s/K' },
    plugged: listOf(numbers.y.length, (i) => cat(["y'", 'y′'], sup(i), [` = (1 - ${s.tex})\\,\\mathbf{e}_{${numbers.y[i]}} + \\frac{${s.tex}}{${k}} = `, ` = (1 − ${s.unicode}) e_${numbers.y[i]} + ${s.unicode}/${k} = `], vector(labelsOf(numbers, i)))),
    check: { quantity: 'smoothed label of the true class', value: perPoint(numbers, (i) => smoothedClassLabel(numbers, i, numbers.y[i] as number)) },
  };
}

export function smoothedClassLossStep(numbers: DeriveNumbers): DerivationStep {
  const classes = numbers.classes as ClassNumbers;
  const values = perPoint(numbers, (i) => smoothedClassPointLoss(numbers, i));
  return {
    title: 'Every class now counts',
    text: 'With a smoothed label no term of the sum vanishes: each class costs its share y′_c times −ln p_c, so a tiny probability on any class is paid for.',
    equation: { tex: "\\ell_i = -\\sum_{c=0}^{K-1} y'_{i,c} \\ln p_{i,c}", unicode: 'ℓᵢ = −Σ_c y′_i,c ln p_i,c' },
    plugged: listOf(numbers.y.length, (i) => {
      const p = softmax(scoresOf(classes, i));
      const terms = joinTerms(classes.k, (c) => cat(num(smoothedClassLabel(numbers, i, c)), [' \\cdot ', '·'], lnOf(p[c] as number)), { tex: '+', unicode: '+' });
      return cat(['\\ell', 'ℓ'], sup(i), [' = -\\big(', ' = −('], terms, ['\\big) = ', ') = '], num(values[i] as number));
    }),
    check: { quantity: LOSS, value: mean(values) },
  };
}

export function smoothedClassFloorStep(numbers: DeriveNumbers): DerivationStep {
  const { k } = numbers.classes as ClassNumbers;
  const s = numbers.smoothing ?? 0;
  const floor = smoothedClassFloor(k, s);
  const top = num(1 - s + s / k);
  const rest = num(s / k);
  return {
    title: s === 0 ? 'The floor of the loss' : 'The loss can no longer reach 0',
    text: s === 0 ? 'With s = 0 the label stays one-hot, H(y′) = 0, and the loss can still reach 0; any s > 0 raises this floor above 0 (Gibbs\' inequality).' : 'A smoothed label is not certain, so even the best prediction, p = y′, leaves the label\'s own entropy H(y′) behind (Gibbs\' inequality): that is the least each point can cost.',
    equation: { tex: "\\min_p \\ell_i = H(y') = -\\sum_{c} y'_c \\ln y'_c > 0", unicode: 'min_p ℓᵢ = H(y′) = −Σ_c y′_c ln y′_c > 0' },
    plugged: cat(["H(y') = -\\big(", 'H(y′) = −('], top, [' \\cdot ', '·'], lnOf(1 - s + s / k), ` + ${k - 1}`, [' \\cdot ', '·'], rest, [' \\cdot ', '·'], lnOf(s / k), ['\\big) = ', ') = '], num(floor), unitOf(floor, 'nats')),
    check: { quantity: 'least possible loss', value: floor },
  };
}

export function smoothedClassAverageStep(numbers: DeriveNumbers): DerivationStep {
  const n = numbers.y.length;
  const loss = smoothedClassLoss(numbers);
  const terms = joinTerms(n, (i) => num(smoothedClassPointLoss(numbers, i)), { tex: '+', unicode: '+' });
  return {
    title: 'Average over the points',
    text: 'The loss is the mean of the per-point costs, Keras\'s default reduction; it stays above the floor of the step before.',
    equation: { tex: 'L = \\frac{1}{N} \\sum_{i=1}^{N} \\ell_i', unicode: 'L = (1/N) Σᵢ ℓᵢ' },
    plugged: n === 1 ? cat('L = ', num(loss), unitOf(loss, 'nats')) : cat([`L = \\frac{1}{${n}}\\Big(`, `L = (1/${n})(`], terms, ['\\Big) = ', ') = '], num(loss), unitOf(loss, 'nats')),
    check: { quantity: LOSS, value: loss },
  };
}
