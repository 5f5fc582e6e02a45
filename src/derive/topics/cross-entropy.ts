import type { DeriveNumbers, DerivationStep, Topic } from '../derivation.js';
import { defineTopic, withBinaryOptions } from './define-topic.js';
import { classProbabilities, logTrueClass, mean, perPoint } from '../derive-math.js';
import { bernoulliLogTerms, cat, listOf, lnOf, num, sub, sumOf, sup, unitOf } from '../notation.js';
import { moduleLoss } from './bce.js';

const LOSS = 'mean cross-entropy per point';

/** From Shannon's surprise to binary cross-entropy (Shannon 1948; Goodfellow et al. §3.13). */
const plainCrossEntropy: Topic = defineTopic({
  name: 'cross-entropy',
  title: 'Cross-entropy from information theory',
  blurb: 'Log loss is the average cross-entropy between each label (as a distribution) and the prediction.',
  needs: 'labels-and-probabilities',
  steps: [surprise, entropyStep, crossEntropyStep, klStep, average],
  startsFromScores: true,
  result: (numbers) => ({ name: 'binary cross-entropy', symbol: 'L', value: moduleLoss(numbers), unit: 'nats' }),
});

/** With pos_weight or smoothing: the same opening, then the weighted or smoothed loss (option-steps.ts). */
export const crossEntropyTopic: Topic = withBinaryOptions(plainCrossEntropy, [(numbers) => surprise(numbers)], true);

function surprise(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Surprise',
    text: 'The information in seeing an outcome of probability P is −ln P: a certain outcome tells you nothing, a rare one a lot. Here: the surprise of each true label under your prediction.',
    equation: { tex: 'I(x) = -\\ln P(x)', unicode: 'I(x) = −ln P(x)' },
  };
  if (!numbers) return step;
  const trueClass = (i: number) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    return numbers.y[i] === 1 ? p1 : p0;
  };
  step.plugged = listOf(numbers.y.length, (i) => cat('I', sub(i), [' = -', ' = −'], lnOf(trueClass(i)), ' = ', num(-logTrueClass(numbers, i))));
  step.check = { quantity: 'surprise of each label', value: perPoint(numbers, (i) => -logTrueClass(numbers, i)) };
  return step;
}

function entropyStep(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Entropy is the expected surprise',
    text: 'Averaging the surprise over a distribution q gives its entropy H(q). A label that is known for sure is a one-hot distribution, q = (0, 1) for y = 1 or (1, 0) for y = 0, and its entropy is 0 (0 · ln 0 counts as 0, the limit of q ln q as q → 0).',
    equation: { tex: 'H(q) = -\\sum_{c} q_c \\ln q_c, \\qquad q^{(i)} = (1 - y_i,\\; y_i)', unicode: 'H(q) = −Σ_c q_c ln q_c,  q⁽ⁱ⁾ = (1 − yᵢ, yᵢ)' },
  };
  if (!numbers) return step;
  // 0 ln 0 counts as 0 (the limit of q ln q as q → 0), so a certain label has no entropy.
  step.plugged = listOf(numbers.y.length, (i) => {
    const y = numbers.y[i] as number;
    return cat('H(q', sup(i), [`) = -(${1 - y} \\cdot \\ln ${1 - y} + ${y} \\cdot \\ln ${y}) = 0`, `) = −(${1 - y}·ln ${1 - y} + ${y}·ln ${y}) = 0`]);
  });
  step.check = { quantity: 'entropy of each label', value: perPoint(numbers, () => 0) };
  return step;
}

function crossEntropyStep(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Cross-entropy: expecting p, seeing q',
    text: 'If outcomes come from q but you expect p, your average surprise is the cross-entropy Hₚ(q). With a one-hot label only the true class survives the sum.',
    equation: {
      tex: 'H_p(q) = -\\sum_{c} q_c \\ln p_c = -\\big[\\, y \\ln p + (1-y) \\ln(1-p) \\,\\big]',
      unicode: 'Hₚ(q) = −Σ_c q_c ln p_c = −[ y ln p + (1 − y) ln(1 − p) ]',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => -logTrueClass(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => {
    const { p1, p0 } = classProbabilities(numbers, i);
    return cat('H', sub(i), [' = -\\big[', ' = −['], bernoulliLogTerms(numbers.y[i] as number, p1, p0), ['\\big] = ', '] = '], num(values[i] as number));
  });
  step.check = { quantity: LOSS, value: mean(values) };
  return step;
}

function klStep(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The gap is the KL divergence',
    text: 'Cross-entropy minus entropy is the KL divergence, the extra surprise caused by expecting p. Gibbs\' inequality says it is never negative and is 0 only when p = q. With one-hot labels H(q) = 0, so here KL and cross-entropy coincide.',
    equation: {
      tex: 'D_{\\mathrm{KL}}(q \\,\\|\\, p) = H_p(q) - H(q) = \\sum_c q_c \\ln \\frac{q_c}{p_c} \\;\\ge\\; 0',
      unicode: 'D_KL(q ‖ p) = Hₚ(q) − H(q) = Σ_c q_c ln(q_c / p_c) ≥ 0',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => -logTrueClass(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => cat([`D^{(${i + 1})}_{\\mathrm{KL}}`, `D_KL⁽${i + 1}⁾`], ' = ', num(values[i] as number), [' - 0 = ', ' − 0 = '], num(values[i] as number)));
  step.check = { quantity: LOSS, value: mean(values) };
  return step;
}

function average(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Averaging over the points gives the log loss',
    text: 'Give each point weight 1/N and average the per-point cross-entropies: the result is exactly the binary cross-entropy formula.',
    equation: {
      tex: '\\frac{1}{N}\\sum_{i=1}^{N} H_{p_i}\\big(q^{(i)}\\big) = -\\frac{1}{N} \\sum_{i=1}^{N} \\big[\\, y_i \\ln p_i + (1-y_i) \\ln(1-p_i) \\,\\big]',
      unicode: '(1/N) Σᵢ Hₚᵢ(q⁽ⁱ⁾) = −(1/N) Σᵢ [ yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ) ]',
    },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const values = perPoint(numbers, (i) => -logTrueClass(numbers, i));
  step.plugged = cat([`\\frac{1}{${n}}\\big(`, `(1/${n})(`], sumOf(values), ['\\big) = ', ') = '], num(moduleLoss(numbers)), unitOf(moduleLoss(numbers), 'nats'));
  step.check = { quantity: LOSS, value: moduleLoss(numbers) };
  return step;
}
