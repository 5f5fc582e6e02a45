import type { ClassWeight } from './fit-settings.js';

/**
 * The weight each point enters the fit with: its sample weight times its class's weight, as
 * scikit-learn's LogisticRegression.fit multiplies them. 'balanced' is n / (2 · count of the
 * class), counting every point whatever its sample weight (sklearn.utils.compute_class_weight
 * is called on y alone). Undefined when every point weighs 1.
 */
export function fitWeights(y: Float64Array, weights?: Float64Array, classWeight?: ClassWeight): Float64Array | undefined {
  if (!classWeight) return weights;
  let ones = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) ones++;
  const byLabel: [number, number] =
    classWeight.kind === 'balanced'
      ? [y.length / (2 * (y.length - ones)), y.length / (2 * ones)]
      : [classWeight.byLabel[0] ?? 1, classWeight.byLabel[1] ?? 1];
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = (weights ? (weights[i] as number) : 1) * byLabel[y[i] === 1 ? 1 : 0];
  return out;
}
