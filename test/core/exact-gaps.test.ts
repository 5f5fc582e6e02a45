import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exactGaps } from '../../src/core/input/exact-gaps.js';

describe('exact gaps of typed decimals', () => {
  test('GIVEN two decimals differing in the 15th digit THEN p̂ − q̂ exactly, not the float64 difference', () => {
    const gaps = exactGaps(['0.9456657713430001', '0.05433422865699988'], ['0.9456657713430094', '0.05433422865699056']);
    // mpmath at 50 digits: p₁/Σp − q₁/Σq = 9.3189133154268603751e-15; the float64 p₁ − q₁ is 9.325873406851269e-15.
    assert.ok(gaps);
    assert.ok(Math.abs((gaps.perClass[0] as number) - 9.3189133154268603751e-15) <= 1e-15 * 9.32e-15);
    assert.ok(Math.abs((gaps.perClass[0] as number) + (gaps.perClass[1] as number)) <= 1e-30, 'normalised gaps cancel');
  });

  test('GIVEN percentages, counts and exponents THEN they are read as the numbers they write', () => {
    assert.deepEqual(exactGaps(['30%', '70%'], ['3', '7'])?.perClass, [0, 0]);
    assert.deepEqual(exactGaps(['3e-1', '.7'], ['0.3', '0.70'])?.perClass, [0, 0]);
    assert.deepEqual(exactGaps(['1', '1'], ['1', '3'])?.perClass, [-0.25, 0.25]);
  });

  test('GIVEN a token that is no plain decimal, a zero sum or mismatched lengths THEN no gaps (the float64 values serve)', () => {
    assert.equal(exactGaps(['nan', '1'], ['1', '1']), undefined);
    assert.equal(exactGaps(['0', '0'], ['1', '1']), undefined);
    assert.equal(exactGaps(['1'], ['1', '1']), undefined);
    assert.equal(exactGaps(['1e-800', '1'], ['1', '1']), undefined);
  });
});
