import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

const EXAMPLE = 'p=[[0.2,0.7,0.1],[0.6,0.2,0.2],[0.6,0.1,0.3]]';

// References: scikit-learn 1.2.1's sklearn.metrics.log_loss run with /usr/bin/python3 on the same
// inputs (printed with repr); scipy 1.10.1's scipy.stats.entropy for the baselines.
describe('/logloss with one column of p per class', () => {
  test('GIVEN y=1,0,2 and rows of p THEN scikit-learn\'s loss, the classes in sorted order and each class\'s share', async () => {
    const reply = await ask(`/logloss y=1,0,2 ${EXAMPLE}`);
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.7,.1],[.6,.2,.2],[.6,.1,.3]]) = 0.6904911240102196
    assertClose(reply.data.loss as number, 0.6904911240102196, 1e-15);
    assert.equal(reply.data.n, 3);
    assert.deepEqual(reply.data.classes, ['0', '1', '2']);
    assert.equal((reply.data.perPoint as number[]).length, 3);
    const perClass = reply.data.perClass as Array<{ class: string; count: number; share: number }>;
    assert.deepEqual(perClass.map((c) => c.class), ['0', '1', '2']);
    assertClose(perClass[2]?.share ?? 0, -Math.log(0.3) / (3 * 0.6904911240102196), 1e-14);
    assert.match(reply.summary, /categorical cross-entropy\) = 0\.6905 nats/);
    assert.match(reply.summary, /By class: class 2 costs most, 58\.1% of the total/);
    assert.match(reply.summary, /point 3 \(y=2\) gave its true class 0\.3 and 0\.6 to class 0/);
    // scipy 1.10.1: scipy.stats.entropy([1, 1, 1]) = 1.0986122886681096
    assertClose(reply.data.baseline as number, 1.0986122886681096, 1e-15);
    assert.match(reply.summary, /class frequencies \(0: 0\.3333, 1: 0\.3333, 2: 0\.3333\) would score 1\.099 nats, the entropy of the labels/);
    assert.deepEqual(reply.table?.columns, ['#', 'y', 'p(true)', 'loss', 'share']);
    assert.deepEqual(reply.table?.rows[2], ['3', '2', '0.3', '1.204', '58.1%']);
  });

  test('GIVEN class names THEN they sort as scikit-learn sorts them and the answer names them', async () => {
    const reply = await ask(`/logloss y=cat,dog,bird ${EXAMPLE}`);
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss(['cat','dog','bird'], P) = 0.8256461600462744
    assertClose(reply.data.loss as number, 0.8256461600462744, 1e-15);
    assert.deepEqual(reply.data.classes, ['bird', 'cat', 'dog']);
    assert.match(reply.summary, /By class: dog costs most, 65% of the total/);
    assert.match(reply.summary, /point 2 \(y=dog\) gave its true class 0\.2 and 0\.6 to bird/);
  });

  test('GIVEN labels= with a class y never has THEN that column order, the class at share 0', async () => {
    const reply = await ask('/logloss y=1,2,1 p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]] labels=1,2,3');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([1,2,1], [[.5,.3,.2],[.1,.8,.1],[.6,.2,.2]], labels=[1,2,3]) = 0.47570545188004854
    assertClose(reply.data.loss as number, 0.47570545188004854, 1e-15);
    assert.deepEqual(reply.data.classes, ['1', '2', '3']);
    assert.equal((reply.data.perClass as Array<{ share: number }>)[2]?.share, 0);
    assert.equal(reply.data.sklearnSortedLoss, undefined, 'labels given in sorted order: scikit-learn reads them alike');
  });

  test('GIVEN labels= in an order that is not sorted THEN that order, and what scikit-learn (which sorts them) would report', async () => {
    const reply = await ask('/logloss y=cat,dog,cat p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]] labels=cat,dog,bird');
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(reply.data.classes, ['cat', 'dog', 'bird']);
    // −(ln 0.5 + ln 0.8 + ln 0.6)/3, the same numbers as scikit-learn 1.2.1's log_loss([0,1,0], …, labels=[0,1,2]) = 0.47570545188004854
    assertClose(reply.data.loss as number, 0.47570545188004854, 1e-15);
    // scikit-learn 1.2.1: log_loss(['cat','dog','cat'], same p, labels=['cat','dog','bird']) = 1.7053319365846942 (columns read as bird, cat, dog)
    assertClose(reply.data.sklearnSortedLoss as number, 1.7053319365846942, 1e-15);
    assert.match(reply.summary, /scikit-learn's log_loss sorts labels= \(bird, cat, dog\).*1\.705 nats/);
  });

  test('GIVEN weights THEN the weighted mean, and the weighted class frequencies as the baseline', async () => {
    const reply = await ask(`/logloss y=cat,dog,bird ${EXAMPLE} w=1,2,0.5`);
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss(['cat','dog','bird'], P, sample_weight=[1,2,0.5]) = 1.0945610230542653
    assertClose(reply.data.loss as number, 1.0945610230542653, 1e-15);
    // scipy 1.10.1: scipy.stats.entropy([0.5, 1, 2]) = 0.9556998911125343
    assertClose(reply.data.baseline as number, 0.9556998911125343, 1e-15);
    assert.match(reply.summary, /weighted mean over 3 points/);
  });

  test('GIVEN rows that do not sum to 1 THEN renormalised as scikit-learn 1.2.1 does, and the answer says so', async () => {
    const reply = await ask('/logloss y=1,0,2 p=[[0.2,0.9,0.1],[1,1,1],[0.6,0.1,0.3]]');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.9,.1],[1,1,1],[.6,.1,.3]]) = 0.8634223884819422
    assertClose(reply.data.loss as number, 0.8634223884819422, 1e-15);
    assert.equal(reply.data.renormalised, 2);
    assert.match(reply.summary, /2 rows of p did not sum to 1 and were renormalised/);
  });

  test('GIVEN a 0 for a true class THEN clipped to ε as scikit-learn, and said', async () => {
    const reply = await ask('/logloss y=1,0,2 p=[[0.2,0.8,0],[0.6,0.2,0.2],[0.7,0.3,0]]');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.8,0],[.6,.2,.2],[.7,.3,0]]) = 12.259207521399118
    assertClose(reply.data.loss as number, 12.259207521399118, 1e-15);
    assert.equal(reply.data.clipped, 2);
    assert.match(reply.summary, /The most confident mistakes: point 3 \(y=2\) gave its true class 2\.22e-16/);
    assert.match(reply.summary, /2 probabilities were exactly 0 or 1.*clipped/);
  });

  test('GIVEN base=2, one point, or rows of only zeros THEN bits, a sentence for the one point, and never NaN', async () => {
    const bits = await ask(`/logloss y=1,0,2 ${EXAMPLE} base=2`);
    // scikit-learn 1.2.1's 0.6904911240102196 nats / ln 2
    assertClose(bits.data.loss as number, 0.6904911240102196 / Math.LN2, 1e-15);
    assert.equal(bits.data.unit, 'bits');
    const one = await ask('/logloss y=cat p=[[0.2,0.5,0.3]] labels=bird,cat,dog');
    assert.ok(one.ok, one.summary);
    assert.equal(one.data.loss, -Math.log(0.5));
    assert.match(one.summary, /Here the true class, cat, got 0\.5/);
    const zeros = await ask('/logloss y=0,1,2 p=[[0,0,0],[0,0,0],[0,0,0]]');
    // every value clipped to ε, each row renormalised to thirds: scikit-learn 1.2.1 gives ln 3 = 1.0986122886681098
    assertClose(zeros.data.loss as number, 1.0986122886681098, 1e-15);
    assert.doesNotMatch(JSON.stringify(zeros.data), /null|NaN/);
  });

  test('GIVEN wrong shapes THEN one sentence each: columns against classes (suggesting labels=), rows against labels, unknown labels', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/logloss y=0,1,0 p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]]', 'class-count', /p has 3 columns but y has 2 classes \(0, 1\).*labels=0,1,<the missing class>/],
      ['/logloss y=0,1,2,3 p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2],[0.6,0.2,0.2]]', 'class-count', /p has 3 columns but y has 4 classes/],
      ['/logloss y=0,1 p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]] labels=0,1,2', 'length-mismatch', /p has 3 rows but y has 2 labels/],
      ['/logloss y=cat,fish p=[[0.5,0.3,0.2],[0.1,0.8,0.1]] labels=cat,dog,bird', 'labels-mismatch', /y: "fish" is not one of the classes cat, dog, bird/],
      ['/logloss y=cat,dog p=[[0.5,0.3,0.2],[0.1,0.8,0.1]] labels=cat,dog', 'class-count', /p has 3 columns but labels= names 2 classes/],
      ['/logloss y=cat,dog p=[[0.5,0.3,0.2],[0.1,0.8,0.1]] labels=cat,dog,cat', 'labels-mismatch', /"cat" is listed twice/],
      ['/logloss y=cat,dog p=[[0.5,0.3,0.2],[0.1,0.8,0.1]] labels=0,1,2', 'labels-mismatch', /y holds words but labels= holds numbers/],
      ['/logloss y=0,1,cat p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]]', 'not-a-number', /y: "cat" is not a number/],
      ['/logloss y=0,1,2 p=[[0.5,0.3,1.2],[0.1,0.8,0.1],[0.6,0.2,0.2]]', 'looks-like-percent', /p: "1\.2" is not a probability/],
      ['/logloss y=0,1,2 p=[[0.5,0.3,0.2],[0.1,0.8,0.1],[0.6,0.2,0.2]] w=1,2', 'length-mismatch', /w has 2 values but y has 3/],
    ];
    for (const [line, code, message] of cases) {
      const reply = await ask(line);
      assert.equal(reply.error?.code, code, `${line}: ${reply.summary}`);
      assert.match(reply.summary, message, line);
    }
  });
});
