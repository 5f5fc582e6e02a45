import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { neumaierDot, neumaierSum, quotient, scaledDot, scaledProduct, scaledSum, timesPowerOfTwo, unscaled } from '../../src/loss/index.js';
import { assertClose } from './assert-close.js';
import { exactDot, exactSum } from './exact-sum.js';
import { mulberry32 } from './mulberry32.js';

const MAX = Number.MAX_VALUE;

describe('sums kept scaled past float64', () => {
  test('GIVEN shifts beyond ±1023 THEN x·2^k in steps: exact, and ∞ or 0 only where the result is', () => {
    assert.equal(timesPowerOfTwo(1, -1074), Number.MIN_VALUE);
    assert.equal(timesPowerOfTwo(MAX, -1100), MAX / 2 ** 1000 / 2 ** 100);
    assert.equal(timesPowerOfTwo(timesPowerOfTwo(MAX, -1100), 1100), MAX);
    assert.equal(timesPowerOfTwo(2 ** -1000, 2000), 2 ** 1000);
    assert.equal(timesPowerOfTwo(1, 1024), Infinity);
    assert.equal(timesPowerOfTwo(3, 0), 3);
  });

  test('GIVEN a sum that stays in range THEN neumaierSum exactly, exponent 0', () => {
    const values = [0.1, 0.2, 0.3, 1e-17];
    assert.deepEqual(scaledSum(values), { value: neumaierSum(values), exponent: 0 });
    assert.deepEqual(scaledDot([1, 2], [3, 4]), { value: neumaierDot([1, 2], [3, 4]), exponent: 0 });
  });

  test('GIVEN MAX + MAX, or 1e308 + 1e308 − 1e308 THEN the mean is MAX and the sum is 1e308, not ∞', () => {
    assert.equal(quotient(scaledSum([MAX, MAX]), { value: 2, exponent: 0 }), MAX);
    assert.equal(unscaled(scaledSum([MAX, MAX])), Infinity);
    assert.equal(unscaled(scaledSum([1e308, 1e308, -1e308])), 1e308);
  });

  test('GIVEN an infinite term THEN the sum is that infinity, not rescaled', () => {
    assert.deepEqual(scaledSum([1, Infinity]), { value: Infinity, exponent: 0 });
    assert.deepEqual(scaledDot([1, 1], [1, Infinity]), { value: Infinity, exponent: 0 });
  });

  test('GIVEN factors whose product overflows THEN x·y·2^−k has one rounding: (1e200·2^−700)·1e200 = 1e400·2^−700', () => {
    assert.equal(scaledProduct(1e200, 1e200, 700), timesPowerOfTwo(1e200, -700) * 1e200);
    assert.equal(scaledProduct(MAX, MAX, 1100), timesPowerOfTwo(MAX, -550) * timesPowerOfTwo(MAX, -550));
    assert.equal(scaledProduct(3, 4, 2), 3);
  });

  test('GIVEN 10,000 random huge terms THEN the scaled sum and dot match exact BigInt sums to 1 ulp', () => {
    const random = mulberry32(42);
    const a = Float64Array.from({ length: 10_000 }, () => random() * MAX);
    const b = Float64Array.from({ length: 10_000 }, () => 1 + random() * 1e10);
    const shift = 40;
    const sum = scaledSum(a);
    const exact = exactSum(a.map((v) => v / 2 ** shift));
    assertClose(timesPowerOfTwo(sum.value, sum.exponent - shift), exact, 2 ** -52, 'sum');
    const dot = scaledDot(a, b);
    const exactProducts = exactDot(a.map((v) => v / 2 ** 80), b);
    assertClose(timesPowerOfTwo(dot.value, dot.exponent - 80), exactProducts, 2 ** -52, 'dot');
  });
});
