import type { DeriveNumbers, DerivationStep, Topic } from '../derivation.js';
import { defineTopic } from './define-topic.js';
import { mean, perPoint, pOf } from '../derive-math.js';
import { BREAK, cat, joinTerms, listOf, num, sub, sup } from '../notation.js';

/** (p − y) with the numbers, the error every step of this topic is built from. */
const errorOf = (p: number, y: number): [string, string] => [`(${num(p).tex} - ${y})`, `(${num(p).unicode} − ${y})`];
/** p(1 − p) with the number: the sigmoid's slope. */
const slopeOf = (p: number): [string, string] => [`${num(p).tex}(1 - ${num(p).tex})`, `${num(p).unicode}(1 − ${num(p).unicode})`];

/** Squared error after a sigmoid: a vanishing gradient and a non-convex loss (Goodfellow et al. §6.2.1.1-6.2.2.2). */
export const mseTopic: Topic = defineTopic({
  name: 'mse',
  title: 'Why not squared error with a sigmoid',
  blurb: 'Squared error on a sigmoid output learns slowly from confident mistakes and is not convex; log loss has neither problem.',
  needs: 'labels-and-probabilities',
  steps: [squaredError, mseGradient, bceGradient, ratio, curvature],
  startsFromScores: true,
  result: (numbers) => ({ name: 'mean squared error of the probabilities', symbol: 'MSE', value: meanSquaredError(numbers), unit: '' }),
});

const pAt = (numbers: DeriveNumbers, i: number): number => (numbers.logits ? (numbers.p[i] as number) : pOf(numbers, i));
const yAt = (numbers: DeriveNumbers, i: number): number => numbers.y[i] as number;
const meanSquaredError = (numbers: DeriveNumbers): number => mean(perPoint(numbers, (i) => (pAt(numbers, i) - yAt(numbers, i)) ** 2));
const mseSlope = (numbers: DeriveNumbers, i: number): number => {
  const p = pAt(numbers, i);
  return 2 * (p - yAt(numbers, i)) * p * (1 - p);
};

function squaredError(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Squared error on a probability',
    text: 'Squared error is the natural loss for regression. Applied to a probability it is bounded: even a completely wrong prediction costs at most 1.',
    equation: { tex: '\\ell_{\\mathrm{MSE}} = (p - y)^2, \\qquad p = \\sigma(z)', unicode: 'ℓ_MSE = (p − y)²,  p = σ(z)' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => (pAt(numbers, i) - yAt(numbers, i)) ** 2);
  const squared = (i: number) => cat(errorOf(pAt(numbers, i), yAt(numbers, i)), ['^2', '²']);
  step.plugged = cat(['\\mathrm{MSE} = \\frac{1}{' + numbers.y.length + '}\\big(', `MSE = (1/${numbers.y.length})(`], joinTerms(numbers.y.length, squared, { tex: '+', unicode: '+' }), ['\\big) = ', ') = '], num(mean(values)));
  step.check = { quantity: 'mean squared error', value: mean(values) };
  return step;
}

function mseGradient(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Its gradient carries the sigmoid\'s slope',
    text: 'By the chain rule the gradient in the score is the error times the sigmoid\'s slope p(1 − p). That slope is nearly 0 when p is near 0 or 1, right or wrong.',
    equation: { tex: '\\frac{\\partial \\ell_{\\mathrm{MSE}}}{\\partial z} = 2\\,(p - y)\\; p\\,(1-p)', unicode: '∂ℓ_MSE/∂z = 2 (p − y) p (1 − p)' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => mseSlope(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\partial \\ell', '∂ℓ'], sup(i), ['_{\\mathrm{MSE}}/\\partial z', '_MSE/∂z'], ' = 2', errorOf(pAt(numbers, i), yAt(numbers, i)), [' \\, ', ' '], slopeOf(pAt(numbers, i)), ' = ', num(values[i] as number)));
  step.check = { quantity: '∂ℓ_MSE/∂z for each point', value: values };
  return step;
}

function bceGradient(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Log loss keeps the whole error',
    text: 'For log loss the sigmoid\'s slope cancels (see topic=gradient), so the gradient is the error itself: a confident mistake gets a gradient close to ±1.',
    equation: { tex: '\\frac{\\partial \\ell_{\\mathrm{BCE}}}{\\partial z} = p - y', unicode: '∂ℓ_BCE/∂z = p − y' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => pAt(numbers, i) - yAt(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\partial \\ell', '∂ℓ'], sup(i), ['_{\\mathrm{BCE}}/\\partial z', '_BCE/∂z'], ' = ', [`${num(pAt(numbers, i)).tex} - ${yAt(numbers, i)}`, `${num(pAt(numbers, i)).unicode} − ${yAt(numbers, i)}`], ' = ', num(values[i] as number)));
  step.check = { quantity: '∂ℓ_BCE/∂z for each point', value: values };
  return step;
}

function ratio(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Confident mistakes learn slowly under squared error',
    text: 'Divide the two gradients: squared error scales the log-loss gradient by 2p(1 − p), at most 1/2. For y = 1 and p = 0.01 that is 0.0198: the worst mistakes barely move the weights.',
    equation: { tex: '\\frac{\\partial \\ell_{\\mathrm{MSE}} / \\partial z}{\\partial \\ell_{\\mathrm{BCE}} / \\partial z} = 2\\,p\\,(1-p) \\;\\le\\; \\tfrac{1}{2}', unicode: '(∂ℓ_MSE/∂z) / (∂ℓ_BCE/∂z) = 2 p (1 − p) ≤ 1/2' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => 2 * pAt(numbers, i) * (1 - pAt(numbers, i)));
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\text{ratio}', 'ratio'], sub(i), [' = 2 \\cdot ', ' = 2·'], slopeOf(pAt(numbers, i)), ' = ', num(values[i] as number)));
  step.check = { quantity: 'gradient ratio for each point', value: values };
  return step;
}

function curvature(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Squared error is not convex in the score',
    text: 'Differentiate once more. For y = 1 the curvature is negative wherever p < 1/3 (and for y = 0 wherever p > 2/3), so gradient descent can stall on a plateau. Log loss has curvature p(1 − p) ≥ 0 everywhere.',
    equation: {
      tex: '\\frac{\\partial^2 \\ell_{\\mathrm{MSE}}}{\\partial z^2} = 2\\,p(1-p)\\,\\big[\\, p(1-p) + (p - y)(1 - 2p) \\,\\big]',
      unicode: '∂²ℓ_MSE/∂z² = 2 p(1 − p) [ p(1 − p) + (p − y)(1 − 2p) ]',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => {
    const p = pAt(numbers, i);
    const y = yAt(numbers, i);
    return 2 * p * (1 - p) * (p * (1 - p) + (p - y) * (1 - 2 * p));
  });
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\partial^2 \\ell', '∂²ℓ'], sup(i), ['_{\\mathrm{MSE}}/\\partial z^2', '_MSE/∂z²'], [' = 2 \\cdot ', ' = 2·'], slopeOf(pAt(numbers, i)), BREAK, ['\\cdot \\big[', '· ['], slopeOf(pAt(numbers, i)), ' + ', errorOf(pAt(numbers, i), yAt(numbers, i)), [`(1 - 2 \\cdot ${num(pAt(numbers, i)).tex})\\big]`, `(1 − 2·${num(pAt(numbers, i)).unicode})]`], ' = ', num(values[i] as number)));
  step.check = { quantity: 'curvature ∂²ℓ_MSE/∂z² for each point', value: values };
  return step;
}
