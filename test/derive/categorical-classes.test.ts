import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { close } from './derive-fixtures.js';

type Step = { check?: { quantity: string; value: number | number[] }; unicode: string };

/** Steps that name the same quantity one after another rewrite one expression: they must agree. */
function assertStepsAgree(steps: Step[]): void {
  for (let k = 1; k < steps.length; k++) {
    const [a, b] = [steps[k - 1]?.check, steps[k]?.check];
    if (!a || !b || a.quantity !== b.quantity) continue;
    const [xs, ys] = [[a.value].flat(), [b.value].flat()];
    assert.ok(xs.every((x, i) => close(x, ys[i] as number)), `steps ${k} and ${k + 1} disagree on ${a.quantity}`);
  }
}

describe('/derive topic=categorical with K classes', () => {
  test('GIVEN one point of three classes THEN softmax, one-hot, −ln p of the true class and the mean, ending at scikit-learn\'s log loss', async () => {
    const reply = await ask('/derive topic=categorical y=2 p=0.2,0.3,0.5');
    assert.ok(reply.ok, reply.summary);
    const data = reply.data as { result: number; resultName: string; steps: Step[]; inputs: { p: number[][] } };
    // scikit-learn 1.2.1: log_loss([2], [[0.2, 0.3, 0.5]], labels=[0, 1, 2]) = 0.6931471805599453
    assert.ok(close(data.result, 0.6931471805599453));
    assert.match(data.resultName, /over 3 classes/);
    assert.deepEqual(data.inputs.p, [[0.2, 0.3, 0.5]]);
    assert.equal(data.steps.length, 4);
    assert.match(data.steps[0]?.unicode ?? '', /p⁽¹⁾ = softmax\(0, 0\.4055, 0\.9163\)\n= \(0\.2, 0\.3, 0\.5\)/);
    assert.match(data.steps[1]?.unicode ?? '', /y⁽¹⁾ = 2 → \(0, 0, 1\)/);
    assert.match(data.steps[2]?.unicode ?? '', /−ln 0\.5 = 0\.6931/);
    assertStepsAgree(data.steps);
  });

  test('GIVEN three points as rows THEN every point is plugged in and the result is scikit-learn\'s', async () => {
    const reply = await ask('/derive topic=categorical y=2,0,1 p=[[0.2,0.3,0.5],[0.7,0.2,0.1],[0.1,0.6,0.3]]');
    assert.ok(reply.ok, reply.summary);
    const data = reply.data as { result: number; steps: Step[] };
    // scikit-learn 1.2.1: log_loss([2, 0, 1], [[0.2,0.3,0.5],[0.7,0.2,0.1],[0.1,0.6,0.3]]) = 0.5202159160882228
    assert.ok(close(data.result, 0.5202159160882228));
    assert.match(data.steps[1]?.unicode ?? '', /y⁽³⁾ = 1 → \(0, 1, 0\)/);
    assertStepsAgree(data.steps);
  });

  test('GIVEN scores, up to ±800 THEN softmax in the steps and a finite loss from log-sum-exp', async () => {
    const reply = await ask('/derive topic=categorical y=2,0 logits=[[1,0.5,2],[3,-1,0.2]]');
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([2, 0], softmax([[1,0.5,2],[3,-1,0.2]], axis=1), labels=[0,1,2]) = 0.2702599808789607
    assert.ok(close(reply.data.result as number, 0.2702599808789607));
    const far = await ask('/derive topic=categorical y=1 logits=800,0,-800');
    assert.ok(far.ok, far.summary);
    // −ln softmax(800, 0, −800)₁ = 800 + ln(1 + e^-800 + e^-1600) = 800 exactly in float64
    assert.equal(far.data.result, 800);
  });

  test('GIVEN the request line the answer keeps for paging THEN it reads back to the same derivation', async () => {
    const first = await ask('/derive topic=categorical y=2 p=20%,30%,50%');
    assert.ok(first.ok);
    assert.equal(first.paging?.line, '/derive topic=categorical y=2 p=[[0.2,0.3,0.5]]');
    const again = await ask(first.paging?.line ?? '');
    assert.deepEqual(again.data, first.data);
  });

  test('GIVEN K-class input that does not fit THEN one sentence each, as a user error', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/derive topic=categorical y=3 p=0.2,0.3,0.5', 'not-a-class', /^y: "3" is not a class; with 3 classes each label is the true class's number, 0 to 2/],
      ['/derive topic=categorical y=1.5 p=0.2,0.3,0.5', 'not-a-class', /"1\.5" is not a class/],
      ['/derive topic=categorical y=2 p=0.2,0.3,0.6', 'not-a-distribution', /^p: row 1 sums to 1\.1; .* must sum to 1\./],
      ['/derive topic=categorical y=2,0 p=[[0.2,0.3,0.5]]', 'length-mismatch', /^p has 1 row \(points\) but y has 2 labels/],
      ['/derive topic=categorical y=0 p=0.1,0.1,0.1,0.1,0.1,0.5', 'too-many-values', /6 classes per point; .* at most 5\./],
      ['/derive topic=bce y=1,0 p=[[0.2,0.8],[0.6,0.4]]', 'rows-not-accepted', /^topic=bce takes one p per point; rows of class probabilities \(K classes\) are for topic=categorical\./],
      ['/derive topic=bce y=2 p=0.85', 'labels-not-binary', /topic=categorical/],
    ];
    for (const [line, code, message] of cases) {
      const reply = await ask(line);
      assert.equal(reply.ok, false, line);
      assert.equal(reply.error?.code, code, line);
      assert.match(reply.error?.message ?? '', message, line);
      assert.match(reply.error?.usage ?? '', /Usage: \/derive/, line);
    }
  });
});
