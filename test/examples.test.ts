import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ask } from './support/core.js';
import { ROOT } from './support/run-process.js';

const ARTICLE = 'examples/article-points.csv';
const PREDICTIONS = 'examples/predictions.csv';

/** A sample file as the CLI would read it, from the repository on disk. */
async function askWithFile(file: string) {
  return ask(`/logloss file=${file}`, { [file]: await readFile(path.join(ROOT, file), 'utf8') });
}

describe('the sample data in examples/', () => {
  test('GIVEN the visual article\'s 10 points as x,y THEN the same fit as the inline x=: loss 0.33291141 nats', async () => {
    const reply = await askWithFile(ARTICLE);
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.n, 10);
    // The exact optimum of LogisticRegression() on these points: scikit-learn 1.2.1 with
    // solver='newton-cholesky', tol=1e-12 (test/loss/logistic-regression.test.ts).
    assert.ok(Math.abs((reply.data.loss as number) - 0.3329114099503905) < 1e-12);
    assert.ok(Math.abs((reply.data.coef as number) - 0.9719344751851487) < 1e-12);
    assert.ok(Math.abs((reply.data.intercept as number) - 0.6555359451636961) < 1e-12);
    const inline = await ask('/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1');
    assert.equal(reply.data.loss, inline.data.loss);
    assert.match(reply.title, /0\.3329 nats/);
  });

  test('GIVEN the 20 predictions THEN 0.5529 nats, better than the 0.6931 baseline, and the two confident mistakes named', async () => {
    const reply = await askWithFile(PREDICTIONS);
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.n, 20);
    // mpmath at 50 digits: the mean of -ln(p of the true class) over the file's 20 rows.
    assert.ok(Math.abs((reply.data.loss as number) - 0.55290124369156937) < 1e-15);
    // Ten 1s and ten 0s: the base rate 0.5 scores ln 2.
    assert.ok(Math.abs((reply.data.baseline as number) - Math.LN2) < 1e-15);
    assert.deepEqual((reply.data.worst as number[]).slice(0, 2), [15, 8]);
    assert.match(reply.summary, /point 15 \(y=1, p=0\.03\) gave its true class only 0\.03/);
    assert.match(reply.summary, /The 2 points on the wrong side of 0\.5 \(points 8, 15\) make up 58\.8% of the total/);
  });

  test('GIVEN the README THEN every examples/ file it names exists', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /\/logloss file=examples\/predictions\.csv/);
    const named = [...new Set([...readme.matchAll(/examples\/[\w.-]+\.csv/g)].map((m) => m[0]))];
    for (const file of named) assert.ok(existsSync(path.join(ROOT, file)), `${file} is named in the README but missing`);
  });
});
