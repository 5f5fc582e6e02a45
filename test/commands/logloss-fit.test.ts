import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import { ask } from '../support/core.js';

const ARTICLE = 'x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1';
const ROWS2 = '[[0.5,1.2],[1.5,-0.3],[-1.0,0.8],[2.0,2.5],[0.1,-1.1],[-0.7,0.4],[1.1,1.9],[-1.8,-0.6],[0.9,0.2],[-0.2,1.4],[1.7,-1.2],[-1.3,-1.7]]';
const Y2 = '1,0,0,1,0,1,1,0,1,0,1,0';
const CSV3 = [
  'x1,x2,x3,y',
  '0.2,1.0,-0.5,1', '1.4,-0.2,0.3,0', '-0.9,0.7,1.1,1', '2.1,1.8,-1.3,1', '0.3,-1.0,0.6,0', '-0.6,0.5,-0.2,0', '1.0,2.1,0.9,1',
  '-1.7,-0.4,-1.0,0', '0.8,0.1,1.6,1', '-0.3,1.3,-0.8,0', '1.6,-1.1,0.4,1', '-1.2,-1.6,0.0,0', '0.4,0.6,-1.4,0', '2.3,-0.7,0.2,1',
].join('\n');

/** coef/intercept to 1e-6 relative (absolute near 0), the loss to 1e-9, and no NaN anywhere in data. */
function assertFit(reply: Reply, expected: { coef: number | number[]; intercept: number; loss: number }): void {
  assert.ok(reply.ok, reply.summary);
  const close = (actual: unknown, want: number, what: string) =>
    assert.ok(typeof actual === 'number' && Math.abs(actual - want) <= 1e-6 * Math.max(Math.abs(want), 1e-3), `${what}: ${String(actual)} differs from ${want}`);
  if (Array.isArray(expected.coef)) {
    const coef = reply.data.coef as number[];
    assert.ok(Array.isArray(coef), 'coef is an array for several features');
    assert.equal(coef.length, expected.coef.length);
    expected.coef.forEach((c, j) => close(coef[j], c, `coef[${j}]`));
  } else {
    close(reply.data.coef, expected.coef, 'coef');
  }
  close(reply.data.intercept, expected.intercept, 'intercept');
  assert.ok(Math.abs((reply.data.loss as number) - expected.loss) <= 1e-9, `loss ${String(reply.data.loss)}`);
  const numbers = (value: unknown): number[] => (typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbers) : []);
  assert.ok(numbers(reply.data).every(Number.isFinite), 'every number in data is finite');
}

/** References: scikit-learn 1.2.1, LogisticRegression(solver='newton-cholesky', tol=1e-12, max_iter=10000, …), log_loss with sample_weight=w. */
describe('/logloss x=… with scikit-learn\'s options', () => {
  test('GIVEN C=10 (written C=, as scikit-learn spells it) THEN coef 1.492875666927532, intercept 0.7659535902151257', async () => {
    const reply = await ask(`/logloss ${ARTICLE} C=10`);
    assertFit(reply, { coef: 1.492875666927532, intercept: 0.7659535902151257, loss: 0.30624147407102875 });
    assert.deepEqual(reply.data.fitOptions, { C: 10, penalty: 'l2', intercept: true, classWeight: null });
    assert.match(reply.summary, /LogisticRegression\(penalty='l2', C=10, fit_intercept=True, class_weight=None\)/);
  });

  test('GIVEN penalty=none on overlapping classes THEN coef 1.6424258644569611, and the answer says C is not used', async () => {
    const reply = await ask(`/logloss ${ARTICLE} penalty=none C=5`);
    assertFit(reply, { coef: 1.6424258644569611, intercept: 0.8028358479125258, loss: 0.3051592895700619 });
    assert.match(reply.summary, /penalty=None.*C is not used/);
  });

  test('GIVEN intercept=false THEN coef 0.9816516486762709 and intercept exactly 0', async () => {
    const reply = await ask(`/logloss ${ARTICLE} intercept=false`);
    assertFit(reply, { coef: 0.9816516486762709, intercept: 0, loss: 0.3628388491986826 });
    assert.equal(reply.data.intercept, 0);
    assert.match(reply.summary, /p = σ\(0\.981652·x\)/);
  });

  test('GIVEN class_weight=balanced THEN coef 1.009012866545331, intercept -0.08472404874727692', async () => {
    assertFit(await ask(`/logloss ${ARTICLE} class_weight=balanced`), { coef: 1.009012866545331, intercept: -0.08472404874727692, loss: 0.3687777946180557 });
  });

  test('GIVEN class_weight=0:2,1:0.5 with w= and C=0.5 THEN the weights multiply: coef 0.8731156230914737', async () => {
    const reply = await ask(`/logloss ${ARTICLE} w=1,2,1,3,1,1,0.5,1,2,1 class_weight=0:2,1:0.5 C=0.5`);
    assertFit(reply, { coef: 0.8731156230914737, intercept: -1.3712228742113328, loss: 0.5243744981920225 });
    assert.deepEqual(reply.data.fitOptions, { C: 0.5, penalty: 'l2', intercept: true, classWeight: { 0: 2, 1: 0.5 } });
  });

  test('GIVEN class_weight=0:1,1:3, or {0: 1, 1: 3} as Python prints it THEN coef 1.124617780105928, intercept 1.6663380303133617', async () => {
    const expected = { coef: 1.124617780105928, intercept: 1.6663380303133617, loss: 0.37818854532183815 };
    assertFit(await ask(`/logloss ${ARTICLE} class_weight=0:1,1:3`), expected);
    assertFit(await ask(`/logloss ${ARTICLE} class_weight={0: 1, 1: 3}`), expected);
  });

  test('GIVEN x as 12 rows of 2 features THEN coef [0.7998182516675667, 0.5163742851107398] as an array', async () => {
    const reply = await ask(`/logloss x=${ROWS2} y=${Y2}`);
    assertFit(reply, { coef: [0.7998182516675667, 0.5163742851107398], intercept: -0.34989336417050954, loss: 0.47209812010496416 });
    assert.match(reply.summary, /2 features x1 and x2.*p = σ\(0\.799818·x1 \+ 0\.516374·x2 − 0\.349893\)/s);
    assert.ok(reply.fields.some((f) => f.name === 'Fitted weights' && f.value === '0.799818, 0.516374'));
    assert.equal(reply.table?.rows[0]?.[1], '(0.5, 1.2)');
  });

  test('GIVEN 2 features, C=0.3, intercept=false THEN coef [0.49025336127448027, 0.32561388679117037]', async () => {
    assertFit(await ask(`/logloss x=${ROWS2} y=${Y2} C=0.3 intercept=false`), { coef: [0.49025336127448027, 0.32561388679117037], intercept: 0, loss: 0.5223760819092826 });
  });

  test('GIVEN a CSV with columns x1,x2,x3,y THEN 3 features: coef [0.8319818090045511, 0.6751293344238882, 0.8569997279569705]', async () => {
    const reply = await ask('/logloss file=three.csv', { 'three.csv': CSV3 });
    assertFit(reply, { coef: [0.8319818090045511, 0.6751293344238882, 0.8569997279569705], intercept: -0.5304157364871368, loss: 0.3966887438018679 });
  });

  test('GIVEN the CSV with class_weight=balanced C=2 THEN coef [1.0223174306823413, 0.9413121178782844, 1.172772185711413]', async () => {
    const reply = await ask('/logloss file=three.csv class_weight=balanced C=2', { 'three.csv': CSV3 });
    assertFit(reply, { coef: [1.0223174306823413, 0.9413121178782844, 1.172772185711413], intercept: -0.6964482172413857, loss: 0.36093967928965026 });
  });

  test('GIVEN the article\'s points THEN the answer says scikit-learn\'s printed digits vary with its version and tol', async () => {
    const reply = await ask(`/logloss ${ARTICLE}`);
    assert.match(reply.summary, /scikit-learn's printed digits vary with its version and tol: for the article's 10 points scikit-learn 1\.2 prints coef 0\.97192, 1\.9 prints 0\.97164, and the exact optimum is 0\.97193\./);
    assert.equal(typeof reply.data.coef, 'number');
    assert.equal(typeof reply.data.iterations, 'number');
  });
});

describe('/logloss fit options that cannot be used', () => {
  const refused = async (line: string, code: string, message: RegExp, files?: Record<string, string>) => {
    const reply = await ask(line, files);
    assert.equal(reply.ok, false, `${line} should be refused`);
    assert.equal(reply.error?.code, code, reply.error?.message);
    assert.match(reply.error?.message ?? '', message);
    assert.equal(JSON.stringify(reply.data), '{}');
  };

  test('GIVEN a fit option with p, logits or a CSV of probabilities THEN fit-option-without-x naming the option', async () => {
    await refused('/logloss y=1,0 p=0.8,0.3 C=3', 'fit-option-without-x', /^C is an option of the logistic-regression fit, which runs only with x .*with p= there is nothing to fit/);
    await refused('/logloss y=1,0 logits=2,-1 class_weight=balanced', 'fit-option-without-x', /^class_weight is an option .* with logits=/);
    await refused('/logloss file=p.csv penalty=none', 'fit-option-without-x', /^penalty is an option .* with a CSV of probabilities/, { 'p.csv': 'y,p\n1,0.8\n0,0.3\n' });
  });

  test('GIVEN C of 0, below 0, not a number or several values THEN one sentence naming C', async () => {
    await refused(`/logloss ${ARTICLE} C=0`, 'out-of-range', /^C: "0" is out of range; expected a positive number/);
    await refused(`/logloss ${ARTICLE} C=-1`, 'out-of-range', /^C: "-1" is out of range/);
    await refused(`/logloss ${ARTICLE} C=strong`, 'not-a-number', /^C: "strong" is not a number/);
    await refused(`/logloss ${ARTICLE} C=1,2`, 'bad-fit-option', /^C: "1,2" is not one value/);
  });

  test('GIVEN penalty=l1 or intercept=maybe THEN the choices are named', async () => {
    await refused(`/logloss ${ARTICLE} penalty=l1`, 'bad-fit-option', /^penalty: "l1" is not l2 or none\.$/);
    await refused(`/logloss ${ARTICLE} intercept=maybe`, 'bad-fit-option', /^intercept: "maybe" is not true or false\.$/);
  });

  test('GIVEN class_weight with an unknown class, a negative weight, a class twice or no colon THEN one sentence each', async () => {
    await refused(`/logloss ${ARTICLE} class_weight=2:1`, 'bad-fit-option', /^class_weight: "2" is not a class; the labels are 0 and 1/);
    await refused(`/logloss ${ARTICLE} class_weight=1:-3`, 'bad-fit-option', /^class_weight: "1:-3" is not label:weight with a weight of at least 0/);
    await refused(`/logloss ${ARTICLE} class_weight=0:1,0:2`, 'bad-fit-option', /^class_weight: the class 0 is given twice/);
    await refused(`/logloss ${ARTICLE} class_weight=heavy`, 'bad-fit-option', /^class_weight: "heavy" is not balanced or label:weight pairs/);
  });

  test('GIVEN penalty=none on separable data, one feature or two THEN separable, a user error and not a runaway fit', async () => {
    await refused('/logloss x=1,2,3,4 y=0,0,1,1 penalty=none', 'separable', /^x: one threshold on x separates the 0s from the 1s, so with penalty=none .* no optimum/);
    await refused('/logloss x=[[0,0],[1,1],[2,0],[3,1],[1.5,0.5],[2.5,-0.2]] y=0,1,0,1,1,0 penalty=none', 'separable', /^x: a plane through the features separates/);
  });

  test('GIVEN penalty=none with a column that doubles another, is constant or is 0 THEN collinear-features naming the column', async () => {
    await refused('/logloss x=[[1,2],[2,4],[3,6],[4,8],[5,10]] y=0,1,0,1,1 penalty=none', 'collinear-features', /^x: column 2 is a linear combination of the columns before it and the intercept/);
    await refused('/logloss x=[[3,1],[3,2],[3,4],[3,3],[3,5]] y=0,1,0,1,1 penalty=none', 'collinear-features', /^x: column 1 is constant, as the intercept is, so with penalty=none/);
    await refused('/logloss x=[[0,1],[0,-2],[0,4],[0,3],[0,-5]] y=0,1,0,1,1 penalty=none intercept=false', 'collinear-features', /^x: column 1 is 0 at every point/);
  });

  test('GIVEN rows of x that do not match the labels THEN length-mismatch counting rows', async () => {
    await refused('/logloss x=[[1,2],[3,4]] y=0,1,1', 'length-mismatch', /^x has 2 rows of 2 features but y has 3 labels/);
  });

  test('GIVEN a CSV with both x and x1 THEN csv-invalid saying which to keep', async () => {
    await refused('/logloss file=mixed.csv', 'csv-invalid', /both an x column and numbered x1/, { 'mixed.csv': 'x,x1,y\n1,2,0\n2,1,1\n' });
  });
});
