/** L of A = L·Lᵀ (row-major, m×m), or the first pivot at or below `relativeFloor` × A's largest diagonal entry. */
export function choleskyFactor(a: Float64Array, m: number, relativeFloor = 0): { ok: true; l: Float64Array } | { ok: false; failedAt: number } {
  const l = new Float64Array(m * m);
  let largest = 0;
  for (let i = 0; i < m; i++) largest = Math.max(largest, Math.abs(a[i * m + i] as number));
  const floor = relativeFloor * largest;
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (l[j * m + k] as number) ** 2;
    if (!(diagonal > floor) || !Number.isFinite(diagonal)) return { ok: false, failedAt: j };
    const pivot = Math.sqrt(diagonal);
    l[j * m + j] = pivot;
    for (let i = j + 1; i < m; i++) {
      let sum = a[i * m + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * m + k] as number) * (l[j * m + k] as number);
      l[i * m + j] = sum / pivot;
    }
  }
  return { ok: true, l };
}

/**
 * x with A·x = b for a symmetric positive-definite A; undefined when A is not numerically
 * positive definite, so the caller can say why instead of dividing by 0.
 */
export function solveCholesky(a: Float64Array, b: Float64Array, m: number): Float64Array | undefined {
  const factor = choleskyFactor(a, m);
  if (!factor.ok) return undefined;
  const { l } = factor;
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let sum = x[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * m + k] as number) * (x[k] as number);
    x[i] = sum / (l[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let k = i + 1; k < m; k++) sum -= (l[k * m + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * m + i] as number);
  }
  return x;
}
