import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { DerivationStep, DeriveNumbers } from '../../src/derive/derivation.js';
import { topicNamed } from '../../src/derive/topics/index.js';
import { ask } from '../support/core.js';
import { close, closeValues, logitPoints, probabilityPoints, PROPERTY_RUNS } from './derive-fixtures.js';

const topic = (name: string) => {
  const found = topicNamed(name);
  assert.ok(found, name);
  return found;
};

function assertConsecutiveAgree(steps: DerivationStep[]): void {
  for (let k = 1; k < steps.length; k++) {
    const before = steps[k - 1]?.check;
    const after = steps[k]?.check;
    if (!before || !after || before.quantity !== after.quantity) continue;
    assert.ok(closeValues(before.value, after.value, 1e-9), `steps ${k} and ${k + 1} disagree on ${after.quantity}`);
  }
}

const resultOf = async (line: string): Promise<number> => {
  const reply = await ask(line);
  assert.ok(reply.ok, reply.summary);
  return reply.data.result as number;
};

describe('/derive pos_weight and smoothing', () => {
  test('GIVEN topic=gradient pos_weight=3 THEN ∂L/∂b = mean of w·y·(p−1) + (1−y)·p and the optimum moves from π = 1/4 to 1/2', () => {
    const derivation = topic('gradient').derive({ y: Float64Array.of(1, 0, 0, 0), p: Float64Array.of(0.6, 0.3, 0.2, 0.1), posWeight: 3 });
    // mpmath (30 digits): (3·(0.6 − 1) + 0.3 + 0.2 + 0.1) / 4 = −0.15; 3·0.25 / (3·0.25 + 0.75) = 0.5
    assert.ok(close(derivation.result?.value ?? NaN, -0.15, 1e-14));
    const optimum = derivation.steps.find((step) => step.check?.quantity === 'loss-minimising constant prediction');
    assert.equal(optimum?.check?.value, 0.5);
    assert.match(optimum?.plugged?.unicode ?? '', /c\* = 3·0\.25 \/ \(3·0\.25 \+ 1 − 0\.25\) = 0\.5$/);
    assert.ok(derivation.steps.every((step) => step.plugged !== undefined));
    assertConsecutiveAgree(derivation.steps);
  });

  test('GIVEN topic=gradient pos_weight=3 THEN the answer\'s headline no longer says the gradient is simply p − y', async () => {
    const reply = await ask('/derive topic=gradient y=1,0 p=0.9,0.3 pos_weight=3');
    assert.ok(reply.ok, reply.summary);
    assert.doesNotMatch(reply.summary, /simply p − y/);
    assert.match(reply.summary, /w·y·\(p − 1\) \+ \(1 − y\)·p/);
    assert.match(reply.title, /pos_weight/);
  });

  test('GIVEN random points and pos_weight THEN the gradient is the derivative of /logloss\'s loss in the intercept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(probabilityPoints, logitPoints.filter((n) => Array.from(n.logits ?? []).every((z) => Math.abs(z) < 30))), fc.double({ min: 0.1, max: 10, noNaN: true }), async (numbers, w) => {
        const z = numbers.logits ?? numbers.p.map((p) => Math.log(p / (1 - p)));
        const derivation = topic('gradient').derive({ ...numbers, posWeight: w });
        assertConsecutiveAgree(derivation.steps);
        const shifted = (h: number) => topic('bce').derive({ y: numbers.y, p: z.map((v) => 1 / (1 + Math.exp(-(v + h)))), logits: z.map((v) => v + h), posWeight: w }).result?.value ?? NaN;
        const numeric = (shifted(1e-6) - shifted(-1e-6)) / 2e-6;
        assert.ok(close(derivation.result?.value ?? NaN, numeric, 1e-5, 1e-7), `${derivation.result?.value} vs ${numeric}`);
      }),
      { ...PROPERTY_RUNS, numRuns: 60 },
    );
  });

  test('GIVEN /derive and /logloss with the same pos_weight or smoothing THEN the same loss', async () => {
    for (const [derive, logloss, reference] of [
      // mpmath (30 digits): −(1/4)[3·ln σ(0.5) + ln(1 − σ(−1)) + ln(1 − σ(−2)) + ln(1 − σ(0.3))]
      ['/derive topic=bce y=1,0,0,0 logits=0.5,-1,-2,0.3 pos_weight=3', '/logloss y=1,0,0,0 logits=0.5,-1,-2,0.3 pos_weight=3', 0.679193973892510622981575700536],
      // mpmath: labels 0.95, 0.05; −(1/2)[0.95 ln 0.9 + 0.05 ln 0.1 + 0.05 ln 0.2 + 0.95 ln 0.8]
      ['/derive topic=bce y=1,0 p=0.9,0.2 smoothing=0.1', '/logloss y=1,0 p=0.9,0.2 smoothing=0.1', 0.253840006947420778537521903494],
      ['/derive topic=cross-entropy y=1,0 p=0.9,0.2 smoothing=0.1', '/logloss y=1,0 p=0.9,0.2 smoothing=0.1', 0.253840006947420778537521903494],
      ['/derive topic=categorical y=1,0 p=0.9,0.2 smoothing=0.1', '/logloss y=1,0 p=0.9,0.2 smoothing=0.1', 0.253840006947420778537521903494],
      ['/derive topic=bce y=1,0 p=0.9,0.2 smoothing=0.1 pos_weight=2', '/logloss y=1,0 p=0.9,0.2 smoothing=0.1 pos_weight=2', undefined],
    ] as const) {
      const derived = await resultOf(derive);
      const reported = await ask(logloss);
      assert.ok(reported.ok, reported.summary);
      assert.ok(close(derived, reported.data.loss as number, 1e-14), `${derive}: ${derived} vs ${String(reported.data.loss)}`);
      if (reference !== undefined) assert.ok(close(derived, reference, 1e-14), derive);
    }
  });

  test('GIVEN smoothing=0.1 THEN the smoothed labels are plugged in and the floor H(0.95) = 0.1985 nats is stated', () => {
    for (const name of ['bce', 'cross-entropy', 'categorical']) {
      const derivation = topic(name).derive({ y: Float64Array.of(1, 0), p: Float64Array.of(0.9, 0.2), smoothing: 0.1 });
      const labels = derivation.steps.find((step) => step.check?.quantity === 'smoothed label of each point');
      assert.ok(closeValues(labels?.check?.value ?? [], [0.95, 0.05], 1e-15), name);
      const floor = derivation.steps.find((step) => step.check?.quantity === 'least possible loss');
      // mpmath: H(0.95) = −(0.95 ln 0.95 + 0.05 ln 0.05) = 0.198515243345872556426647515849
      assert.ok(close(floor?.check?.value as number, 0.198515243345872556426647515849, 1e-14), name);
      assert.match(floor?.plugged?.unicode ?? '', /H\(0\.95\) = 0\.1985/);
      assert.ok(derivation.steps.every((step) => step.plugged !== undefined), name);
      assertConsecutiveAgree(derivation.steps);
    }
  });

  test('GIVEN random points, pos_weight and smoothing THEN consecutive steps agree and no step has NaN', () => {
    fc.assert(
      fc.property(fc.oneof(probabilityPoints, logitPoints), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), (numbers: DeriveNumbers, w, s) => {
        const derivation = topic('bce').derive({ ...numbers, posWeight: w, smoothing: s });
        assertConsecutiveAgree(derivation.steps);
        assert.ok(!JSON.stringify(derivation).includes('null') && Number.isFinite(derivation.result?.value));
      }),
      PROPERTY_RUNS,
    );
  });

  test('GIVEN topic=categorical with K classes and smoothing THEN labels 1 − s + s/K and s/K, the floor H(y′) and the mean loss', async () => {
    // mpmath (30 digits): y′ = (1/30, 1/30, 14/15); −Σ y′_c ln p_c with p = (0.2, 0.3, 0.5); H(y′)
    const reply = await ask('/derive topic=categorical y=2 p=0.2,0.3,0.5 smoothing=0.1');
    assert.ok(reply.ok, reply.summary);
    assert.ok(close(reply.data.result as number, 0.740717725747950167696866831727, 1e-14));
    const derivation = topic('categorical').derive({ y: Float64Array.of(2), p: Float64Array.of(0.5), classes: { k: 3, p: Float64Array.of(0.2, 0.3, 0.5) }, smoothing: 0.1 });
    const floor = derivation.steps.find((step) => step.check?.quantity === 'least possible loss');
    assert.ok(close(floor?.check?.value as number, 0.291139838831965046402740837671, 1e-14));
    assert.match(floor?.plugged?.unicode ?? '', /= 0\.2911 nats$/);
    assertConsecutiveAgree(derivation.steps);
    // mpmath: two points of scores, s = 0.2, each −Σ y′_c (z_c − ln Σ e^z), averaged
    assert.ok(close(await resultOf('/derive topic=categorical y=2,0 logits=[[1,0.5,2],[3,-1,0.2]] smoothing=0.2'), 0.580259980878960686785453788365, 1e-14));
    const scores = await ask('/derive topic=categorical y=2,0 logits=[[1,0.5,2],[3,-1,0.2]] smoothing=0.2');
    assert.deepEqual(scores.paging, { line: '/derive topic=categorical y=2,0 logits=[[1,0.5,2],[3,-1,0.2]] smoothing=0.2' });
  });

  test('GIVEN smoothing=0 THEN the floor is 0 and the step does not claim the loss cannot reach 0', () => {
    for (const numbers of [{ y: Float64Array.of(1, 0), p: Float64Array.of(0.9, 0.2), smoothing: 0 }, { y: Float64Array.of(2), p: Float64Array.of(0.5), classes: { k: 3, p: Float64Array.of(0.2, 0.3, 0.5) }, smoothing: 0 }]) {
      const floor = topic('categorical').derive(numbers).steps.find((step) => step.check?.quantity === 'least possible loss');
      assert.equal(floor?.check?.value, 0);
      assert.equal(floor?.title, 'The floor of the loss');
    }
  });

  test('GIVEN the options THEN the paging line reproduces the request', async () => {
    for (const line of ['/derive topic=gradient y=1,0 p=0.9,0.3 pos_weight=3', '/derive topic=bce y=1,0 logits=2,-1 pos_weight=0.5 smoothing=0.2', '/derive topic=categorical y=1 p=0.7 smoothing=0.1']) {
      const reply = await ask(line);
      assert.ok(reply.ok, reply.summary);
      assert.deepEqual(reply.paging, { line });
    }
  });

  test('GIVEN an option with a topic that does not take it, out of range, or without points THEN one user error naming it', async () => {
    for (const [line, code, pattern] of [
      ['/derive topic=mse y=1 p=0.8 pos_weight=3', 'conflicting-options', /pos_weight.*topic=gradient, topic=bce/],
      ['/derive topic=gradient y=1 p=0.8 smoothing=0.1', 'conflicting-options', /smoothing.*topic=bce, topic=cross-entropy, topic=categorical/],
      ['/derive topic=entropy p=0.8 smoothing=0.1', 'conflicting-options', /smoothing/],
      ['/derive topic=bce y=1 p=0.8 pos_weight=0', 'out-of-range', /pos_weight: "0"/],
      ['/derive topic=bce y=1 p=0.8 smoothing=1', 'out-of-range', /smoothing: "1"/],
      ['/derive topic=bce y=1 p=0.8 smoothing=0.1,0.2', 'not-one-value', /smoothing takes one number/],
      ['/derive topic=bce pos_weight=2', 'missing-option', /pos_weight .* needs your points/],
    ] as const) {
      const reply = await ask(line);
      assert.equal(reply.ok, false, line);
      assert.equal(reply.error?.code, code, line);
      assert.match(reply.summary, pattern, line);
    }
  });
});
