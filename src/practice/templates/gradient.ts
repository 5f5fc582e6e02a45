import type { DeriveNumbers } from '../../derive/derivation.js';
import { gradientTopic } from '../../derive/topics/gradient.js';
import { sigmoid } from '../../loss/index.js';
import type { Draft, SlipValue } from '../problem.js';
import { roundTo } from '../tolerance.js';
import { deriveSolution } from '../worked-solution.js';
import { pointsLoss } from './points.js';
import { askFor, DECIMALS, list, labels, type Template } from './template.js';

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The /derive gradient topic's own figures: ∂L/∂b as its result, ∂ℓ/∂p from its first step's check. */
function fromTopic(numbers: DeriveNumbers): { answer: number; inP: number } {
  const derivation = gradientTopic.derive(numbers);
  const inP = derivation.steps.find((step) => step.check?.quantity === '∂ℓ/∂p for each point')?.check?.value;
  return { answer: derivation.result?.value ?? Number.NaN, inP: Array.isArray(inP) ? mean(inP) : Number.NaN };
}

function gradientDraft(y: number[], given: { p: number[] } | { logits: number[] }, question: string): Draft {
  const logits = 'logits' in given ? given.logits : undefined;
  const p = logits ? logits.map(sigmoid) : (given as { p: number[] }).p;
  const numbers: DeriveNumbers = { y: Float64Array.from(y), p: Float64Array.from(p), ...(logits ? { logits: Float64Array.from(logits) } : {}) };
  const { answer, inP } = fromTopic(numbers);
  const slips: SlipValue[] = [
    { code: 'gradient-sign', value: -answer },
    { code: 'gradient-in-p', value: inP },
    { code: 'loss-for-gradient', value: pointsLoss({ y, ...given, base: 'e' }).loss },
  ];
  if (y.length > 1) slips.push({ code: 'sum-not-mean', value: answer * y.length });
  if (logits) {
    slips.push({ code: 'logit-for-p', value: mean(logits.map((z, i) => z - (y[i] as number))) });
    slips.push({ code: 'rounded-early', value: mean(p.map((pi, i) => roundTo(pi, 2) - (y[i] as number))) });
  }
  return {
    question: `${question} ${askFor('')}`,
    given: { y, ...given },
    unit: '',
    decimals: DECIMALS,
    answer,
    slips,
    solution: () => deriveSolution(gradientTopic, numbers, [], { name: y.length === 1 ? 'gradient with respect to the score, ∂ℓ/∂z' : 'gradient with respect to the intercept, ∂L/∂b', symbol: y.length === 1 ? '∂ℓ/∂z' : '∂L/∂b', value: answer, unit: '' }),
  };
}

const onePoint: Template = {
  key: 'a',
  draft(draw) {
    const [y] = labels(draw, 1) as [number];
    const p = draw.probability();
    return gradientDraft([y], { p: [p] }, `A logistic model predicts p = σ(z) = ${p} for a point with label y = ${y}. What is the gradient of its log loss with respect to the score, ∂ℓ/∂z?`);
  },
};

const batchOfP: Template = {
  key: 'a',
  draft(draw) {
    const y = labels(draw, 3);
    const p = y.map(() => draw.probability());
    return gradientDraft(y, { p }, `Three points with labels y = ${list(y)} get the predictions p = ${list(p)}. What is the gradient of the mean log loss with respect to the intercept, ∂L/∂b?`);
  },
};

const batchOfLogits: Template = {
  key: 'a',
  draft(draw) {
    const y = labels(draw, 3);
    const logits = y.map(() => draw.logit());
    return gradientDraft(y, { logits }, `Three points with labels y = ${list(y)} get the scores (logits) z = ${list(logits)}. What is the gradient of the mean log loss with respect to the intercept, ∂L/∂b? (Turn each score into p = σ(z) first.)`);
  },
};

export const GRADIENT_TEMPLATES: Record<1 | 2 | 3, readonly Template[]> = { 1: [onePoint], 2: [batchOfP], 3: [batchOfLogits] };
