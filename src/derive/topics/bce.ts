import { binaryCrossEntropy, binaryCrossEntropyFromLogits } from '../../loss/index.js';
import type { DeriveNumbers, DerivationStep, Topic } from '../derivation.js';
import { defineTopic, withBinaryOptions } from './define-topic.js';
import { classProbabilities, logTrueClass, mean, perPoint, pOf } from '../derive-math.js';
import { bernoulliLogTerms, cat, joinTerms, listOf, lnOf, num, sub, texBase, unitOf } from '../notation.js';

const LOSS = 'mean negative log-likelihood';

/** Binary cross-entropy as the negative mean log-likelihood of Bernoulli labels (Bishop §4.3.2; Jurafsky & Martin ch. 5). */
const plainBce: Topic = defineTopic({
  name: 'bce',
  title: 'Binary cross-entropy from the likelihood',
  blurb: 'Log loss is the negative mean log-likelihood of the labels under a coin-toss (Bernoulli) model.',
  needs: 'labels-and-probabilities',
  steps: [coinToss, independence, logarithm, negativeMean, assumptions],
  startsFromScores: true,
  result: (numbers) => ({ name: 'binary cross-entropy', symbol: 'L', value: moduleLoss(numbers), unit: 'nats' }),
});

/** With pos_weight or smoothing: the same opening, then the weighted or smoothed loss (option-steps.ts). */
export const bceTopic: Topic = withBinaryOptions(plainBce, [(numbers) => coinToss(numbers)], true);

/** The loss module's figure: what the derivation must arrive at. */
export function moduleLoss(numbers: DeriveNumbers): number {
  return numbers.logits ? binaryCrossEntropyFromLogits(numbers.y, numbers.logits).loss : binaryCrossEntropy(numbers.y, numbers.p).loss;
}

const likelihoodOf = (numbers: DeriveNumbers, i: number) => Math.exp(logTrueClass(numbers, i));

function coinToss(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'One label is a coin toss',
    text: 'Model each label as a biased coin that lands on 1 with probability p and on 0 with probability 1 − p. One formula covers both outcomes, because the exponent y keeps the factor of the outcome that happened.',
    equation: { tex: 'P(y \\mid p) = p^{y}\\,(1-p)^{1-y}, \\qquad y \\in \\{0, 1\\}', unicode: 'P(y | p) = pʸ (1 − p)¹⁻ʸ,  y ∈ {0, 1}' },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  step.plugged = listOf(n, (i) => {
    const p = pOf(numbers, i);
    const y = numbers.y[i] as number;
    return cat(`P(y`, sub(i), ` | p`, sub(i), ') = ', [`${texBase(p)}^{${y}}\\,(1-${num(p).tex})^{${1 - y}}`, `${num(p).unicode}^${y} (1 − ${num(p).unicode})^${1 - y}`], ' = ', num(likelihoodOf(numbers, i)));
  });
  step.check = { quantity: 'likelihood of each point', value: perPoint(numbers, (i) => likelihoodOf(numbers, i)) };
  return step;
}

function independence(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Independent points multiply',
    text: 'If the points are independent, the probability of seeing all the labels is the product of the single-point probabilities. This product is the likelihood of the predictions p₁ … p_N.',
    equation: { tex: '\\mathcal{L}(p) = \\prod_{i=1}^{N} p_i^{y_i}\\,(1-p_i)^{1-y_i}', unicode: 'ℒ(p) = ∏ᵢ pᵢ^yᵢ (1 − pᵢ)^(1−yᵢ)' },
  };
  if (!numbers) return step;
  const logs = perPoint(numbers, (i) => logTrueClass(numbers, i));
  const logLikelihood = logs.reduce((a, b) => a + b, 0);
  const product = num(Math.exp(logLikelihood));
  step.plugged = numbers.y.length === 1
    ? cat(['\\mathcal{L} = ', 'ℒ = '], product)
    : cat(['\\mathcal{L} = ', 'ℒ = '], joinTerms(numbers.y.length, (i) => num(likelihoodOf(numbers, i)), { tex: '\\cdot', unicode: '·' }), ' = ', product);
  // The product can underflow for many points; its log is what the next steps use, so the
  // check reports the loss this step implies through the log of the product, not the product.
  step.check = { quantity: LOSS, value: -logLikelihood / numbers.y.length };
  return step;
}

function logarithm(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The logarithm turns the product into a sum',
    text: 'ln is increasing, so the p that makes the likelihood largest also makes its log largest. The log of a product is the sum of the logs, which is easier to differentiate and does not underflow.',
    equation: {
      tex: '\\ln \\mathcal{L}(p) = \\sum_{i=1}^{N} \\big[\\, y_i \\ln p_i + (1-y_i) \\ln(1-p_i) \\,\\big]',
      unicode: 'ln ℒ(p) = Σᵢ [ yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ) ]',
    },
  };
  if (!numbers) return step;
  const logs = perPoint(numbers, (i) => logTrueClass(numbers, i));
  const total = logs.reduce((a, b) => a + b, 0);
  const n = numbers.y.length;
  const term = (i: number) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    const terms = bernoulliLogTerms(numbers.y[i] as number, p1, p0);
    return n === 1 ? terms : cat(['\\big[', '['], terms, ['\\big]', ']']);
  };
  step.plugged = cat(['\\ln \\mathcal{L} = ', 'ln ℒ = '], joinTerms(n, term, { tex: '+', unicode: '+' }), ' = ', num(total));
  step.check = { quantity: LOSS, value: -total / numbers.y.length };
  return step;
}

function negativeMean(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Maximising the likelihood is minimising the loss',
    text: 'Flip the sign so that a better fit means a smaller number, and divide by N so the loss does not grow with the size of the data. The result is the binary cross-entropy, also called log loss.',
    equation: {
      tex: 'L = -\\frac{1}{N} \\ln \\mathcal{L}(p) = -\\frac{1}{N} \\sum_{i=1}^{N} \\big[\\, y_i \\ln p_i + (1-y_i) \\ln(1-p_i) \\,\\big]',
      unicode: 'L = −(1/N) ln ℒ(p) = −(1/N) Σᵢ [ yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ) ]',
    },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const total = perPoint(numbers, (i) => logTrueClass(numbers, i)).reduce((a, b) => a + b, 0);
  const loss = -total / n;
  step.plugged = cat(['L = -\\frac{1}{' + n + '}', `L = −(1/${n})`], num(total, true), ' = ', num(loss), unitOf(loss, 'nats'));
  step.check = { quantity: LOSS, value: loss };
  return step;
}

function assumptions(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'What the formula assumes',
    text: 'Binary labels, independent points, and 0 < p < 1: at p = 0 or 1 a wrong label would cost ln 0 = −∞, which is why libraries clip p. Each point costs −ln of the probability it gave the true class, so confident mistakes dominate the mean.',
    equation: {
      tex: 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i, \\qquad q_i = \\begin{cases} p_i & y_i = 1 \\\\ 1 - p_i & y_i = 0 \\end{cases}',
      unicode: 'L = −(1/N) Σᵢ ln qᵢ,  qᵢ = pᵢ if yᵢ = 1, 1 − pᵢ if yᵢ = 0',
    },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const perPointLoss = perPoint(numbers, (i) => -logTrueClass(numbers, i));
  const trueClass = (i: number) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    return lnOf(numbers.y[i] === 1 ? p1 : p0);
  };
  const loss = mean(perPointLoss);
  step.plugged = cat(['L = -\\frac{1}{' + n + '}\\big(', `L = −(1/${n})(`], joinTerms(n, trueClass, { tex: '+', unicode: '+' }), ['\\big) = ', ') = '], num(loss), unitOf(loss, 'nats'));
  step.check = { quantity: LOSS, value: moduleLoss(numbers) };
  return step;
}
