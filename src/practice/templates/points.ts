import { binaryCrossEntropy, binaryCrossEntropyFromLogits, sigmoid, type LogBase } from '../../loss/index.js';
import type { SlipValue } from '../problem.js';
import { roundTo } from '../tolerance.js';

/** Labelled points as a bce or logits problem gives them; the loss always from src/loss. */
export interface Points {
  y: number[];
  p?: number[];
  logits?: number[];
  w?: number[];
  base: LogBase;
}

const f64 = (values: readonly number[]) => Float64Array.from(values);

export function pointsLoss(points: Points): { loss: number; perPoint: Float64Array; lossNats: number } {
  const options = { base: points.base, ...(points.w ? { weights: f64(points.w) } : {}) };
  const result = points.logits
    ? binaryCrossEntropyFromLogits(f64(points.y), f64(points.logits), options)
    : binaryCrossEntropy(f64(points.y), f64(points.p ?? []), options);
  return { loss: result.loss, perPoint: result.perPoint, lossNats: result.lossNats };
}

const probabilitiesOf = (points: Points): number[] => points.p ?? (points.logits ?? []).map(sigmoid);

const lossOf = (points: Points) => pointsLoss(points).loss;

/** Each slip recomputed through the same loss module: change one thing in the method, nothing else. */
export function pointsSlips(points: Points, answer: number): SlipValue[] {
  const n = points.y.length;
  const slips: SlipValue[] = [];
  const withBase = (base: LogBase) => lossOf({ ...points, base });
  if (points.base === 'e') slips.push({ code: 'log10', value: withBase('10') }, { code: 'log2', value: withBase('2') });
  else slips.push({ code: 'natural-vs-bits', value: withBase('e') }, { code: 'log10', value: withBase('10') });
  slips.push({ code: 'sign', value: -answer });
  const flipped = { ...points, y: points.y.map((y) => 1 - y) };
  slips.push({ code: 'wrong-class', value: lossOf(flipped) });
  if (points.y.includes(0) && points.y.includes(1)) slips.push({ code: 'wrong-class', value: lossOf({ ...points, y: points.y.map(() => 1) }) });
  slips.push({ code: 'percent', value: answer * 100 });
  const p = probabilitiesOf(points);
  const trueClass = p.map((pi, i) => (points.y[i] === 1 ? pi : 1 - pi));
  slips.push({ code: 'percent', value: lossOf({ y: points.y.map(() => 1), p: trueClass.map((q) => q / 100), base: points.base, ...(points.w ? { w: points.w } : {}) }) });
  if (n > 1) {
    const total = points.w ? points.w.reduce((a, b) => a + b, 0) : n;
    slips.push({ code: 'sum-not-mean', value: answer * total });
    const perPoint = pointsLoss(points).perPoint;
    const rounded = Array.from(perPoint, (l) => roundTo(l, 2));
    const weights = points.w ?? rounded.map(() => 1);
    slips.push({ code: 'rounded-early', value: rounded.reduce((a, l, i) => a + l * (weights[i] as number), 0) / total });
  }
  if (points.logits) {
    slips.push({ code: 'rounded-early', value: lossOf({ y: points.y, p: p.map((pi) => roundTo(pi, 2)), base: points.base, ...(points.w ? { w: points.w } : {}) }) });
  }
  if (points.w) {
    const { w: _weights, ...plain } = points;
    slips.push({ code: 'unweighted', value: lossOf(plain) });
  }
  return slips;
}
