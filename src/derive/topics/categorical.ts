import type { DeriveNumbers, DerivationStep, Topic } from '../derivation.js';
import { defineTopic, variantTopic, withBinaryOptions } from './define-topic.js';
import { smoothedClassAverageStep, smoothedClassFloorStep, smoothedClassLoss, smoothedClassLossStep, smoothedOneHotStep } from './categorical-smoothing.js';
import { classProbabilities, logTrueClass, mean, perPoint, pOf } from '../derive-math.js';
import { cat, joinTerms, listOf, lnOf, num, sub, sup, unitOf } from '../notation.js';
import { moduleLoss } from './bce.js';
import { averageStep, classLoss, oneHotStep, softmaxStep, trueClassStep } from './categorical-classes.js';

const LOSS = 'mean categorical cross-entropy';

/** Softmax and categorical cross-entropy, which reduce to sigmoid and BCE for two classes (Goodfellow et al. §6.2.2.3; Bishop §4.3.4). */
const plainCategorical: Topic = defineTopic({
  name: 'categorical',
  title: 'Categorical cross-entropy and softmax',
  blurb: 'With K classes the loss is −ln of the softmax probability of the true class; for two classes it is the binary log loss. Give one point with K classes as y=2 p=0.2,0.3,0.5, several as rows: y=2,0 p=[[0.2,0.3,0.5],[0.7,0.2,0.1]].',
  needs: 'labels-and-probabilities',
  steps: [softmax, oneHot, trueClassOnly, twoClasses],
  startsFromScores: false,
  result: (numbers) =>
    numbers.classes
      ? { name: `categorical cross-entropy over ${numbers.classes.k} classes`, symbol: 'L', value: classLoss(numbers), unit: 'nats' }
      : { name: 'categorical cross-entropy (two classes)', symbol: 'L', value: moduleLoss(numbers), unit: 'nats' },
});

/** With pos_weight or smoothing: the same opening, then the weighted or smoothed loss (option-steps.ts). */
const binaryOrPlain: Topic = withBinaryOptions(plainCategorical, [(numbers) => softmax(numbers)], false);

/** K classes with smoothing (categorical-smoothing.ts): softmax, the smoothed labels, their loss, its floor, the mean. */
const smoothedClasses: Topic = {
  ...plainCategorical,
  derive: (numbers) => {
    const n = numbers as DeriveNumbers;
    const steps = [softmaxStep(n), smoothedOneHotStep(n), smoothedClassLossStep(n), smoothedClassFloorStep(n), smoothedClassAverageStep(n)];
    return { steps, result: { name: `categorical cross-entropy over ${n.classes?.k} classes with label smoothing ${n.smoothing}`, symbol: 'L', value: smoothedClassLoss(n), unit: 'nats' } };
  },
};

export const categoricalTopic: Topic = variantTopic(binaryOrPlain, (numbers) => (numbers?.classes && numbers.smoothing !== undefined ? smoothedClasses : undefined));

/** A point's two scores: class 0 fixed at 0, class 1 at the logit, so softmax gives back p. */
const scoreOf = (numbers: DeriveNumbers, i: number): number => {
  if (numbers.logits) return numbers.logits[i] as number;
  const p = pOf(numbers, i);
  return Math.log(p) - Math.log1p(-p);
};

function softmax(numbers?: DeriveNumbers): DerivationStep {
  if (numbers?.classes) return softmaxStep(numbers);
  const step: DerivationStep = {
    title: 'Softmax turns K scores into probabilities',
    text: 'A classifier with K classes outputs one score per class. Exponentiating makes them positive and dividing by their sum makes them add up to 1. Classes are numbered from 0, like the labels, so with two classes and scores (z₀, z₁) = (0, z) class 1 is the second component, and its probability is exactly the sigmoid.',
    equation: {
      tex: 'p_c = \\frac{e^{z_c}}{\\sum_{k=0}^{K-1} e^{z_k}}, \\qquad K = 2,\\; (z_0, z_1) = (0, z):\\; p_1 = \\frac{e^{z}}{e^{0} + e^{z}} = \\sigma(z)',
      unicode: 'p_c = e^z_c / Σₖ e^zₖ (k = 0 … K − 1);  K = 2, (z₀, z₁) = (0, z): p₁ = eᶻ / (e⁰ + eᶻ) = σ(z)',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => {
    const z = scoreOf(numbers, i);
    // softmax of (0, z) for class 1, written as 1 / (1 + e^-z) so large |z| cannot overflow
    return 1 / (1 + Math.exp(-z));
  });
  step.plugged = listOf(numbers.y.length, (i) => {
    const z = num(scoreOf(numbers, i));
    return cat('p', sup(i), ['_1 = \\mathrm{softmax}(0, ', '₁ = softmax(0, '], num(scoreOf(numbers, i)), [`)_1 = \\frac{e^{${z.tex}}}{e^{0} + e^{${z.tex}}}`, `)₁ = e^${z.unicode} / (e⁰ + e^${z.unicode})`], ' = ', num(values[i] as number));
  });
  step.check = { quantity: 'probability of class 1', value: values };
  return step;
}

function oneHot(numbers?: DeriveNumbers): DerivationStep {
  if (numbers?.classes) return oneHotStep(numbers);
  const step: DerivationStep = {
    title: 'Labels as one-hot vectors',
    text: 'Write the label as a vector with a 1 at the true class and 0 elsewhere: y = 1 is (0, 1), class 0 first. The loss is the cross-entropy between that vector and the predicted probabilities, averaged over the points.',
    equation: { tex: 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\sum_{c=0}^{K-1} y_{i,c} \\ln p_{i,c}', unicode: 'L = −(1/N) Σᵢ Σ_c y_i,c ln p_i,c' },
  };
  if (!numbers) return step;
  step.plugged = listOf(numbers.y.length, (i) => cat('y', sub(i), ' = ', numbers.y[i] === 1 ? '(0, 1)' : '(1, 0)'));
  step.check = { quantity: LOSS, value: mean(perPoint(numbers, (i) => -logTrueClass(numbers, i))) };
  return step;
}

function trueClassOnly(numbers?: DeriveNumbers): DerivationStep {
  if (numbers?.classes) return trueClassStep(numbers);
  const step: DerivationStep = {
    title: 'Only the true class counts',
    text: 'All terms with y = 0 vanish, so each point costs −ln of the probability it gave its true class, however the other classes share the rest.',
    equation: { tex: '-\\sum_{c=0}^{K-1} y_{i,c} \\ln p_{i,c} = -\\ln p_{i,\\,t_i}, \\qquad t_i = \\text{the true class of point } i', unicode: '−Σ_c y_i,c ln p_i,c = −ln p_i,tᵢ  (tᵢ = the true class of point i)' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => -logTrueClass(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    return cat(['-', '−'], lnOf(numbers.y[i] === 1 ? p1 : p0), ' = ', num(values[i] as number));
  });
  step.check = { quantity: LOSS, value: mean(values) };
  return step;
}

function twoClasses(numbers?: DeriveNumbers): DerivationStep {
  if (numbers?.classes) return averageStep(numbers);
  const step: DerivationStep = {
    title: 'Two classes give the binary form',
    text: 'With K = 2, y = (1 − y, y) and p = (1 − p, p), the double sum becomes the binary cross-entropy. Softmax with two scores and sigmoid with one score are the same model.',
    equation: {
      tex: 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\big[\\, (1-y_i) \\ln(1-p_i) + y_i \\ln p_i \\,\\big]',
      unicode: 'L = −(1/N) Σᵢ [ (1 − yᵢ) ln(1 − pᵢ) + yᵢ ln pᵢ ]',
    },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const term = (i: number) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    const y = numbers.y[i] as number;
    const terms = cat(`${1 - y}`, [' \\cdot ', '·'], lnOf(p0), ` + ${y}`, [' \\cdot ', '·'], lnOf(p1));
    return n === 1 ? terms : cat(['\\big[', '['], terms, ['\\big]', ']']);
  };
  step.plugged = cat([`L = -\\frac{1}{${n}}\\Big(`, `L = −(1/${n})(`], joinTerms(n, term, { tex: '+', unicode: '+' }), ['\\Big) = ', ') = '], num(moduleLoss(numbers)), unitOf(moduleLoss(numbers), 'nats'));
  step.check = { quantity: LOSS, value: moduleLoss(numbers) };
  return step;
}
