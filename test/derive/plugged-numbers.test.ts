import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Derivation, DeriveNumbers } from '../../src/derive/derivation.js';
import { topicNamed } from '../../src/derive/topics/index.js';

const derive = (name: string, numbers: DeriveNumbers): Derivation => {
  const topic = topicNamed(name);
  assert.ok(topic, name);
  return topic.derive(numbers);
};
const one: DeriveNumbers = { y: Float64Array.of(1), p: Float64Array.of(0.85) };
const plugged = (derivation: Derivation, k: number): string => derivation.steps[k]?.plugged?.unicode ?? '';

describe('derivations write every substitution out', () => {
  test('GIVEN bce with y=1 p=0.85 THEN the log step shows both terms and the last step keeps the minus', () => {
    const bce = derive('bce', one);
    assert.equal(plugged(bce, 2), 'ln ℒ = 1·ln 0.85 + 0·ln 0.15 = −0.1625');
    assert.equal(plugged(bce, 4), 'L = −(1/1)(ln 0.85) = 0.1625 nats');
  });

  test('GIVEN mse with y=1 p=0.85 THEN each step plugs p and y into its formula', () => {
    const mse = derive('mse', one);
    assert.equal(plugged(mse, 0), 'MSE = (1/1)((0.85 − 1)²) = 0.0225');
    assert.equal(plugged(mse, 1), '∂ℓ⁽¹⁾_MSE/∂z = 2(0.85 − 1) 0.85(1 − 0.85) = −0.03825');
    assert.equal(plugged(mse, 2), '∂ℓ⁽¹⁾_BCE/∂z = 0.85 − 1 = −0.15');
    assert.equal(plugged(mse, 3), 'ratio₁ = 2·0.85(1 − 0.85) = 0.255');
    assert.match(plugged(mse, 4), /^∂²ℓ⁽¹⁾_MSE\/∂z² = 2·0\.85\(1 − 0\.85\)\n· \[0\.85\(1 − 0\.85\) \+ \(0\.85 − 1\)\(1 − 2·0\.85\)\] = 0\.05929$/);
  });

  test('GIVEN entropy with p=0.85 THEN each step plugs p into its formula', () => {
    const entropy = derive('entropy', { y: new Float64Array(0), p: Float64Array.of(0.85) });
    assert.equal(plugged(entropy, 0), 'I(0.85) = −ln 0.85 = 0.1625 nats');
    assert.equal(plugged(entropy, 2), 'I₂(0.85) = −log₂ 0.85 = 0.2345 bits');
    assert.equal(plugged(entropy, 3), 'H₁ = −0.85 ln 0.85 − 0.15 ln 0.15\n= 0.4227 nats');
  });

  test('GIVEN 20 points THEN every topic shows the first terms, an ellipsis and the last, in lines of at most 72 characters', () => {
    const y = Float64Array.from({ length: 20 }, (_, i) => i % 2);
    const p = Float64Array.from({ length: 20 }, (_, i) => 0.1234 + i * 0.0401);
    for (const name of ['bce', 'cross-entropy', 'gradient', 'categorical', 'mse', 'entropy']) {
      const derivation = derive(name, name === 'entropy' ? { y: new Float64Array(0), p } : { y, p });
      for (const step of derivation.steps) {
        const text = step.plugged?.unicode ?? '';
        for (const line of text.split('\n')) assert.ok(line.length <= 72, `${name}, ${step.title}: ${line.length} characters: ${line}`);
      }
      const bySum = derivation.steps.map((step) => step.plugged?.unicode ?? '').filter((text) => /[⋯…]/.test(text));
      assert.ok(bySum.length > 0, `${name} elides the middle points`);
    }
    const log = plugged(derive('bce', { y, p }), 2);
    assert.match(log, /^ln ℒ = \[0·ln 0\.1234 \+ 1·ln 0\.8766\]/);
    assert.match(log, /⋯/);
    assert.match(log, /\[1·ln 0\.8853 \+ 0·ln 0\.1147\] = −/);
  });
});

describe('floating-point noise', () => {
  test('GIVEN errors that cancel (y=1,0 p=0.7,0.3) THEN ∂L/∂b is 0, not 1e-17, and the step says why', () => {
    const numbers: DeriveNumbers = { y: Float64Array.of(1, 0), p: Float64Array.of(0.7, 0.3) };
    assert.notEqual((0.7 - 1 + 0.3) / 2, 0, 'float64 leaves rounding behind here');
    const gradient = derive('gradient', numbers);
    assert.equal(gradient.result?.value, 0);
    const step = gradient.steps.find((s) => s.check?.quantity === 'mean of ∂ℓ/∂z');
    assert.ok(step);
    assert.equal(step.check?.value, 0);
    assert.match(step.plugged?.unicode ?? '', /\) = 0$/);
    assert.match(step.text, /mean error is 0/);
  });

  test('GIVEN errors that do not cancel THEN the mean error is reported as computed and no such sentence', () => {
    const gradient = derive('gradient', { y: Float64Array.of(1, 0), p: Float64Array.of(0.7, 0.3 + 1e-9) });
    assert.ok(Math.abs((gradient.result?.value as number) - 5e-10) < 1e-15);
    assert.doesNotMatch(gradient.steps.map((s) => s.text).join(' '), /mean error is 0/);
  });
});

describe('categorical indexing', () => {
  test('GIVEN p=0.85 THEN classes count from 0, so softmax(0, z)₁ is the second component, e^z / (e⁰ + e^z) = 0.85', () => {
    const step = derive('categorical', one).steps[0];
    assert.match(step?.equation.unicode ?? '', /\(z₀, z₁\) = \(0, z\): p₁ = eᶻ \/ \(e⁰ \+ eᶻ\)/);
    assert.match(step?.equation.tex ?? '', /\\sum_\{k=0\}\^\{K-1\}/);
    assert.equal(step?.plugged?.unicode, 'p⁽¹⁾₁ = softmax(0, 1.735)₁ = e^1.735 / (e⁰ + e^1.735) = 0.85');
  });
});
