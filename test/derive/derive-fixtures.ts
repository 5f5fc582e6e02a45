import fc from 'fast-check';
import type { DeriveNumbers } from '../../src/derive/derivation.js';
import { sigmoid } from '../../src/loss/index.js';

/** Points a student could type: 1-8 binary labels with probabilities away from the float64 edges. */
export const probabilityPoints = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      y: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
      p: fc.array(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ y, p }): DeriveNumbers => ({ y: Float64Array.from(y), p: Float64Array.from(p) }));

/** Logits up to |z| = 800, where σ(z) rounds to exactly 0 or 1. */
export const logitPoints = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      y: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
      z: fc.array(fc.oneof(fc.double({ min: -800, max: 800, noNaN: true }), fc.constantFrom(-800, 800, 0, -40, 40)), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ y, z }): DeriveNumbers => {
    const logits = Float64Array.from(z);
    return { y: Float64Array.from(y), p: logits.map(sigmoid), logits };
  });

export const PROPERTY_RUNS = { seed: 20261122, numRuns: 150 } as const;

/** |a − b| within `relative` of the larger magnitude, or within `absolute` near 0. */
export function close(a: number, b: number, relative = 1e-9, absolute = 1e-12): boolean {
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}

export function closeValues(a: number | number[], b: number | number[], relative?: number, absolute?: number): boolean {
  const xs = typeof a === 'number' ? [a] : a;
  const ys = typeof b === 'number' ? [b] : b;
  return xs.length === ys.length && xs.every((x, i) => close(x, ys[i] as number, relative, absolute));
}
