import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baseValue, LOG_BASES, logBaseOfValue, logSymbol, toBase, unitName } from '../../src/loss/index.js';

describe('log bases', () => {
  test('GIVEN ln 2 nats THEN exactly 1 bit, and ln 10 nats THEN 1 hartley', () => {
    assert.equal(toBase(Math.LN2, '2'), 1);
    assert.equal(toBase(Math.LN10, '10'), 1);
    assert.equal(toBase(0.5, 'e'), 0.5);
  });

  test('GIVEN Infinity THEN Infinity in every base', () => {
    for (const base of LOG_BASES) assert.equal(toBase(Infinity, base), Infinity);
  });

  test('GIVEN each base THEN its unit name', () => {
    assert.deepEqual(LOG_BASES.map(unitName), ['nats', 'bits', 'hartleys']);
  });

  test('GIVEN each base THEN its symbol and number, and the number leads back to the base', () => {
    assert.deepEqual(LOG_BASES.map(logSymbol), ['ln', 'log₂', 'log₁₀']);
    assert.deepEqual(LOG_BASES.map(baseValue), [Math.E, 2, 10]);
    assert.deepEqual(LOG_BASES.map(baseValue).map(logBaseOfValue), LOG_BASES);
    assert.equal(logBaseOfValue(3), '3');
    assert.equal(logBaseOfValue(0.5), 'e');
  });

  test('GIVEN a base with no name of its own THEN its unit says the base, its log is subscripted, and it converts by ln b', () => {
    assert.equal(unitName('3'), 'base-3 units');
    assert.equal(unitName('1.5'), 'base-1.5 units');
    assert.equal(logSymbol('3'), 'log₃');
    assert.equal(logSymbol('16'), 'log₁₆');
    assert.equal(logSymbol('1.5'), 'log₁.₅');
    assert.equal(logSymbol('1e+21'), 'log_(1e+21)');
    assert.equal(baseValue('1.5'), 1.5);
    // log₁₆ 2 = 1/4 exactly.
    assert.equal(toBase(Math.LN2, '16'), 0.25);
    assert.equal(toBase(Infinity, '3'), Infinity);
  });
});
