import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import { ask } from '../support/core.js';

/**
 * Sums that pass float64's largest number (1.798e308) while the mean, the ratio or the share they
 * feed does not. References: mpmath at 50 digits on the float64 inputs.
 */

function assertNoNaN(reply: Reply): void {
  const text = JSON.stringify(reply.data, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? 'NaN!' : value));
  assert.ok(!text.includes('NaN!'), `NaN in data: ${text.slice(0, 300)}`);
}

function assertNear(actual: unknown, expected: number, relative: number, what: string): void {
  assert.equal(typeof actual, 'number', `${what}: ${String(actual)}`);
  const value = actual as number;
  assert.ok(Math.abs(value - expected) <= relative * Math.abs(expected), `${what}: ${value}, expected ${expected}`);
}

describe('/logloss with weights whose sum overflows', () => {
  test('GIVEN y=1,0 p=0.5,0.5 w=1e308,1e308 THEN the weighted mean is ln 2 = 0.6931471805599453, and so is the baseline', async () => {
    const reply = await ask('/logloss y=1,0 p=0.5,0.5 w=1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assertNear(reply.data.loss, 0.6931471805599453, 1e-15, 'loss');
    assertNear(reply.data.baseRate, 0.5, 1e-15, 'base rate');
    assertNear(reply.data.baseline, 0.6931471805599453, 1e-15, 'baseline');
    assert.match(reply.title, /0\.6931 nats/);
    assertNoNaN(reply);
  });

  test('GIVEN weights 1e308 and 1.5e308 THEN the same answer as weights 2 and 3: 0.17603033705165638, baseline H(0.4) = 0.6730116670092564', async () => {
    const huge = await ask('/logloss y=1,0 p=0.9,0.2 w=1e308,1.5e308');
    const small = await ask('/logloss y=1,0 p=0.9,0.2 w=2,3');
    assert.ok(huge.ok, huge.summary);
    assertNear(huge.data.loss, 0.17603033705165638, 1e-15, 'loss');
    assertNear(huge.data.loss, small.data.loss as number, 1e-15, 'loss against w=2,3');
    assertNear(huge.data.baseRate, 0.4, 1e-15, 'base rate');
    assertNear(huge.data.baseline, 0.6730116670092564, 1e-15, 'baseline');
    (huge.data.share as number[]).forEach((s, i) => assertNear(s, (small.data.share as number[])[i] as number, 1e-15, `share ${i + 1}`));
  });

  test('GIVEN a clipped p with weights 1e308 THEN loss 18.36840028483855, PyTorch 50.346573590279974, Keras 8.405621415759132, never NaN', async () => {
    const reply = await ask('/logloss y=1,0 p=0,0.5 w=1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assertNear(reply.data.loss, 18.36840028483855, 1e-15, 'loss');
    const clipping = reply.data.clipping as { pytorchLoss: number; kerasLoss: number };
    assertNear(clipping.pytorchLoss, 50.346573590279974, 1e-15, 'PyTorch');
    assertNear(clipping.kerasLoss, 8.405621415759132, 1e-14, 'Keras');
    assertNoNaN(reply);
  });

  test('GIVEN weights and losses of 1e308 together THEN the weighted mean is 1e308, not ∞/∞', async () => {
    const reply = await ask('/logloss y=0,0 logits=1e308,1e308 w=1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assertNear(reply.data.loss, 1e308, 1e-15, 'loss');
    assert.deepEqual(reply.data.share, [0.5, 0.5]);
    assertNoNaN(reply);
  });
});

describe('/logloss with losses whose sum overflows', () => {
  test('GIVEN y=1,0,1,0 logits=1e308,1e308,-1e308,-1e308 THEN the mean of 0, 1e308, 1e308, 0 is 5e307, not Infinity', async () => {
    const reply = await ask('/logloss y=1,0,1,0 logits=1e308,1e308,-1e308,-1e308');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, 5e307);
    assert.deepEqual(reply.data.perPoint, [0, 1e308, 1e308, 0]);
    assert.deepEqual(reply.data.share, [0, 0.5, 0.5, 0]);
    assertNear(reply.data.baseline, 0.6931471805599453, 1e-15, 'baseline');
    assert.match(reply.title, /5e\+307 nats/);
    assert.equal(reply.data.infiniteReason, undefined);
    assertNoNaN(reply);
  });

  test('GIVEN three losses of 1e308 THEN their mean is 1e308', async () => {
    const reply = await ask('/logloss y=0,0,0 logits=1e308,1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assertNear(reply.data.loss, 1e308, 1e-15, 'loss');
  });

  test('GIVEN a loss that really is beyond float64 in bits THEN Infinity, with the reason in the data and the answer', async () => {
    const reply = await ask('/logloss y=0 logits=1.5e308 base=2');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, Infinity);
    assert.match(String(reply.data.infiniteReason), /larger than 1\.798e\+308, the largest number a float64 can hold/);
    assert.match(String(reply.data.infiniteReason), /in nats it is 1\.5e\+308/);
    assert.match(reply.summary, /Note: in bits the log loss is larger than 1\.798e\+308/);
    assertNoNaN(reply);
  });

  test('GIVEN one point beyond float64 in bits but a finite mean 1.0820212806667227e308 THEN the point is ∞ with its reason', async () => {
    const reply = await ask('/logloss y=0,1 logits=1.5e308,5 base=2');
    assert.ok(reply.ok, reply.summary);
    assertNear(reply.data.loss, 1.0820212806667227e308, 1e-15, 'loss');
    assert.equal((reply.data.perPoint as number[])[0], Infinity);
    assert.match(String(reply.data.infiniteReason), /point 1/);
    assert.match(reply.summary, /point 1/);
    assertNoNaN(reply);
  });

  test('GIVEN a loss so small that its reciprocal overflows THEN its share of the total is 1, not Infinity', async () => {
    const one = await ask('/logloss y=1 logits=740');
    assert.ok(one.ok, one.summary);
    assert.deepEqual(one.data.share, [1]);
    const two = await ask('/logloss y=1,0 logits=740,-740');
    assert.deepEqual(two.data.share, [0.5, 0.5]);
  });
});

describe('/entropy with counts whose sum overflows', () => {
  test('GIVEN q=1e308,1e308,1e308 THEN uniform thirds and H = ln 3 = 1.0986122886681098, not 0', async () => {
    const reply = await ask('/entropy q=1e308,1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(reply.data.q, [1 / 3, 1 / 3, 1 / 3]);
    assertNear(reply.data.entropy, 1.0986122886681098, 1e-15, 'entropy');
    assertNoNaN(reply);
  });

  test('GIVEN p as counts of 1e308 THEN H_p(q) = ln 3 and D(q‖p) = 0.08720802396075797, nothing infinite', async () => {
    const reply = await ask('/entropy q=1,2,3 p=1e308,1e308,1e308');
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(reply.data.p, [1 / 3, 1 / 3, 1 / 3]);
    assertNear(reply.data.crossEntropy, 1.0986122886681098, 1e-15, 'cross-entropy');
    assertNear(reply.data.kl, 0.08720802396075797, 1e-14, 'KL');
    assert.equal(reply.data.infiniteReason, undefined);
    assertNoNaN(reply);
  });
});
