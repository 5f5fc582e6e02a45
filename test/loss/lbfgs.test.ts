import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minimizeLbfgs } from '../../src/loss/lbfgs.js';

const SKLEARN = { pgtol: 1e-4, ftol: 64 * Number.EPSILON, maxIterations: 100, memory: 10, maxLineSearch: 50 };

describe('minimizeLbfgs', () => {
  test('GIVEN 1e200·(x − 3)², whose gradient squared overflows at 0 THEN not converged, never the start passed off as the minimum', () => {
    const result = minimizeLbfgs((x, g) => {
      const v = x[0] as number;
      g[0] = 2e200 * (v - 3);
      return 1e200 * (v - 3) ** 2;
    }, new Float64Array(1), SKLEARN);
    assert.equal(result.converged, false);
  });

  test('GIVEN (x − 3)² THEN converged at 3', () => {
    const result = minimizeLbfgs((x, g) => {
      const v = x[0] as number;
      g[0] = 2 * (v - 3);
      return (v - 3) ** 2;
    }, new Float64Array(1), SKLEARN);
    assert.equal(result.converged, true);
    assert.ok(Math.abs((result.x[0] as number) - 3) < 1e-4);
  });
});
