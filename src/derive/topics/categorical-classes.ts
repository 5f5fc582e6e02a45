import type { ClassNumbers, DeriveNumbers, DerivationStep, Equation } from '../derivation.js';
import { clip, mean, perPoint } from '../derive-math.js';
import { BREAK, cat, joinTerms, listOf, lnOf, num, sup, unitOf } from '../notation.js';

/**
 * topic=categorical with K classes per point (`y=2 p=0.2,0.3,0.5`, or rows for several points):
 * the same four ideas as the two-class steps, with every class written out.
 */

const LOSS = 'mean categorical cross-entropy';

const row = (values: Float64Array, k: number, i: number): number[] => Array.from(values.subarray(i * k, (i + 1) * k));

/**
 * Point i's K scores: the logits given, or ln(p_c / p_0) from probabilities, so that class 0
 * scores 0 as in the two-class form (z₀, z₁) = (0, z); softmax of either gives back p.
 */
export function scoresOf(classes: ClassNumbers, i: number): number[] {
  if (classes.logits) return row(classes.logits, classes.k, i);
  const p = row(classes.p, classes.k, i).map(clip);
  return p.map((pc) => Math.log(pc) - Math.log(p[0] as number));
}

/** Softmax with the largest score subtracted first, so e^z never overflows (scores of 800 are allowed). */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const e = scores.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * ln of the probability point i gave its true class: from scores z_t − ln Σ e^{z_k} (log-sum-exp
 * with the largest score taken out, exact where the softmax rounds to 0), from p ln of the clipped p.
 */
export function logTrueClassOf(numbers: DeriveNumbers, i: number): number {
  const classes = numbers.classes as ClassNumbers;
  const t = numbers.y[i] as number;
  if (!classes.logits) return Math.log(clip(classes.p[i * classes.k + t] as number));
  const z = row(classes.logits, classes.k, i);
  const top = Math.max(...z);
  return (z[t] as number) - top - Math.log(z.reduce((sum, zk) => sum + Math.exp(zk - top), 0));
}

export const classLoss = (numbers: DeriveNumbers): number => mean(perPoint(numbers, (i) => -logTrueClassOf(numbers, i)));

function vector(values: readonly number[]): Equation {
  const parts = values.map((v) => num(v));
  return { tex: `\\left(${parts.map((p) => p.tex).join(',\\, ')}\\right)`, unicode: `(${parts.map((p) => p.unicode).join(', ')})` };
}

const oneHotOf = (k: number, t: number): string => `(${Array.from({ length: k }, (_, c) => (c === t ? 1 : 0)).join(', ')})`;

export function softmaxStep(numbers: DeriveNumbers): DerivationStep {
  const classes = numbers.classes as ClassNumbers;
  const { k } = classes;
  const given = classes.logits ? 'Below, softmax turns your scores into probabilities.' : 'Your probabilities are the softmax of the scores z_c = ln(p_c / p₀), class 0 scoring 0; below, softmax gives them back.';
  const step: DerivationStep = {
    title: 'Softmax turns K scores into probabilities',
    text: `A classifier with K classes outputs one score per class; here K = ${k}, classes 0 to ${k - 1}. Exponentiating makes the scores positive and dividing by their sum makes them add up to 1. ${given}`,
    equation: {
      tex: `p_c = \\frac{e^{z_c}}{\\sum_{k=0}^{K-1} e^{z_k}}, \\qquad c = 0, \\ldots, ${k - 1}`,
      unicode: `p_c = e^z_c / Σₖ e^zₖ (k = 0 … K − 1), c = 0 … ${k - 1}`,
    },
  };
  const probabilities = perPoint(numbers, (i) => softmax(scoresOf(classes, i)));
  step.plugged = listOf(numbers.y.length, (i) => cat('p', sup(i), [' = \\mathrm{softmax}', ' = softmax'], vector(scoresOf(classes, i)), BREAK, ' = ', vector(probabilities[i] as number[])));
  step.check = { quantity: 'probability of the true class', value: perPoint(numbers, (i) => (probabilities[i] as number[])[numbers.y[i] as number] as number) };
  return step;
}

export function oneHotStep(numbers: DeriveNumbers): DerivationStep {
  const { k } = numbers.classes as ClassNumbers;
  const step: DerivationStep = {
    title: 'Labels as one-hot vectors',
    text: `Write each label as a vector of ${k} with a 1 at the true class and 0 elsewhere, class 0 first. The loss is the cross-entropy between that vector and the predicted probabilities, averaged over the points.`,
    equation: { tex: 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\sum_{c=0}^{K-1} y_{i,c} \\ln p_{i,c}', unicode: 'L = −(1/N) Σᵢ Σ_c y_i,c ln p_i,c' },
  };
  step.plugged = listOf(numbers.y.length, (i) => cat('y', sup(i), ` = ${numbers.y[i]}`, [' \\to ', ' → '], oneHotOf(k, numbers.y[i] as number)));
  step.check = { quantity: LOSS, value: classLoss(numbers) };
  return step;
}

export function trueClassStep(numbers: DeriveNumbers): DerivationStep {
  const classes = numbers.classes as ClassNumbers;
  const step: DerivationStep = {
    title: 'Only the true class counts',
    text: 'Every term with y = 0 vanishes, so each point costs −ln of the probability it gave its true class, however the other classes share the rest.',
    equation: { tex: '-\\sum_{c=0}^{K-1} y_{i,c} \\ln p_{i,c} = -\\ln p_{i,\\,t_i}, \\qquad t_i = \\text{the true class of point } i', unicode: '−Σ_c y_i,c ln p_i,c = −ln p_i,tᵢ  (tᵢ = the true class of point i)' },
  };
  const values = perPoint(numbers, (i) => -logTrueClassOf(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => {
    const t = numbers.y[i] as number;
    const pt = softmax(scoresOf(classes, i))[t] as number;
    return cat(['-', '−'], lnOf(pt), ' = ', num(values[i] as number));
  });
  step.check = { quantity: LOSS, value: mean(values) };
  return step;
}

export function averageStep(numbers: DeriveNumbers): DerivationStep {
  const n = numbers.y.length;
  const step: DerivationStep = {
    title: 'Average over the points',
    text: 'The loss is the mean of those costs. With K = 2 the same sum is the binary cross-entropy: softmax with two scores and sigmoid with one are the same model.',
    equation: { tex: 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln p_{i,\\,t_i}', unicode: 'L = −(1/N) Σᵢ ln p_i,tᵢ' },
  };
  const loss = classLoss(numbers);
  const terms = joinTerms(n, (i) => num(-logTrueClassOf(numbers, i)), { tex: '+', unicode: '+' });
  step.plugged = n === 1 ? cat('L = ', num(loss), unitOf(loss, 'nats')) : cat([`L = \\frac{1}{${n}}\\Big(`, `L = (1/${n})(`], terms, ['\\Big) = ', ') = '], num(loss), unitOf(loss, 'nats'));
  step.check = { quantity: LOSS, value: loss };
  return step;
}
