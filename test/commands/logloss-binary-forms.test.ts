import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';

// References: scikit-learn 1.2.1's sklearn.metrics.log_loss run with /usr/bin/python3 (printed with repr).
describe('/logloss: binary data in every form a library gives', () => {
  test('GIVEN class names THEN the second in sorted order is positive, as scikit-learn, and the loss is the 0/1 form\'s', async () => {
    const words = await ask('/logloss y=no,yes,yes p=0.2,0.9,0.6');
    const digits = await ask('/logloss y=0,1,1 p=0.2,0.9,0.6');
    assert.ok(words.ok, words.summary);
    // scikit-learn 1.2.1: log_loss(['no','yes','yes'], [.2,.9,.6]) = log_loss([0,1,1], [.2,.9,.6]) = 0.2797765635793423
    assert.equal(words.data.loss, 0.2797765635793423);
    assert.equal(words.data.loss, digits.data.loss);
    assert.deepEqual(words.data.perPoint, digits.data.perPoint);
    assert.match(words.summary, /read no as 0 and yes as 1 \(the second in sorted order, as scikit-learn takes it\): p is the probability of yes/);
    assert.equal(digits.data.readAs, undefined, 'the 0/1 form needs no reading note');
  });

  test('GIVEN ±1 labels THEN −1 is the negative class, with the same loss as 0/1', async () => {
    const reply = await ask('/logloss y=-1,1,1 p=0.2,0.9,0.6');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([-1,1,1], [.2,.9,.6]) = 0.2797765635793423
    assert.equal(reply.data.loss, 0.2797765635793423);
    assert.match(reply.summary, /read the labels −1 as 0 \(the negative class\) and 1 as 1/);
    const pasted = await ask('/logloss y=\u22121,1,1 p=0.2,0.9,0.6');
    assert.equal(pasted.data.loss, 0.2797765635793423, 'a pasted minus sign reads as −1');
  });

  test('GIVEN two-column p as predict_proba gives it THEN column 2 is the positive class, exactly the loss of p=column 2', async () => {
    const rows = await ask('/logloss y=0,1,1 p=[[0.8,0.2],[0.1,0.9],[0.4,0.6]]');
    const flat = await ask('/logloss y=0,1,1 p=0.2,0.9,0.6');
    assert.ok(rows.ok, rows.summary);
    // scikit-learn 1.2.1: log_loss([0,1,1], [[.8,.2],[.1,.9],[.4,.6]]) = 0.2797765635793423
    assert.equal(rows.data.loss, 0.2797765635793423);
    assert.deepEqual(rows.data.perPoint, flat.data.perPoint);
    assert.match(rows.summary, /column 2 of p is the probability of 1/);
    assert.doesNotMatch(rows.summary, /renormalised/);
    const named = await ask('/logloss y=spam,ham,ham,spam p=[[0.1,0.9],[0.9,0.1],[0.8,0.2],[0.35,0.65]]');
    // scikit-learn 1.2.1's own docstring example: log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616187468057912
    assert.ok(Math.abs((named.data.loss as number) - 0.21616187468057912) <= 1e-15);
    assert.match(named.summary, /column 2 of p is the probability of spam \(class 1\)/);
  });

  test('GIVEN ±1 labels with two-column p THEN both read, the same as scikit-learn', async () => {
    const reply = await ask('/logloss y=-1,1,1,-1 p=[[0.8,0.2],[0.1,0.9],[0.4,0.6],[0.6,0.4]]');
    // scikit-learn 1.2.1: log_loss([-1,1,1,-1], [[.8,.2],[.1,.9],[.4,.6],[.6,.4]]) = 0.3375388286260044
    assert.ok(Math.abs((reply.data.loss as number) - 0.3375388286260044) <= 1e-15, reply.summary);
  });

  test('GIVEN two-column rows that do not sum to 1 THEN renormalised as scikit-learn, and said', async () => {
    const reply = await ask('/logloss y=0,1,1 p=[[0.9,0.2],[0.1,0.9],[0.4,0.6]]');
    // scikit-learn 1.2.1: log_loss([0,1,1], [[.9,.2],[.1,.9],[.4,.6]]) = 0.2722856116286561
    assert.ok(Math.abs((reply.data.loss as number) - 0.2722856116286561) <= 1e-15, String(reply.data.loss));
    assert.match(reply.summary, /1 row of p did not sum to 1 and was renormalised/);
  });

  test('GIVEN labels= for two classes THEN the second given is positive; in sorted order it matches scikit-learn', async () => {
    const sorted = await ask('/logloss y=yes,yes p=0.9,0.6 labels=no,yes');
    // scikit-learn 1.2.1: log_loss(['yes','yes'], [.9,.6], labels=['no','yes']) = 0.30809306971190853
    assert.ok(Math.abs((sorted.data.loss as number) - 0.30809306971190853) <= 1e-15, sorted.summary);
    const reversed = await ask('/logloss y=no,yes p=0.2,0.9 labels=yes,no');
    assert.ok(reversed.ok, reversed.summary);
    // no is positive: point 1 (no) gets p = 0.2, point 2 (yes) gets 1 − 0.9.
    assert.ok(Math.abs((reversed.data.loss as number) - (-Math.log(0.2) - Math.log(1 - 0.9)) / 2) <= 1e-15, String(reversed.data.loss));
    assert.match(reversed.summary, /scikit-learn's log_loss sorts labels=, so it would take yes as the positive class/);
  });

  test('GIVEN class names with weights or a fit on x THEN they work as 0/1 does', async () => {
    const weighted = await ask('/logloss y=no,yes,yes,no p=0.2,0.9,0.6,0.4 w=1,2,3,4');
    // scikit-learn 1.2.1: log_loss(['no','yes','yes','no'], [.2,.9,.6,.4], sample_weight=[1,2,3,4]) = 0.4009643948991798
    assert.ok(Math.abs((weighted.data.loss as number) - 0.4009643948991798) <= 1e-15, weighted.summary);
    const fit = await ask('/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=no,no,yes,no,yes,yes,yes,yes,yes,yes');
    const digits = await ask('/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1');
    assert.equal(fit.data.loss, digits.data.loss);
  });

  test('GIVEN labels that are not one binary form THEN one sentence each, the numeric ones as before', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/logloss y=2 p=0.5', 'out-of-range', /^y: "2" is out of range; expected numbers from 0 to 1\./],
      ['/logloss y=1,high p=0.5,0.2', 'not-a-number', /^y: "high" is not a number; expected numbers from 0 to 1\./],
      ['/logloss y=-1,0,1 p=0.5,0.2,0.1', 'out-of-range', /y: "-1" is out of range/],
      ['/logloss y=cat,dog,bird p=0.5,0.2,0.1', 'class-count', /y has 3 classes \(bird, cat, dog\) but p gives one probability per point/],
      ['/logloss y=yes,yes p=0.5,0.2', 'class-count', /every label is "yes".*labels=no,yes/],
      ['/logloss y=no,yes p=0.5,0.2 labels=no,yes,maybe', 'class-count', /labels= names 3 classes but p gives one probability per point/],
      ['/logloss y=[[1,0],[0,1]] p=0.5,0.2', 'rows-not-accepted', /y takes one flat list/],
      ['/logloss y=1,nan p=0.5,0.2', 'not-finite', /y: "nan" is not a finite number/],
      ['/logloss p=0.5', 'missing-option', /^The option y is missing: it takes the true labels: 0 or 1, -1 or 1, or class names\./],
      ['/logloss y=[] p=0.5', 'empty-value', /^The option y is empty: it takes the true labels: 0 or 1, -1 or 1, or class names\./],
    ];
    for (const [line, code, message] of cases) {
      const reply = await ask(line);
      assert.equal(reply.error?.code, code, `${line}: ${reply.summary}`);
      assert.match(reply.summary, message, line);
    }
  });
});
