import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

const closeAll = (actual: unknown, expected: number[], relative: number, what: string) => {
  assert.ok(Array.isArray(actual), `${what} is an array`);
  assert.equal(actual.length, expected.length, `${what}: one value per distribution`);
  expected.forEach((e, j) => assertClose(actual[j] as number, e, relative, `${what}[${j}]`));
};

describe('/entropy with rows of values (scipy.stats.entropy along an axis)', () => {
  test('GIVEN q and p as rows and no axis THEN one entropy and KL per column, as scipy\'s default axis=0', async () => {
    const reply = await ask('/entropy q=[[0.2,0.6],[0.8,0.4]] p=[[0.5,0.5],[0.5,0.5]]');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy(q) = [0.5004024235381879, 0.6730116670092565]; entropy(q, p) = [0.19274475702175753, 0.020135513550688863]
    closeAll(reply.data.entropy, [0.5004024235381879, 0.6730116670092565], 1e-15, 'entropy');
    closeAll(reply.data.kl, [0.19274475702175753, 0.020135513550688863], 1e-14, 'kl');
    // Each column of p is (0.5, 0.5): Hₚ(q) = ln 2 for both.
    closeAll(reply.data.crossEntropy, [Math.LN2, Math.LN2], 1e-15, 'crossEntropy');
    assert.equal(reply.data.axis, 0);
    assert.deepEqual(reply.data.q, [[0.2, 0.8], [0.6, 0.4]]);
    assert.match(reply.summary, /axis=0 \(the default, as in scipy\.stats\.entropy\): q is 2 rows of 2, and each column is one distribution/);
    assert.deepEqual(reply.table?.columns, ['column', 'H(q)', 'Hₚ(q)', 'KL']);
    assert.deepEqual(reply.table?.rows, [['1', '0.5004', '0.6931', '0.1927'], ['2', '0.673', '0.6931', '0.02014']]);
    assert.deepEqual(reply.images, []);
  });

  test('GIVEN axis=1 and base=2 THEN one entropy per row in bits, and the answer says scipy\'s default would take columns', async () => {
    const reply = await ask('/entropy q=[[0.2,0.8],[0.6,0.4]] axis=1 base=2');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy(q, axis=1, base=2) = [0.7219280948873623, 0.9709505944546688]
    closeAll(reply.data.entropy, [0.7219280948873623, 0.9709505944546688], 1e-15, 'entropy');
    assert.equal(reply.data.crossEntropy, null);
    assert.equal(reply.data.kl, null);
    assert.equal(reply.data.axis, 1);
    assert.equal(reply.data.unit, 'bits');
    assert.match(reply.summary, /axis=1: .*each row is one distribution .*scipy's default, axis=0, would take the columns/);
    assert.equal(reply.table?.columns[0], 'row');
  });

  test('GIVEN counts in rows THEN each distribution is normalised along the axis, per column and per row', async () => {
    // scipy 1.10.1: entropy([[1,2],[3,4],[5,6]]) = [0.9368883075390159, 1.0114042647073518]; axis=1: [0.6365141682948128, 0.6829081047004717, 0.6890092384766586]
    const columns = await ask('/entropy q=[[1,2],[3,4],[5,6]]');
    closeAll(columns.data.entropy, [0.9368883075390159, 1.0114042647073518], 1e-15, 'per column');
    assert.match(columns.summary, /no column of q sums to 1, so each was read as counts and normalised/);
    const rows = await ask('/entropy q=[[1,2],[3,4],[5,6]] axis=1');
    closeAll(rows.data.entropy, [0.6365141682948128, 0.6829081047004717, 0.6890092384766586], 1e-15, 'per row');
  });

  test('GIVEN counts for q and p THEN scipy\'s KL per column, per row, and per row in base 3', async () => {
    const q = '[[1,2],[3,4],[5,6]]';
    const p = '[[2,1],[1,1],[1,2]]';
    // scipy 1.10.1: entropy(q, p) = [0.37238970018532525, 0.028316506132566213]
    closeAll((await ask(`/entropy q=${q} p=${p}`)).data.kl, [0.37238970018532525, 0.028316506132566213], 1e-14, 'axis 0');
    // scipy 1.10.1: entropy(q, p, axis=1) = [0.23104906018664842, 0.010239075859473604, 0.03152276988602641]
    closeAll((await ask(`/entropy q=${q} p=${p} axis=1`)).data.kl, [0.23104906018664842, 0.010239075859473604, 0.03152276988602641], 1e-14, 'axis 1');
    // scipy 1.10.1: entropy(q, p, axis=1, base=3) = [0.2103099178571525, 0.009320008491700775, 0.028693261682192443]
    const base3 = await ask(`/entropy q=${q} p=${p} axis=1 base=3`);
    closeAll(base3.data.kl, [0.2103099178571525, 0.009320008491700775, 0.028693261682192443], 1e-14, 'axis 1, base 3');
    assert.equal(base3.data.unit, 'base-3 units');
  });

  test('GIVEN three classes per row THEN entropy, KL and Hₚ(q) = H(q) + D(q‖p) per row and per column in hartleys', async () => {
    const line = '/entropy q=[[0.1,0.2,0.7],[0.3,0.3,0.4]] p=[[0.2,0.2,0.6],[0.25,0.25,0.5]]';
    const rows = await ask(`${line} axis=1`);
    // scipy 1.10.1: entropy(q, axis=1) = [0.8018185525433373, 1.0888999753452238]; entropy(q, p, axis=1) = [0.038590757823086325, 0.020135513550688863]
    closeAll(rows.data.entropy, [0.8018185525433373, 1.0888999753452238], 1e-15, 'entropy');
    closeAll(rows.data.kl, [0.038590757823086325, 0.020135513550688863], 1e-14, 'kl');
    closeAll(rows.data.crossEntropy, [0.8018185525433373 + 0.038590757823086325, 1.0888999753452238 + 0.020135513550688863], 1e-14, 'crossEntropy');
    // mpmath at 50 digits on the float64 inputs: [0.035280958067104609029, 0.0017512570678997705369, 0.0073624977620060633134];
    // scipy 1.10.1: entropy(q, p, base=10) = [0.035280958067104524, 0.0017512570678997368, 0.007362497762006023] (the middle one 2e-14 off).
    const hartleys = (await ask(`${line} base=10`)).data.kl;
    closeAll(hartleys, [0.035280958067104609029, 0.0017512570678997705369, 0.0073624977620060633134], 1e-14, 'per column, hartleys');
    closeAll(hartleys, [0.035280958067104524, 0.0017512570678997368, 0.007362497762006023], 1e-13, 'per column, hartleys, scipy');
  });

  test('GIVEN rows that each sum to 1 and no axis THEN columns are used and the answer suggests axis=1', async () => {
    const reply = await ask('/entropy q=[[0.2,0.8],[0.6,0.4]]');
    assert.ok(reply.ok);
    assert.match(reply.summary, /Each row of q sums to 1: if the rows are your distributions, add axis=1\./);
  });

  test('GIVEN a class p rules out in one column THEN that column is infinite, the others finite, no NaN', async () => {
    const reply = await ask('/entropy q=[[0.5,0.5],[0.5,0.5]] p=[[1,0.5],[0,0.5]]');
    assert.ok(reply.ok);
    assert.deepEqual(reply.data.kl, [Infinity, 0]);
    assert.match(reply.summary, /infinite for column 1: there p gives probability 0/);
    assert.ok(!JSON.stringify(reply.data).includes('NaN'));
  });

  test('GIVEN shape mismatches, a bad axis, axis with flat q, labels or an all-zero column THEN one clear sentence each', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['q=[[0.5,0.5],[0.5,0.5]] p=[[0.5,0.5]]', 'length-mismatch', /^p is 1 row of 2 but q is 2 rows of 2; give p the same shape as q/],
      ['q=[[0.5,0.5]] p=0.5,0.5', 'length-mismatch', /^p is one flat list of 2 but q is 1 row of 2/],
      ['q=0.5,0.5 p=[[0.5,0.5]]', 'length-mismatch', /^p is 1 row of 2 but q is one flat list of 2/],
      ['q=[[0.5,0.5]] axis=2', 'invalid-choice', /^axis: "2" is not 0 or 1; axis=0 takes each column/],
      ['q=[[0.5,0.5]] axis=-1', 'invalid-choice', /^axis: "-1" is not 0 or 1/],
      ['q=0.5,0.5 axis=0', 'conflicting-options', /^axis: q is one flat list, so it is one distribution/],
      ['q=0.5,0.5 axis=1', 'conflicting-options', /^axis: q is one flat list/],
      ['q=[[red,green],[red,red]]', 'not-a-number', /^q: "red" is not a number; rows of values hold probabilities or counts/],
      ['q=[[0,1],[0,1]]', 'all-zero', /^q: column 1 is all 0, so it is not a distribution/],
      ['q=[[0,0],[1,1]] axis=1', 'all-zero', /^q: row 1 is all 0/],
      ['q=[[0.5,-0.5],[0.5,1.5]]', 'out-of-range', /^q: "-0\.5" is out of range/],
    ];
    for (const [options, code, message] of cases) {
      const reply = await ask(`/entropy ${options}`);
      assert.equal(reply.ok, false, options);
      assert.equal(reply.error?.code, code, options);
      assert.match(reply.error?.message ?? '', message, options);
    }
  });

  test('GIVEN more distributions than the table shows THEN the first 20 rows and a caption, data keeps them all', async () => {
    const row = Array.from({ length: 30 }, (_, j) => j + 1).join(',');
    const reply = await ask(`/entropy q=[[${row}],[${row}]]`);
    assert.ok(reply.ok);
    assert.equal((reply.data.entropy as number[]).length, 30);
    assert.equal(reply.table?.rows.length, 20);
    assert.match(reply.table?.caption ?? '', /The first 20 of 30 columns/);
    for (const h of reply.data.entropy as number[]) assertClose(h, Math.LN2, 1e-15);
  });
});
