import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderJson } from '../../src/adapters/cli/render-json.js';
import { ask } from '../support/core.js';

const close = (actual: unknown, expected: number, relative = 1e-14) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= relative * Math.abs(expected), `${String(actual)} vs ${expected}`);

describe('/logloss conventions', () => {
  test('GIVEN weights and convention=keras THEN Σwl/N, with scikit-learn\'s Σwl/Σw beside it and the convention named', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7 w=1,1,3 convention=keras');
    assert.ok(reply.ok, reply.summary);
    // mpmath: Σwl = 1.3985288987882331937; /N = 0.46617629959607773124; scikit-learn 1.2.1 with sample_weight: 0.27970577975764666
    close(reply.data.loss, 0.46617629959607773124);
    close(reply.data.weightedMean, 0.27970577975764666);
    close(reply.data.perBatchMean, 0.46617629959607773124);
    assert.equal(reply.data.convention, 'keras');
    assert.equal(reply.data.reduction, 'sum_over_batch_size');
    assert.match(reply.summary, /Keras's binary_crossentropy \(convention=keras\)/);
    assert.match(reply.summary, /scikit-learn's log_loss gives 0\.2797 nats/);
    assert.match(reply.summary, /divides Σw·l by Σw and gives 0\.2797 nats; Keras .* give 0\.4662 nats/);
  });

  test('GIVEN weights and no convention THEN scikit-learn\'s mean stays the default and the per-batch figure is given too', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7 w=1,1,3');
    assert.ok(reply.ok);
    close(reply.data.loss, 0.27970577975764666);
    assert.equal(reply.data.reduction, 'mean');
    assert.match(reply.summary, /N = 3 and give 0\.4662 nats/);
  });

  test('GIVEN reduction=sum THEN Σwl, and the headline says sum', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7 w=1,1,3 reduction=sum');
    assert.ok(reply.ok);
    close(reply.data.loss, 1.3985288987882331937);
    assert.match(reply.summary, /the sum over 3 points/);
  });

  test('GIVEN eps=0 and p=0 for a 1 THEN Infinity with the reason, and the JSON writes "Infinity", never NaN', async () => {
    const reply = await ask('/logloss y=1,0 p=0,0.2 eps=0');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, Infinity);
    assert.equal(reply.data.eps, 0);
    assert.match(String(reply.data.infiniteReason), /point 1 gives its true class probability 0 and eps=0 clips nothing/);
    assert.doesNotMatch(String(reply.data.infiniteReason), /float64/);
    const json = JSON.parse(renderJson(reply, '', []));
    assert.equal(json.data.loss, 'Infinity');
  });

  test('GIVEN convention=kaggle THEN clipped at 1e-15, and the row renormalisation is said to be a no-op', async () => {
    const reply = await ask('/logloss y=1,0,1,0 p=0,0.2,0.7,1 convention=kaggle');
    assert.ok(reply.ok);
    // scikit-learn 1.2.1: log_loss([1,0,1,0], [0,0.2,0.7,1], eps=1e-15) = 17.414542720626127; default eps: 18.16678131837181
    close(reply.data.loss, 17.414542720626127, 1e-13);
    close(reply.data.sklearnLoss, 18.16678131837181, 1e-13);
    assert.match(reply.summary, /renormalised .* no-op for binary p/);
    assert.match(reply.summary, /\[1e-15, 1−1e-15\]/);
  });

  test('GIVEN convention=torch THEN each log clamped at −100, said with the student\'s numbers', async () => {
    const reply = await ask('/logloss y=1,0,1,0 p=0,0.2,0.7,1 convention=torch');
    assert.ok(reply.ok);
    // torch.nn.BCELoss docs (log clamped ≥ −100): (100 − ln 0.8 − ln 0.7 + 100)/4, mpmath 200.57981849525294213/4
    close(reply.data.loss, 200.57981849525294213 / 4);
    assert.equal(reply.data.logFloor, -100);
    assert.match(reply.summary, /clamped at −100, so a loss term is at most 100 nats/);
  });

  test('GIVEN eps= with convention= THEN the override is said', async () => {
    const reply = await ask('/logloss y=1,0 p=0,0.2 convention=keras eps=0.001 reduction=sum');
    assert.ok(reply.ok);
    assert.match(reply.summary, /override convention=keras: eps=0\.001 replaces its ε = 1e-7, and reduction=sum replaces its sum_over_batch_size/);
    assert.deepEqual(reply.data.overridden, ['eps', 'reduction']);
  });

  test('GIVEN pos_weight=3 THEN the weighted positive term and the optimum moving from π to 3π/(3π + 1 − π)', async () => {
    const reply = await ask('/logloss y=1,0,0,0 logits=0.5,-1,-2,0.3 pos_weight=3');
    assert.ok(reply.ok);
    // mpmath: mean of 3·softplus(−0.5), softplus(−1), softplus(−2), softplus(0.3) = 0.67919397389251062139
    close(reply.data.loss, 0.67919397389251062139);
    assert.equal(reply.data.posWeightOptimum, 0.5);
    assert.match(reply.summary, /from the base rate π = 0\.25 to 3·π \/ \(3·π \+ 1 − π\) = 0\.5/);
  });

  test('GIVEN smoothing=0.1 THEN the floor H(0.95) is given and the loss cannot reach it below', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7 smoothing=0.1');
    assert.ok(reply.ok);
    // numpy with Keras's y·(1−s) + s/2: 0.30223995028431133; mpmath H(0.95) = 0.19851524334587255643
    close(reply.data.loss, 0.30223995028431133, 1e-13);
    close(reply.data.smoothingFloor, 0.19851524334587255643, 1e-13);
    assert.match(reply.summary, /H\(0\.95\) = 0\.1985 nats/);
    assert.match(reply.summary, /can no longer reach 0/);
  });

  test('GIVEN any two-class answer THEN D² is in the data and the answer', async () => {
    const reply = await ask('/logloss y=1,0,1,1,0,0,1 p=0.8,0.3,0.6,0.9,0.1,0.4,0.35 w=1,2,1,0.5,1,3,1');
    assert.ok(reply.ok);
    // By d2_log_loss_score's definition with scikit-learn 1.2.1's log_loss (1.2.1 has no d2_log_loss_score)
    close(reply.data.d2, 0.33019373476899083, 1e-13);
    assert.match(reply.summary, /D² \(scikit-learn's d2_log_loss_score, McFadden's pseudo-R²\) = 1 − /);
  });

  for (const [line, code, pattern] of [
    ['eps=-0.1', 'out-of-range', /eps: "-0\.1" is out of range/],
    ['eps=0.5', 'out-of-range', /up to, but not including, 0\.5/],
    ['eps=0.1,0.2', 'not-one-value', /eps takes one number/],
    ['reduction=avg', 'invalid-choice', /reduction: "avg" is not one of mean, sum, sum_over_batch_size/],
    ['convention=tf', 'invalid-choice', /convention: "tf" is not one of sklearn, kaggle, torch, keras/],
    ['pos_weight=0', 'out-of-range', /pos_weight: "0" is out of range/],
    ['smoothing=1', 'out-of-range', /smoothing: "1" is out of range/],
    ['bins=2.5', 'out-of-range', /bins: "2\.5" is not a whole number/],
  ] as const) {
    test(`GIVEN ${line} THEN one clear sentence (${code})`, async () => {
      const reply = await ask(`/logloss y=1,0 p=0.9,0.2 ${line}`);
      assert.equal(reply.ok, false);
      assert.equal(reply.error?.code, code);
      assert.match(reply.error?.message ?? '', pattern);
    });
  }
});

describe('/logloss calibration', () => {
  const n = 120;
  const p = Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 100);
  const y = p.map((pi, i) => (((i * 13) % 7) < (pi > 0.5 ? 4 : 3) ? 1 : 0));

  test('GIVEN 120 points THEN Brier, ECE and the bins of scikit-learn 1.2.1, with a finding from the bins', async () => {
    const reply = await ask(`/logloss y=${y.join(',')} p=${p.join(',')}`);
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: brier_score_loss = 0.29911583333333336; ECE from calibration_curve(n_bins=10) = 0.2155833333333333
    close(reply.data.brier, 0.29911583333333336);
    close(reply.data.ece, 0.2155833333333333, 1e-13);
    assert.match(reply.summary, /Brier score 0\.299 .* ECE 0\.216 over 10 equal-width bins/);
    assert.match(reply.summary, /The reliability diagram says this model is (over|under)-confident (above|below) /);
  });

  test('GIVEN a CSV THEN calibration even for few points, and bins= changes the bins', async () => {
    const reply = await ask('/logloss file=d.csv bins=2', { 'd.csv': 'y,p\n1,0.9\n0,0.2\n1,0.7\n0,0.6\n' });
    assert.ok(reply.ok, reply.summary);
    assert.equal((reply.data.calibration as { bins: number }).bins, 2);
    // scikit-learn 1.2.1: brier_score_loss([1,0,1,0], [0.9,0.2,0.7,0.6]) = 0.125
    close(reply.data.brier, 0.125);
  });

  test('GIVEN a few inline points THEN no calibration section', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7');
    assert.ok(reply.ok);
    assert.equal(reply.data.brier, undefined);
    assert.doesNotMatch(reply.summary, /Brier/);
  });
});

describe('/logloss examples', () => {
  test('GIVEN every inline example the command declares THEN an answer, no error and no NaN', async () => {
    const { default: logloss } = await import('../../commands/logloss.js');
    for (const line of logloss.examples.filter((l) => !l.includes('file='))) {
      const reply = await ask(line);
      assert.ok(reply.ok, `${line}: ${reply.error?.message ?? ''}`);
      assert.doesNotMatch(JSON.stringify(reply.data, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v)), /NaN!/, line);
    }
  });
});
