import { bceTopic } from '../../derive/topics/bce.js';
import type { DerivationStep } from '../../derive/derivation.js';
import { sigmoid, toBase } from '../../loss/index.js';
import type { Draft } from '../problem.js';
import type { Draw } from '../seeded-random.js';
import { costliestStep, inBitsStep, weightedMeanStep } from '../solution-steps.js';
import { deriveSolution } from '../worked-solution.js';
import { pointsLoss, pointsSlips, type Points } from './points.js';
import { askFor, DECIMALS, list, type Template } from './template.js';

/** The formula card's setting and two more, so the same numbers do not always read alike. */
const SETTINGS = [
  { model: 'A diagnostic model', predicts: 'that the patient has the condition', yes: 'the patient has it', no: 'the patient does not have it' },
  { model: 'A spam filter', predicts: 'that an email is spam', yes: 'it is spam', no: 'it is not spam' },
  { model: 'A weather model', predicts: 'that it will rain tomorrow', yes: 'it rains', no: 'it stays dry' },
] as const;

function givenOf(points: Points): Record<string, number[]> {
  return {
    y: points.y,
    ...(points.p ? { p: points.p } : {}),
    ...(points.logits ? { logits: points.logits } : {}),
    ...(points.w ? { w: points.w } : {}),
    ...(points.base === 'e' ? {} : { base: [Number(points.base)] }),
  };
}

/** The /derive bce steps with the points, then weights and bits where the problem has them. */
export function pointsSolution(points: Points) {
  const numbers = points.logits
    ? { y: Float64Array.from(points.y), p: Float64Array.from(points.logits, sigmoid), logits: Float64Array.from(points.logits) }
    : { y: Float64Array.from(points.y), p: Float64Array.from(points.p ?? []) };
  const plain = pointsLoss({ ...points, base: 'e' });
  const extra: DerivationStep[] = [];
  if (points.w) extra.push(weightedMeanStep(plain.perPoint, points.w, plain.loss));
  if (points.base === '2') extra.push(inBitsStep(plain.loss));
  const answer = pointsLoss(points).loss;
  return deriveSolution(bceTopic, numbers, extra, { name: 'binary cross-entropy', symbol: 'L', value: answer, unit: points.base === '2' ? 'bits' : 'nats' });
}

export function pointsDraft(points: Points, question: string): Draft {
  const answer = pointsLoss(points).loss;
  const unit = points.base === '2' ? 'bits' : 'nats';
  return { question: `${question} ${askFor(unit)}`, given: givenOf(points), unit, decimals: DECIMALS, answer, slips: pointsSlips(points, answer), solution: () => pointsSolution(points) };
}

function batch(draw: Draw, n: number): { y: number[]; p: number[] } {
  const y = Array.from({ length: n }, () => draw.label());
  if (!y.includes(0)) y[draw.int(0, n - 1)] = 0;
  if (!y.includes(1)) y[draw.int(0, n - 1)] = 1;
  return { y, p: y.map(() => draw.probability()) };
}

const onePoint: Template = {
  key: 'a',
  draft(draw) {
    const setting = draw.pick(SETTINGS);
    const y = draw.label();
    const p = draw.probability();
    return pointsDraft({ y: [y], p: [p], base: 'e' }, `${setting.model} predicts ${p} ${setting.predicts}, and ${y === 1 ? setting.yes : setting.no} (y = ${y}). What is the log loss (binary cross-entropy) of this prediction?`);
  },
};

const meanOfBatch: Template = {
  key: 'a',
  draft(draw) {
    const { y, p } = batch(draw, 3);
    return pointsDraft({ y, p, base: 'e' }, `A classifier gives three points the probabilities p = ${list(p)} of class 1; their true labels are y = ${list(y)}. What is the mean log loss over the three points?`);
  },
};

const weightedBatch: Template = {
  key: 'b',
  draft(draw) {
    const { y, p } = batch(draw, 3);
    const w = y.map(() => draw.int(1, 3));
    if (w.every((wi) => wi === w[0])) w[0] = (w[0] as number) === 3 ? 1 : (w[0] as number) + 1;
    return pointsDraft({ y, p, w, base: 'e' }, `Three points have labels y = ${list(y)}, predicted probabilities of class 1 p = ${list(p)} and sample weights w = ${list(w)}. What is the weighted mean log loss, Σwℓ / Σw?`);
  },
};

const inBits: Template = {
  key: 'c',
  draft(draw) {
    const { y, p } = batch(draw, 2);
    return pointsDraft({ y, p, base: '2' }, `Two points have labels y = ${list(y)} and predicted probabilities of class 1 p = ${list(p)}. What is their mean log loss in bits?`);
  },
};

const costliest: Template = {
  key: 'a',
  draft(draw) {
    const { y, p } = batch(draw, 4);
    const points: Points = { y, p, base: 'e' };
    const perPoint = pointsLoss(points).perPoint;
    const answer = Math.max(...perPoint);
    const flipped = pointsLoss({ ...points, y: y.map((v) => 1 - v) }).perPoint;
    const allOnes = pointsLoss({ ...points, y: y.map(() => 1) }).perPoint;
    return {
      question: `Four points have labels y = ${list(y)} and predicted probabilities of class 1 p = ${list(p)}. Which point costs the most, and what is its loss? ${askFor('nats')}`,
      given: { y, p },
      unit: 'nats',
      decimals: DECIMALS,
      answer,
      slips: [
        { code: 'wrong-class', value: Math.max(...flipped) },
        { code: 'wrong-class', value: Math.max(...allOnes) },
        { code: 'log10', value: toBase(answer, '10') },
        { code: 'log2', value: toBase(answer, '2') },
        { code: 'sign', value: -answer },
        { code: 'mean-not-max', value: pointsLoss(points).loss },
        { code: 'percent', value: answer * 100 },
      ],
      solution: () => deriveSolution(bceTopic, { y: Float64Array.from(y), p: Float64Array.from(p) }, [costliestStep(perPoint)], { name: 'loss of the costliest point', symbol: 'max ℓ', value: answer, unit: 'nats' }),
    };
  },
};

export const BCE_TEMPLATES: Record<1 | 2 | 3, readonly Template[]> = { 1: [onePoint], 2: [meanOfBatch, weightedBatch, inBits], 3: [costliest] };
