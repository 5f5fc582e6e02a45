import { entropy } from '../../loss/index.js';
import type { DeriveNumbers, DerivationStep, Topic } from '../derivation.js';
import { defineTopic } from './define-topic.js';
import { mean, pOf } from '../derive-math.js';
import { BREAK, cat, listOf, lnOf, num, sub, texBase, unitOf } from '../notation.js';

/** Information content and the binary entropy function (Shannon 1948, §6; Goodfellow et al. §3.13). */
export const entropyTopic: Topic = defineTopic({
  name: 'entropy',
  title: 'Information and entropy',
  blurb: 'Information is −log of a probability; entropy is its average, the uncertainty of a prediction.',
  needs: 'probabilities',
  steps: [information, whyLog, bitsNats, binaryEntropy],
  startsFromScores: false,
  result: (numbers) => ({ name: numbers.p.length === 1 ? 'binary entropy H(p)' : 'mean binary entropy of the predictions', symbol: 'H', value: meanEntropy(numbers), unit: 'nats' }),
});

const binaryH = (p: number): number => entropy(Float64Array.of(1 - p, p), 'e');
const meanEntropy = (numbers: DeriveNumbers): number => mean(Array.from(numbers.p, binaryH));

function information(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Information content',
    text: 'Learning that an event of probability p happened gives −ln p of information. A sure event (p = 1) tells you nothing; the rarer the event, the more you learn.',
    equation: { tex: 'I(p) = -\\ln p', unicode: 'I(p) = −ln p' },
  };
  if (!numbers) return step;
  const values = Array.from(numbers.p, (_, i) => -Math.log(pOf(numbers, i)));
  step.plugged = listOf(numbers.p.length, (i) => cat(['I(', 'I('], num(pOf(numbers, i)), [') = -', ') = −'], lnOf(pOf(numbers, i)), ' = ', num(values[i] as number), unitOf(values[i] as number, 'nats')));
  step.check = { quantity: 'information of each event', value: values };
  return step;
}

function whyLog(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Why a logarithm',
    text: 'For two independent events the probabilities multiply, and we want their information to add. A decreasing, continuous function with I(pq) = I(p) + I(q) must be a negative logarithm; the base only sets the unit.',
    equation: { tex: 'I(p\\,q) = -\\ln(p\\,q) = -\\ln p - \\ln q = I(p) + I(q)', unicode: 'I(p q) = −ln(p q) = −ln p − ln q = I(p) + I(q)' },
  };
  if (!numbers) return step;
  // Two independent events: the first two predictions, or the first one happening twice.
  const a = pOf(numbers, 0);
  const b = numbers.p.length > 1 ? pOf(numbers, 1) : a;
  step.plugged = cat(['I(', 'I('], num(a), [' \\cdot ', ' · '], num(b), ') = ', num(-Math.log(a * b)), ' = ', num(-Math.log(a)), ' + ', num(-Math.log(b)));
  step.check = { quantity: 'information of two independent events', value: -Math.log(a) - Math.log(b) };
  return step;
}

function bitsNats(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Bits or nats',
    text: 'With log base 2 information is measured in bits (a fair coin flip is 1 bit); with the natural log, in nats. They differ by the constant factor ln 2 ≈ 0.693.',
    equation: { tex: 'I_2(p) = -\\log_2 p = \\frac{-\\ln p}{\\ln 2}, \\qquad 1 \\text{ nat} = \\frac{1}{\\ln 2} \\approx 1.443 \\text{ bits}', unicode: 'I₂(p) = −log₂ p = −ln p / ln 2,  1 nat = 1/ln 2 ≈ 1.443 bits' },
  };
  if (!numbers) return step;
  const values = Array.from(numbers.p, (_, i) => -Math.log2(pOf(numbers, i)));
  step.plugged = listOf(numbers.p.length, (i) => cat(['I_2(', 'I₂('], num(pOf(numbers, i)), [`) = -\\log_2 ${texBase(pOf(numbers, i))}`, `) = −log₂ ${num(pOf(numbers, i)).unicode}`], ' = ', num(values[i] as number), unitOf(values[i] as number, 'bits')));
  step.check = { quantity: 'information of each event in bits', value: values };
  return step;
}

function binaryEntropy(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Entropy is the average information',
    text: 'Weight each outcome\'s information by its probability. For a yes/no event this is the binary entropy function: 0 when the outcome is certain, largest (ln 2 nats = 1 bit) at p = 1/2.',
    equation: { tex: 'H(p) = -p \\ln p - (1-p) \\ln(1-p)', unicode: 'H(p) = −p ln p − (1 − p) ln(1 − p)' },
  };
  if (!numbers) return step;
  const values = Array.from(numbers.p, binaryH);
  step.plugged = listOf(numbers.p.length, (i) => {
    const p = pOf(numbers, i);
    return cat('H', sub(i), [' = -', ' = −'], num(p), [' \\, ', ' '], lnOf(p), [' - ', ' − '], num(1 - p), [' \\, ', ' '], lnOf(1 - p), BREAK, ' = ', num(values[i] as number), unitOf(values[i] as number, 'nats'));
  });
  step.check = { quantity: 'binary entropy of each prediction', value: values };
  return step;
}
