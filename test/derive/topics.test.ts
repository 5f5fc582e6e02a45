import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { DerivationStep, DeriveNumbers } from '../../src/derive/derivation.js';
import { TOPICS, topicNamed } from '../../src/derive/topics/index.js';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, entropy } from '../../src/loss/index.js';
import { close, closeValues, logitPoints, probabilityPoints, PROPERTY_RUNS } from './derive-fixtures.js';

const topic = (name: string) => {
  const found = topicNamed(name);
  assert.ok(found, name);
  return found;
};

const checkOf = (steps: DerivationStep[], quantity: string): Array<number | number[]> =>
  steps.filter((step) => step.check?.quantity === quantity).map((step) => step.check?.value as number | number[]);

/** Consecutive steps that name the same quantity rewrite one expression: their values must agree. */
function assertConsecutiveAgree(steps: DerivationStep[], relative = 1e-9): void {
  for (let k = 1; k < steps.length; k++) {
    const before = steps[k - 1]?.check;
    const after = steps[k]?.check;
    if (!before || !after || before.quantity !== after.quantity) continue;
    assert.ok(closeValues(before.value, after.value, relative), `steps ${k} and ${k + 1} disagree on ${after.quantity}: ${String(before.value)} vs ${String(after.value)}`);
  }
}

/** Central difference of f at x, for derivatives the steps state in closed form. */
const derivative = (f: (x: number) => number, x: number, h = 1e-6): number => (f(x + h) - f(x - h)) / (2 * h);
const pointLoss = (y: number, p: number): number => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
/** One point's loss as a function of its score, in the softplus form so 1 − σ(z) never cancels. */
const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const scoreLoss = (y: number, z: number): number => (y === 1 ? softplus(-z) : softplus(z));
const sigmoidOf = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => Math.log(p / (1 - p));

describe('derivation topics', () => {
  test('GIVEN every topic, with and without numbers THEN at least 4 steps, each with a title, words and an equation', () => {
    const numbers: DeriveNumbers = { y: Float64Array.of(1, 0), p: Float64Array.of(0.85, 0.3) };
    for (const t of TOPICS) {
      for (const derivation of [t.derive(), t.derive(numbers)]) {
        assert.ok(derivation.steps.length >= 4, t.name);
        for (const step of derivation.steps) {
          assert.ok(step.title.length > 3 && step.text.length > 40, `${t.name}: ${step.title}`);
          assert.ok(step.equation.tex.length > 0 && step.equation.unicode.length > 0);
        }
      }
      assert.equal(t.derive().result, undefined, `${t.name} without numbers has no result`);
      assert.ok(t.derive(numbers).steps.every((step) => step.plugged !== undefined), `${t.name}: every step shows the numbers`);
    }
  });

  test('GIVEN the issue\'s example y=1, p=0.85 THEN p^y (1-p)^(1-y) = 0.85 and -ln 0.85 = 0.1625', () => {
    const derivation = topic('bce').derive({ y: Float64Array.of(1), p: Float64Array.of(0.85) });
    assert.match(derivation.steps[0]?.plugged?.unicode ?? '', /= 0\.85$/);
    assert.match(derivation.steps.at(-1)?.plugged?.unicode ?? '', /= 0\.1625 nats$/);
    assert.ok(close(derivation.result?.value ?? NaN, -Math.log(0.85), 1e-15));
  });

  test('GIVEN random points THEN consecutive steps agree and bce, cross-entropy and categorical end at the loss module\'s figure', () => {
    fc.assert(
      fc.property(probabilityPoints, (numbers) => {
        const expected = binaryCrossEntropy(numbers.y, numbers.p).loss;
        for (const name of ['bce', 'cross-entropy', 'categorical']) {
          const derivation = topic(name).derive(numbers);
          assertConsecutiveAgree(derivation.steps);
          assert.ok(close(derivation.result?.value ?? NaN, expected, 1e-12), `${name}: ${derivation.result?.value} vs ${expected}`);
          const last = derivation.steps.at(-1)?.check?.value as number;
          assert.ok(close(last, expected, 1e-12));
        }
        const likelihoods = checkOf(topic('bce').derive(numbers).steps, 'likelihood of each point')[0] as number[];
        likelihoods.forEach((l, i) => assert.ok(close(l, numbers.y[i] === 1 ? (numbers.p[i] as number) : 1 - (numbers.p[i] as number), 1e-12)));
      }),
      PROPERTY_RUNS,
    );
  });

  test('GIVEN random points THEN the gradient steps match finite differences and the chain rule', () => {
    fc.assert(
      fc.property(probabilityPoints, (numbers) => {
        const steps = topic('gradient').derive(numbers).steps;
        const dLdp = checkOf(steps, '∂ℓ/∂p for each point')[0] as number[];
        const dpdz = checkOf(steps, 'dp/dz for each point')[0] as number[];
        const dLdz = checkOf(steps, '∂ℓ/∂z for each point')[0] as number[];
        numbers.y.forEach((y, i) => {
          const p = numbers.p[i] as number;
          const z = logit(p);
          assert.ok(close(dpdz[i] as number, derivative(sigmoidOf, z), 1e-5, 1e-9), 'dp/dz');
          assert.ok(close(dLdz[i] as number, derivative((t) => scoreLoss(y, t), z), 1e-5, 1e-8), 'dℓ/dz');
          assert.ok(close(dLdz[i] as number, (dLdp[i] as number) * (dpdz[i] as number), 1e-9, 1e-12), 'chain rule');
          if (p > 1e-3 && p < 1 - 1e-3) assert.ok(close(dLdp[i] as number, derivative((t) => pointLoss(y, t), p, 1e-8), 1e-4), 'dℓ/dp');
        });
        const result = topic('gradient').derive(numbers).result?.value as number;
        // ∂L/∂b: shift every score by the same b and differentiate the mean loss with the loss module.
        const z = numbers.p.map(logit);
        const meanLoss = (b: number) => binaryCrossEntropyFromLogits(numbers.y, z.map((v) => v + b)).loss;
        assert.ok(close(result, derivative(meanLoss, 0), 1e-5, 1e-8), `∂L/∂b ${result}`);
      }),
      PROPERTY_RUNS,
    );
  });

  test('GIVEN random points THEN the squared-error steps match finite differences', () => {
    fc.assert(
      fc.property(probabilityPoints, (numbers) => {
        const steps = topic('mse').derive(numbers).steps;
        const slope = checkOf(steps, '∂ℓ_MSE/∂z for each point')[0] as number[];
        const ratio = checkOf(steps, 'gradient ratio for each point')[0] as number[];
        const bce = checkOf(steps, '∂ℓ_BCE/∂z for each point')[0] as number[];
        const curvature = checkOf(steps, 'curvature ∂²ℓ_MSE/∂z² for each point')[0] as number[];
        numbers.y.forEach((y, i) => {
          const z = logit(numbers.p[i] as number);
          const squared = (t: number) => (sigmoidOf(t) - y) ** 2;
          assert.ok(close(slope[i] as number, derivative(squared, z), 1e-5, 1e-9));
          assert.ok(close(curvature[i] as number, derivative((t) => derivative(squared, t, 1e-5), z, 1e-4), 1e-3, 1e-6));
          assert.ok(close(slope[i] as number, (ratio[i] as number) * (bce[i] as number), 1e-9, 1e-15));
        });
      }),
      PROPERTY_RUNS,
    );
  });

  test('GIVEN random probabilities THEN the entropy steps agree with the loss module', () => {
    fc.assert(
      fc.property(probabilityPoints, ({ p }) => {
        const derivation = topic('entropy').derive({ y: new Float64Array(0), p });
        const bits = checkOf(derivation.steps, 'information of each event in bits')[0] as number[];
        const nats = checkOf(derivation.steps, 'information of each event')[0] as number[];
        bits.forEach((b, i) => assert.ok(close(b * Math.LN2, nats[i] as number, 1e-12)));
        const h = checkOf(derivation.steps, 'binary entropy of each prediction')[0] as number[];
        h.forEach((value, i) => assert.ok(close(value, entropy(Float64Array.of(1 - (p[i] as number), p[i] as number), 'e'), 1e-12)));
        const pair = derivation.steps[1]?.check?.value as number;
        const b = p.length > 1 ? (p[1] as number) : (p[0] as number);
        assert.ok(close(pair, -Math.log((p[0] as number) * b), 1e-9));
      }),
      PROPERTY_RUNS,
    );
  });

  test('GIVEN logits up to |z| = 800 THEN every topic stays finite and bce equals the stable logits loss', () => {
    fc.assert(
      fc.property(logitPoints, (numbers) => {
        const expected = binaryCrossEntropyFromLogits(numbers.y, numbers.logits as Float64Array).loss;
        for (const t of TOPICS) {
          const derivation = t.derive(t.needs === 'probabilities' ? { y: new Float64Array(0), p: numbers.p, logits: numbers.logits as Float64Array } : numbers);
          for (const step of derivation.steps) {
            const values = step.check ? [step.check.value].flat() : [];
            assert.ok(values.every(Number.isFinite), `${t.name}: ${step.title} ${String(step.check?.value)}`);
          }
          if (t.name === 'bce' || t.name === 'cross-entropy') {
            assertConsecutiveAgree(derivation.steps, 1e-9);
            assert.ok(close(derivation.result?.value as number, expected, 1e-12), `${t.name} ${derivation.result?.value} vs ${expected}`);
          }
        }
      }),
      PROPERTY_RUNS,
    );
    const extreme = topic('bce').derive({ y: Float64Array.of(0), p: Float64Array.of(1), logits: Float64Array.of(800) });
    assert.equal(extreme.result?.value, 800);
  });
});
