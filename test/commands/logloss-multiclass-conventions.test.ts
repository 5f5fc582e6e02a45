import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

const EXAMPLE = 'y=1,0,2 p=[[0.2,0.7,0.1],[0.6,0.2,0.2],[0.6,0.1,0.3]]';
const ROUGH = 'y=1,0,2 p=[[0,0.5,0.3],[0.5,0.3,0.4],[0.2,0.2,0]]';

// References: scikit-learn 1.2.1's log_loss and numpy by the libraries' documented formulas, run with
// /usr/bin/python3 (test/loss/multiclass-conventions.test.ts gives each formula).
describe('/logloss with a column of p per class and a library\'s convention', () => {
  test('GIVEN convention=keras on rough rows THEN Keras\'s figure beside scikit-learn\'s, both named', async () => {
    const reply = await ask(`/logloss ${ROUGH} convention=keras`);
    assert.ok(reply.ok, reply.summary);
    // numpy: -log(clip(R/R.sum(1), 1e-7, 1-1e-7)[range(3), y]).mean() = 5.8211893391859855
    assertClose(reply.data.loss as number, 5.8211893391859855, 1e-14);
    // scikit-learn 1.2.1: log_loss([1,0,2], R) = 12.157611674614214
    assertClose(reply.data.sklearnLoss as number, 12.157611674614214, 1e-14);
    assert.equal(reply.data.convention, 'keras');
    assert.equal(reply.data.eps, 1e-7);
    assert.equal(reply.data.reduction, 'sum_over_batch_size');
    assert.match(reply.summary, /Keras's categorical_crossentropy \(convention=keras\): each row is divided by its sum first, then every probability is clipped to \[1e-7, 1−1e-7\]/);
    assert.match(reply.summary, /here that gives 5\.821 nats where scikit-learn's log_loss gives 12\.16 nats/);
  });

  test('GIVEN convention=kaggle THEN rows renormalised, then clipped to 1e-15', async () => {
    const reply = await ask(`/logloss ${ROUGH} convention=kaggle`);
    assert.ok(reply.ok, reply.summary);
    // numpy: -log(clip(R/R.sum(1), 1e-15, 1-1e-15)[range(3), y]).mean() = 11.961416253836774
    assertClose(reply.data.loss as number, 11.961416253836774, 1e-14);
    assert.match(reply.summary, /Kaggle's multi-class LogLoss metric/);
  });

  test('GIVEN convention=torch and a 0 for the true class THEN ∞ with the reason, and no NaN in data', async () => {
    const reply = await ask(`/logloss ${ROUGH} convention=torch`);
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, Infinity);
    assert.equal(reply.data.eps, 0);
    assert.match(reply.summary, /Infinite: point 3 gave the true class probability 0 and NLLLoss takes log p as it is/);
    assert.match(reply.summary, /the −100 clamp is BCELoss's, not NLLLoss's/);
    assert.ok(!JSON.stringify(reply.data, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)).includes('"NaN"'));
  });

  test('GIVEN w= and each reduction THEN Σwl/Σw, Σwl and Σwl/N', async () => {
    // scikit-learn 1.2.1: log_loss(y, E, sample_weight=[1,2,3]) = 0.8317074340747537
    const mean = await ask(`/logloss ${EXAMPLE} w=1,2,3 reduction=mean`);
    assertClose(mean.data.loss as number, 0.8317074340747537, 1e-14);
    // scikit-learn 1.2.1: log_loss(..., normalize=False) = 4.990244604448522 (= 6 × the mean)
    const sum = await ask(`/logloss ${EXAMPLE} w=1,2,3 reduction=sum`);
    assertClose(sum.data.loss as number, 6 * 0.8317074340747537, 1e-14);
    assert.match(sum.summary, /reduction=sum gives the sum Σw·l; here that gives 4\.99 nats where scikit-learn's log_loss gives 0\.8317 nats/);
    // numpy: (w * -log(E[range(3), y])).sum() / 3 = 1.6634148681495073
    const batch = await ask(`/logloss ${EXAMPLE} w=1,2,3 reduction=sum_over_batch_size`);
    assertClose(batch.data.loss as number, 1.6634148681495073, 1e-14);
    assertClose(batch.data.perBatchMean as number, 1.6634148681495073, 1e-14);
  });

  test('GIVEN smoothing=0.1 THEN y(1−s)+s/K, the loss cannot reach 0 and its floor is named', async () => {
    const reply = await ask(`/logloss ${EXAMPLE} smoothing=0.1 convention=keras`);
    assert.ok(reply.ok, reply.summary);
    // numpy: -(T * log(clip(E/E.sum(1), 1e-7, 1-1e-7))).sum(1).mean() with T = 0.1/3 + 0.9·onehot = 0.7549507107101648
    assertClose(reply.data.loss as number, 0.7549507107101648, 1e-14);
    // scipy 1.10.1: entropy([0.9333…, 0.0333…, 0.0333…]) = 0.29113983883196504
    assertClose(reply.data.smoothingFloor as number, 0.29113983883196504, 1e-15);
    assert.match(reply.summary, /y·\(1−s\) \+ s\/K with K = 3, so the true class is scored at 0\.9333 and every other class at 0\.03333/);
    assert.match(reply.summary, /The loss can no longer reach 0: a point's floor is the entropy of its smoothed label, −0\.9333·ln 0\.9333 − 2·0\.03333·ln 0\.03333 = 0\.2911 nats/);
  });

  test('GIVEN w= THEN D² against the weighted class frequencies, in data and the answer', async () => {
    // 1 - log_loss(y, E, sample_weight=w) / log_loss(y, tile([2,1,3]/6, (3,1)), sample_weight=w) = 0.17767062776286902
    // (d2_log_loss_score is not in scikit-learn 1.2.1: computed by its definition with 1.2.1's log_loss)
    const reply = await ask(`/logloss ${EXAMPLE} w=1,2,3`);
    assertClose(reply.data.d2 as number, 0.17767062776286902, 1e-14);
    assert.match(reply.summary, /D² \(scikit-learn's d2_log_loss_score, McFadden's pseudo-R²\) = 1 − 0\.8317\/1\.011 = 0\.1777/);
    // 1 - log_loss(y, E) / log_loss(y, tile([1,1,1]/3, (3,1))) = 0.37148789328824205
    const plain = await ask(`/logloss ${EXAMPLE}`);
    assertClose(plain.data.d2 as number, 0.37148789328824205, 1e-14);
  });

  test('GIVEN eps=0 THEN scikit-learn\'s order with nothing clipped, and a 0 for the true class is ∞', async () => {
    const reply = await ask(`/logloss ${ROUGH} eps=0`);
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, Infinity);
    assert.match(reply.summary, /Infinite: point 3 gave the true class probability 0 and eps=0 clips nothing/);
  });

  for (const [line, code, pattern] of [
    [`/logloss ${EXAMPLE} pos_weight=2`, 'conflicting-options', /^pos_weight=2 is PyTorch's BCEWithLogitsLoss option for labels of two classes; .* leave pos_weight out/],
    [`/logloss ${EXAMPLE} bins=5`, 'conflicting-options', /^bins=5 sets the reliability diagram of a binary prediction; .* leave bins out/],
    [`/logloss ${EXAMPLE} smoothing=1`, 'out-of-range', /^smoothing/],
    [`/logloss ${EXAMPLE} reduction=avg`, 'invalid-choice', /^reduction/],
  ] as const) {
    test(`GIVEN ${line} THEN one clear sentence (${code})`, async () => {
      const reply = await ask(line);
      assert.equal(reply.ok, false);
      assert.equal(reply.error?.code, code);
      assert.match(reply.error?.message ?? '', pattern);
    });
  }
});

describe('/logloss with a column of p per class: what each point adds', () => {
  test('GIVEN smoothing= THEN every column counts; GIVEN convention=torch THEN only the true class does', async () => {
    const smoothed = await ask(`/logloss ${EXAMPLE} smoothing=0.2`);
    assert.match(smoothed.summary, /Each point adds −Σ t·ln q over every column of its row/);
    const torch = await ask(`/logloss ${EXAMPLE} convention=torch`);
    assert.match(torch.summary, /the other columns do not count at all \(nothing is renormalised\)/);
  });
});

describe('/logloss with a CSV of a column per class and a convention', () => {
  test('GIVEN y,0,1,2 rows and convention=kaggle THEN the same figure as inline', async () => {
    const csv = 'y,0,1,2\n1,0,0.5,0.3\n0,0.5,0.3,0.4\n2,0.2,0.2,0\n';
    const reply = await ask('/logloss file=rough.csv convention=kaggle', { 'rough.csv': csv });
    assert.ok(reply.ok, reply.summary);
    // numpy: -log(clip(R/R.sum(1), 1e-15, 1-1e-15)[range(3), y]).mean() = 11.961416253836774
    assertClose(reply.data.loss as number, 11.961416253836774, 1e-14);
    const bins = await ask('/logloss file=rough.csv bins=4', { 'rough.csv': csv });
    assert.equal(bins.error?.code, 'conflicting-options');
  });
});
