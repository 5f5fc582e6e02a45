import type { DeriveNumbers } from '../../derive/derivation.js';
import { softmax } from '../../derive/topics/categorical-classes.js';
import { messages } from '../messages.js';
import type { ParsedNumbers } from '../options.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';

/** Every class is written into each step's equations; past five a line no longer fits a phone (at most 6:1). */
export const MAX_CLASSES = 5;
/** Rows typed with 2-3 decimals sum to 1 within rounding. */
const SUMS_TO_ONE = 1e-6;

/**
 * Whether /derive topic=categorical was given K classes: rows (`p=[[0.2,0.3,0.5],…]`), or one
 * label with three or more probabilities or scores (`y=2 p=0.2,0.3,0.5`).
 */
export function givesClasses(labels: Float64Array | undefined, predictions: ParsedNumbers): boolean {
  return predictions.columns !== undefined || (labels?.length === 1 && predictions.values.length >= 3);
}

/**
 * K-class points for topic=categorical: each label a class number 0 … K − 1, one row of K
 * probabilities (summing to 1) or scores per label. The steps then write softmax, the one-hot
 * label and −ln p of the true class out for every point.
 */
export function readClassPoints(labels: Float64Array, predictions: ParsedNumbers, name: 'p' | 'logits'): Parsed<DeriveNumbers> {
  const values = predictions.values;
  const k = predictions.columns ?? values.length;
  const n = values.length / k;
  if (k > MAX_CLASSES) return err(userError('too-many-values', messages.deriveTooManyClasses(name, k, MAX_CLASSES), name));
  if (n !== labels.length) return err(userError('length-mismatch', messages.deriveRowsMismatch(name, n, labels.length), name));
  const wrong = Array.from(labels).find((t) => !Number.isInteger(t) || t < 0 || t >= k);
  if (wrong !== undefined) return err(userError('not-a-class', messages.deriveClassIndex(String(wrong), k), 'y'));
  let probabilities = values;
  if (name === 'p') {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += values[i * k + c] as number;
      if (Math.abs(sum - 1) > SUMS_TO_ONE) return err(userError('not-a-distribution', messages.deriveRowSum(i + 1, sum), 'p'));
    }
  } else {
    probabilities = new Float64Array(values.length);
    for (let i = 0; i < n; i++) probabilities.set(softmax(Array.from(values.subarray(i * k, (i + 1) * k))), i * k);
  }
  const trueClass = labels.map((t, i) => probabilities[i * k + t] as number);
  return ok({ y: labels, p: trueClass, classes: { k, p: probabilities, ...(name === 'logits' ? { logits: values } : {}) } });
}
