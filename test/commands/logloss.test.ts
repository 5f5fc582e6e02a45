import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';

/** Reference values computed independently with mpmath at 50 digits (see the comments). */
describe('/logloss', () => {
  test('GIVEN the practice problem y=1, p=0.85 THEN -ln 0.85 = 0.16251892949777494 nats, explained', async () => {
    const reply = await ask('/logloss y=1 p=0.85');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.loss, 0.16251892949777494);
    assert.equal(reply.data.n, 1);
    assert.equal(reply.data.base, 'e');
    assert.match(reply.summary, /0\.1625 nats/);
    assert.match(reply.summary, /−ln\(0\.85\) = 0\.1625 nats/);
    assert.equal(reply.title, 'Log loss: 0.1625 nats');
  });

  test('GIVEN y=1,0,1 p=0.9,0.2,0.7 THEN the mean of -ln .9, -ln .8, -ln .7 with shares and the baseline', async () => {
    const reply = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7');
    assert.ok(reply.ok);
    // mpmath: (-(ln 0.9 + ln 0.8 + ln 0.7))/3 = 0.228393003636922...
    assert.ok(Math.abs((reply.data.loss as number) - 0.22839300363692283) < 1e-15);
    const perPoint = reply.data.perPoint as number[];
    assert.equal(perPoint.length, 3);
    assert.ok(Math.abs((perPoint[2] as number) - 0.35667494393873245) < 1e-15);
    const share = reply.data.share as number[];
    assert.ok(Math.abs(share.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    // Base rate 2/3: H(2/3) = ln 3 - (2/3) ln 2 = 0.6365141682948128
    assert.ok(Math.abs((reply.data.baseline as number) - 0.6365141682948128) < 1e-12);
    assert.ok((reply.data.gap as number) < 0);
    assert.match(reply.summary, /better/);
    assert.equal(reply.table?.rows.length, 3);
  });

  test('GIVEN two confident mistakes THEN they are named and their share given', async () => {
    const reply = await ask('/logloss y=1,0,1,1,0 p=0.9,0.2,0.7,0.05,0.95');
    assert.ok(reply.ok);
    assert.match(reply.summary, /point 4 \(y=1, p=0\.05\) gave its true class only 0\.05/);
    assert.match(reply.summary, /The 2 points on the wrong side of 0\.5 \(points 4, 5\)/);
    assert.deepEqual((reply.data.worst as number[]).slice(0, 2).sort(), [4, 5]);
  });

  test('GIVEN percentages THEN they are converted and the reply says so', async () => {
    const reply = await ask('/logloss y=1 p=85%');
    assert.ok(reply.ok);
    assert.equal(reply.data.loss, 0.16251892949777494);
    assert.match(reply.summary, /read 1 percentage in p as fractions/);
  });

  test('GIVEN p=0 for y=1 THEN clipped like scikit-learn, with the PyTorch and Keras figures', async () => {
    const reply = await ask('/logloss y=1 p=0');
    assert.ok(reply.ok);
    // -ln(2^-52) = 52 ln 2
    assert.ok(Math.abs((reply.data.loss as number) - 36.04365338911715) < 1e-12);
    assert.equal(reply.data.clipped, 1);
    const clipping = reply.data.clipping as { pytorchLoss: number; kerasLoss: number };
    assert.equal(clipping.pytorchLoss, 100);
    assert.ok(Math.abs(clipping.kerasLoss - 16.11809565095832) < 1e-9);
    assert.match(reply.summary, /clipped/);
    assert.match(reply.summary, /PyTorch's BCELoss .* would report 100 nats; Keras .* would report 16\.12 nats/);
  });

  test('GIVEN logits at |z| = 800 THEN exact, stable losses', async () => {
    const reply = await ask('/logloss y=1,1,0 logits=-800,40,800');
    assert.ok(reply.ok);
    const perPoint = reply.data.perPoint as number[];
    assert.equal(perPoint[0], 800);
    assert.ok(Math.abs((perPoint[1] as number) - 4.248354255291589e-18) < 1e-30);
    assert.equal(perPoint[2], 800);
    assert.equal(reply.data.clipped, 0);
  });

  test('GIVEN base=2 THEN bits', async () => {
    const reply = await ask('/logloss y=1 p=0.5 base=2');
    assert.ok(reply.ok);
    assert.equal(reply.data.loss, 1);
    assert.equal(reply.data.base, 2);
    assert.equal(reply.data.unit, 'bits');
    assert.match(reply.title, /1 bits|1 bit/);
  });

  test('GIVEN weights THEN the weighted mean sum(w*l)/sum(w)', async () => {
    const reply = await ask('/logloss y=1,0 p=0.9,0.2 w=3,1');
    assert.ok(reply.ok);
    const expected = (3 * -Math.log(0.9) + 1 * -Math.log(0.8)) / 4;
    assert.ok(Math.abs((reply.data.loss as number) - expected) < 1e-15);
  });

  test('GIVEN the visual explanation data with x THEN the exact optimum 0.97193448, 0.65553595, loss 0.33291141', async () => {
    const reply = await ask('/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1, LogisticRegression(solver='newton-cholesky', tol=1e-12): coef 0.9719344751851487,
    // intercept 0.6555359451636961, log_loss 0.3329114099503905 (its default lbfgs prints 0.97191825, 0.65557059).
    assert.ok(Math.abs((reply.data.coef as number) - 0.9719344751851487) < 1e-12);
    assert.ok(Math.abs((reply.data.intercept as number) - 0.6555359451636961) < 1e-12);
    assert.ok(Math.abs((reply.data.loss as number) - 0.3329114099503905) < 1e-12);
    assert.match(reply.summary, /p = σ\(0\.971934·x \+ 0\.655536\)/);
    assert.ok(reply.fields.some((f) => f.name === 'Fitted weight' && f.value === '0.971934'));
  });

  test('GIVEN a CSV with a header THEN the same numbers as inline', async () => {
    const inline = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7');
    const fromCsv = await ask('/logloss file=data.csv', { 'data.csv': 'label,prob\n1,0.9\n0,0.2\n1,0.7\n' });
    assert.ok(fromCsv.ok, fromCsv.summary);
    assert.equal(fromCsv.data.loss, inline.data.loss);
  });

  test('GIVEN more than 20 points THEN the table shows the 20 costliest and says so', async () => {
    const y = Array.from({ length: 30 }, (_, i) => i % 2).join(',');
    const p = Array.from({ length: 30 }, (_, i) => (i + 1) / 32).join(',');
    const reply = await ask(`/logloss y=${y} p=${p}`);
    assert.ok(reply.ok);
    assert.equal(reply.table?.rows.length, 20);
    assert.match(reply.table?.caption ?? '', /20 costliest of 30/);
  });

  test('GIVEN x data logistic regression cannot fit THEN the user error says why, with the numbers', async () => {
    const weighted = await ask('/logloss x=1,2,3 y=0,1,1 w=0,1,1');
    assert.equal(weighted.error?.code, 'one-class');
    assert.equal(weighted.error?.message, 'y: every point with a non-zero weight has label 1, so there is nothing to separate; logistic regression needs both classes (some 0s and some 1s).');
    const constant = await ask('/logloss x=2,2,2 y=0,1,1');
    assert.equal(constant.error?.code, 'constant-x');
    assert.equal(constant.error?.message, 'x: every value is 2, so x cannot tell the classes apart; give x values that differ.');
    const large = await ask('/logloss x=-1e200,1e200 y=0,1');
    assert.equal(large.error?.code, 'fit-failed');
    assert.equal(large.error?.message, 'x: 1e+200 is too large to fit reliably (the gradient would overflow); rescale x, e.g. standardise it.');
  });

  test('GIVEN weights of 1e300 with x THEN a user error naming w, not the silent fit p = σ(0·x + 0)', async () => {
    const reply = await ask('/logloss x=1,2,3,4 y=0,1,0,1 w=1e300,1e300,1e300,1e300');
    assert.equal(reply.ok, false, reply.summary);
    assert.equal(reply.error?.code, 'fit-failed');
    assert.match(reply.error?.message ?? '', /^w: weights as large as 1e\+300 make the fit's gradient overflow; divide every weight by the same number/);
  });
});
