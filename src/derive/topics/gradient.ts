import type { DeriveNumbers, DerivationStep, Equation, Topic } from '../derivation.js';
import { defineTopic, variantTopic } from './define-topic.js';
import { weightedChain, weightedConvexity, weightedGradient, weightedInP, weightedMean, weightedOptimum } from './weighted-gradient.js';
import { mean, perPoint, pOf } from '../derive-math.js';
import { cat, listOf, num, sub, sumOf } from '../notation.js';

/** p(1 − p) with the number: the sigmoid's slope and log loss's curvature in z. */
const slopeOf = (p: number): Equation => cat(num(p), ['(1 - ', '(1 − '], num(p), ')');

/** dL/dz = p − y by the chain rule, and why the loss is convex (Bishop §4.3.2-4.3.3; Jurafsky & Martin §5.10). */
const plainGradient: Topic = defineTopic({
  name: 'gradient',
  title: 'The gradient of log loss',
  blurb: 'Through the sigmoid, the gradient of log loss with respect to the score is simply p − y.',
  needs: 'labels-and-probabilities',
  steps: [inP, sigmoidSlope, chainRule, weights, convexity],
  startsFromScores: true,
  result: (numbers) => ({ name: 'gradient with respect to the intercept, ∂L/∂b', symbol: '∂L/∂b', value: interceptGradient(numbers), unit: '' }),
});

/** The same derivation under PyTorch's pos_weight (weighted-gradient.ts). */
const weightedGradientTopic: Topic = defineTopic({
  name: 'gradient',
  title: 'The gradient of log loss with pos_weight',
  blurb: 'With PyTorch\'s pos_weight w the gradient with respect to the score is w·y·(p − 1) + (1 − y)·p, which is p − y at w = 1.',
  needs: 'labels-and-probabilities',
  steps: [weightedInP, sigmoidSlope, weightedChain, weightedMean, weightedOptimum, weightedConvexity],
  startsFromScores: true,
  result: (numbers) => ({ name: 'gradient with respect to the intercept, ∂L/∂b, with pos_weight', symbol: '∂L/∂b', value: weightedGradient(numbers), unit: '' }),
});

export const gradientTopic: Topic = variantTopic(plainGradient, (numbers) => (numbers?.posWeight !== undefined ? weightedGradientTopic : undefined));

/** Each point's p − y from the stable probability; for logits p = σ(z) unclipped is exact enough here. */
const residual = (numbers: DeriveNumbers, i: number): number => (numbers.logits ? (numbers.p[i] as number) : pOf(numbers, i)) - (numbers.y[i] as number);
const residuals = (numbers: DeriveNumbers): number[] => perPoint(numbers, (i) => residual(numbers, i));

/**
 * Below this fraction of the errors' own size a mean is rounding, not signal: float64 keeps ~16
 * digits, so errors of ±0.3 that cancel leave ~1e-17 behind.
 */
const ROUNDING = 1e-12;

/** True when the mean error is zero up to float64 rounding of the terms summed. */
function cancels(values: readonly number[]): boolean {
  const scale = Math.max(...values.map(Math.abs));
  return scale > 0 && Math.abs(mean(values)) <= ROUNDING * scale;
}

/** ∂L/∂b, 0 when the errors cancel: 1.11e-17 would teach a number that is only rounding. */
const interceptGradient = (numbers: DeriveNumbers): number => {
  const values = residuals(numbers);
  return cancels(values) ? 0 : mean(values);
};

function inP(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Differentiate one point\'s loss in p',
    text: 'Start from one point\'s loss and differentiate in p. The term of the class that did not happen drops out for a hard label, so this is −1/p for y = 1 and 1/(1 − p) for y = 0: steep when the prediction is confidently wrong.',
    equation: {
      tex: '\\ell = -\\big[\\, y \\ln p + (1-y)\\ln(1-p) \\,\\big], \\qquad \\frac{\\partial \\ell}{\\partial p} = -\\frac{y}{p} + \\frac{1-y}{1-p}',
      unicode: 'ℓ = −[ y ln p + (1 − y) ln(1 − p) ],  ∂ℓ/∂p = −y/p + (1 − y)/(1 − p)',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => {
    const p = pOf(numbers, i);
    const y = numbers.y[i] as number;
    return -y / p + (1 - y) / (1 - p);
  });
  step.plugged = listOf(numbers.y.length, (i) => {
    const p = num(pOf(numbers, i));
    const y = numbers.y[i] as number;
    const plugged: [string, string] = [`-\\frac{${y}}{${p.tex}} + \\frac{${1 - y}}{1 - ${p.tex}}`, `−${y}/${p.unicode} + ${1 - y}/(1 − ${p.unicode})`];
    return cat(['\\partial \\ell', '∂ℓ'], sub(i), ['/\\partial p', '/∂p'], sub(i), ' = ', plugged, ' = ', num(values[i] as number));
  });
  step.check = { quantity: '∂ℓ/∂p for each point', value: values };
  return step;
}

function sigmoidSlope(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The sigmoid\'s derivative',
    text: 'The prediction comes from a score through the sigmoid, p = σ(z). Its slope has a neat form: it is largest, 1/4, at p = 1/2 and flattens towards 0 and 1.',
    equation: { tex: '\\frac{dp}{dz} = \\frac{e^{-z}}{(1 + e^{-z})^2} = \\sigma(z)\\big(1 - \\sigma(z)\\big) = p\\,(1-p)', unicode: 'dp/dz = e⁻ᶻ / (1 + e⁻ᶻ)² = σ(z)(1 − σ(z)) = p (1 − p)' },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => pOf(numbers, i) * (1 - pOf(numbers, i)));
  step.plugged = listOf(numbers.y.length, (i) => cat(['dp', 'dp'], sub(i), ['/dz', '/dz'], sub(i), ' = ', slopeOf(pOf(numbers, i)), ' = ', num(values[i] as number)));
  step.check = { quantity: 'dp/dz for each point', value: values };
  return step;
}

function chainRule(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The chain rule gives p − y',
    text: 'Multiply the two derivatives. The 1/p and 1/(1 − p) cancel against p(1 − p), leaving the prediction minus the label: the error itself, never vanishing for a confident mistake.',
    equation: {
      tex: '\\frac{\\partial \\ell}{\\partial z} = \\frac{\\partial \\ell}{\\partial p}\\,\\frac{dp}{dz} = \\Big(-\\frac{y}{p} + \\frac{1-y}{1-p}\\Big)\\, p(1-p) = p - y',
      unicode: '∂ℓ/∂z = (∂ℓ/∂p)(dp/dz) = (−y/p + (1 − y)/(1 − p)) p(1 − p) = p − y',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => residual(numbers, i));
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\partial \\ell', '∂ℓ'], sub(i), ['/\\partial z', '/∂z'], sub(i), ' = ', num(residual(numbers, i) + (numbers.y[i] as number)), [' - ', ' − '], String(numbers.y[i]), ' = ', num(values[i] as number)));
  step.check = { quantity: '∂ℓ/∂z for each point', value: values };
  return step;
}

function weights(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'The gradient for logistic regression',
    text: 'In logistic regression z = w·x + b. Averaging over the points, each one pushes the weights by its error times its features; the intercept b gets the mean error.',
    equation: {
      tex: '\\nabla_{w} L = \\frac{1}{N} \\sum_{i=1}^{N} (p_i - y_i)\\, x_i, \\qquad \\frac{\\partial L}{\\partial b} = \\frac{1}{N} \\sum_{i=1}^{N} (p_i - y_i)',
      unicode: '∇_w L = (1/N) Σᵢ (pᵢ − yᵢ) xᵢ,  ∂L/∂b = (1/N) Σᵢ (pᵢ − yᵢ)',
    },
  };
  if (!numbers) return step;
  const n = numbers.y.length;
  const gradient = interceptGradient(numbers);
  step.plugged = cat([`\\frac{\\partial L}{\\partial b} = \\frac{1}{${n}}\\big(`, `∂L/∂b = (1/${n})(`], sumOf(residuals(numbers)), ['\\big) = ', ') = '], num(gradient));
  if (cancels(residuals(numbers))) {
    step.text += ' Here the errors cancel: the mean error is 0, so b is already at its optimum, where the average prediction equals the share of 1s. Summed in floating point they leave about 1e-17 behind, rounding in the last digit rather than a gradient.';
  }
  step.check = { quantity: 'mean of ∂ℓ/∂z', value: gradient };
  return step;
}

function convexity(numbers?: DeriveNumbers): DerivationStep {
  const step: DerivationStep = {
    title: 'Why the loss is convex in the weights',
    text: 'Differentiate p − y once more: the curvature in z is p(1 − p), never negative. In the weights the Hessian is an average of p(1 − p)·x xᵀ, positive semi-definite, so the loss has no local minima to get stuck in.',
    equation: {
      tex: '\\frac{\\partial^2 \\ell}{\\partial z^2} = p(1-p) \\ge 0, \\qquad \\nabla_w^2 L = \\frac{1}{N} \\sum_{i=1}^{N} p_i(1-p_i)\\, x_i x_i^{\\top} \\succeq 0',
      unicode: '∂²ℓ/∂z² = p(1 − p) ≥ 0,  ∇²_w L = (1/N) Σᵢ pᵢ(1 − pᵢ) xᵢ xᵢᵀ ⪰ 0',
    },
  };
  if (!numbers) return step;
  const values = perPoint(numbers, (i) => pOf(numbers, i) * (1 - pOf(numbers, i)));
  step.plugged = listOf(numbers.y.length, (i) => cat(['\\partial^2 \\ell', '∂²ℓ'], sub(i), ['/\\partial z', '/∂z'], sub(i), ['^2', '²'], ' = ', slopeOf(pOf(numbers, i)), ' = ', num(values[i] as number)));
  step.check = { quantity: 'curvature ∂²ℓ/∂z² for each point', value: values };
  return step;
}
