import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

// References: scikit-learn 1.2.1's sklearn.metrics.log_loss run with /usr/bin/python3 (printed with repr).
describe('/logloss file= with class columns', () => {
  test('GIVEN y,cat,dog,bird THEN the header names the columns, y matched by name, as inline with labels=', async () => {
    const csv = 'y,cat,dog,bird\ncat,0.5,0.3,0.2\ndog,0.1,0.8,0.1\ncat,0.6,0.2,0.2\n';
    const reply = await ask('/logloss file=pets.csv', { 'pets.csv': csv });
    assert.ok(reply.ok, reply.summary);
    // −(ln 0.5 + ln 0.8 + ln 0.6)/3; scikit-learn 1.2.1: log_loss([0,1,0], [[.5,.3,.2],[.1,.8,.1],[.6,.2,.2]], labels=[0,1,2]) = 0.47570545188004854
    assertClose(reply.data.loss as number, 0.47570545188004854, 1e-15);
    assert.deepEqual(reply.data.classes, ['cat', 'dog', 'bird']);
    assert.equal(reply.data.sklearnSortedLoss, undefined, 'the header names each column: no order to guess');
  });

  test('GIVEN numbered class columns and a weight column THEN the weighted loss, as inline', async () => {
    const csv = 'label,0,1,2,weight\n1,0.2,0.7,0.1,1\n0,0.6,0.2,0.2,2\n2,0.6,0.1,0.3,0.5\n';
    const reply = await ask('/logloss file=w.csv', { 'w.csv': csv });
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.7,.1],[.6,.2,.2],[.6,.1,.3]], sample_weight=[1,2,0.5]) = 0.565803598181052
    assertClose(reply.data.loss as number, 0.565803598181052, 1e-15);
  });

  test('GIVEN y,p with class names THEN read as binary, the second in sorted order positive', async () => {
    const reply = await ask('/logloss file=b.csv', { 'b.csv': 'y,p\nno,0.2\nyes,0.9\nyes,0.6\n' });
    assert.ok(reply.ok, reply.summary);
    // scikit-learn 1.2.1: log_loss(['no','yes','yes'], [.2,.9,.6]) = 0.2797765635793423
    assert.equal(reply.data.loss, 0.2797765635793423);
    assert.match(reply.summary, /read no as 0 and yes as 1/);
    const digits = await ask('/logloss file=d.csv', { 'd.csv': 'y,p\n0,0.2\n1,0.9\n1,0.6\n' });
    assert.equal(digits.data.loss, 0.2797765635793423, 'the numeric CSV reads as before');
  });

  test('GIVEN bad class CSVs THEN one sentence naming the row and column', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['y,cat,dog,bird\ncat,0.5,0.3,high\n', 'csv-invalid', /CSV row 2, column bird: "high" is not a probability from 0 to 1/],
      ['y,cat,dog,bird\ncat,0.5,0.3\n', 'csv-invalid', /CSV row 2 has 3 columns; expected 4/],
      ['y,cat,dog,bird\nfish,0.5,0.3,0.2\n', 'labels-mismatch', /y: "fish" is not one of the classes cat, dog, bird/],
      ['y,cat,dog,bird\n', 'csv-invalid', /no data rows/],
    ];
    for (const [csv, code, message] of cases) {
      const reply = await ask('/logloss file=bad.csv', { 'bad.csv': csv });
      assert.equal(reply.error?.code, code, `${csv}: ${reply.summary}`);
      assert.match(reply.summary, message, csv);
    }
    const withLabels = await ask('/logloss file=pets.csv labels=cat,dog', { 'pets.csv': 'y,cat,dog\ncat,0.5,0.5\n' });
    assert.equal(withLabels.error?.code, 'conflicting-options');
  });
});
