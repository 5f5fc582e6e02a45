/**
 * The constant prediction that minimises the pos_weight loss. With base rate π (weighted) the mean
 * loss of always predicting c is −[w₊·π·ln c + (1−π)·ln(1−c)]; its derivative −w₊π/c + (1−π)/(1−c)
 * vanishes at c = w₊π / (w₊π + 1 − π). w₊ = 1 gives back π, scikit-learn's base-rate baseline;
 * w₊ = (1−π)/π (PyTorch's suggestion, negatives/positives) moves it to 1/2.
 */
export function posWeightOptimum(rate: number, posWeight: number): number {
  const weighted = posWeight * rate;
  const denominator = weighted + 1 - rate;
  return denominator > 0 ? weighted / denominator : 0;
}
