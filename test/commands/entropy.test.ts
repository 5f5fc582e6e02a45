import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';

describe('/entropy', () => {
  test('GIVEN q=0.3,0.7 THEN scipy\'s entropy 0.6108643020548935 nats', async () => {
    const reply = await ask('/entropy q=0.3,0.7');
    assert.ok(reply.ok, reply.summary);
    assert.ok(Math.abs((reply.data.entropy as number) - 0.6108643020548935) < 1e-15);
    assert.equal(reply.data.crossEntropy, null);
    assert.equal(reply.data.kl, null);
    assert.match(reply.summary, /class 1 \(q=0\.3\) surprises by −ln 0\.3 = 1\.204/);
  });

  test('GIVEN q and p THEN cross-entropy ln 2, KL = ln 2 - H(q), and the Gibbs check', async () => {
    const reply = await ask('/entropy q=0.3,0.7 p=0.5,0.5');
    assert.ok(reply.ok);
    assert.ok(Math.abs((reply.data.crossEntropy as number) - Math.LN2) < 1e-15);
    // mpmath: ln 2 - H(0.3, 0.7) = 0.08228287850505178
    assert.ok(Math.abs((reply.data.kl as number) - 0.08228287850505178) < 1e-14);
    assert.match(reply.summary, /Hₚ\(q\) = 0\.6931 ≥ H\(q\) = 0\.6109 ✓/);
  });

  test('GIVEN q and p THEN the text, the fields and the table write the cross-entropy Hₚ(q), as the charts do, never H_p(q)', async () => {
    const reply = await ask('/entropy q=0.3,0.7 p=0.5,0.5');
    assert.ok(reply.ok);
    const seen = JSON.stringify({ summary: reply.summary, fields: reply.fields, table: reply.table });
    assert.match(seen, /Hₚ\(q\)/);
    assert.doesNotMatch(seen, /H_p/);
  });

  test('GIVEN counts THEN they are normalised and the reply says it read counts', async () => {
    const reply = await ask('/entropy q=3,7 base=2');
    assert.ok(reply.ok);
    assert.deepEqual(reply.data.q, [0.3, 0.7]);
    assert.equal(reply.data.unit, 'bits');
    // mpmath: H(0.3, 0.7) / ln 2 = 0.8812908992306927
    assert.ok(Math.abs((reply.data.entropy as number) - 0.8812908992306927) < 1e-14);
    assert.match(reply.summary, /read as counts over 2 classes/);
  });

  test('GIVEN labels THEN classes are counted in order of appearance', async () => {
    const reply = await ask('/entropy q=red,red,green,blue p=red,green,blue');
    assert.ok(reply.ok);
    assert.deepEqual(reply.data.labels, ['red', 'green', 'blue']);
    assert.deepEqual(reply.data.q, [0.5, 0.25, 0.25]);
    // H(1/2,1/4,1/4) = 1.5 ln 2
    assert.ok(Math.abs((reply.data.entropy as number) - 1.5 * Math.LN2) < 1e-15);
    // Cross-entropy against uniform thirds: ln 3
    assert.ok(Math.abs((reply.data.crossEntropy as number) - Math.log(3)) < 1e-15);
  });

  test('GIVEN only 0s and 1s THEN they are binary labels, not counts over four classes', async () => {
    const reply = await ask('/entropy q=1,0,1,1 p=0.6,0.4');
    assert.ok(reply.ok);
    assert.deepEqual(reply.data.labels, ['1', '0']);
    assert.deepEqual(reply.data.q, [0.75, 0.25]);
    assert.deepEqual(reply.data.p, [0.6, 0.4]);
    // H(0.75) = 0.56233514461880835029 (mpmath)
    assert.ok(Math.abs((reply.data.entropy as number) - 0.5623351446188083) < 1e-15);
    assert.match(reply.summary, /order of appearance: 1, 0/);
  });

  test('GIVEN p with a zero where q is not THEN KL is infinite and the reason names the class', async () => {
    const reply = await ask('/entropy q=0.3,0.7 p=1,0');
    assert.ok(reply.ok);
    assert.equal(reply.data.kl, Infinity);
    assert.equal(reply.data.crossEntropy, Infinity);
    assert.match(String(reply.data.infiniteReason), /class 2/);
    assert.match(reply.summary, /infinite/);
    assert.ok(!JSON.stringify(reply.data, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v)).includes('NaN!'));
  });

  test('GIVEN p ruling out classes q produces THEN the reason names them 1-based, up to three, in the unit of the base', async () => {
    const one = await ask('/entropy q=0.3,0.7 p=1,0');
    assert.equal(one.data.infiniteReason, 'p gives class 2 probability 0 while q gives it 0.7, so encoding q with p needs infinitely many nats');
    const two = await ask('/entropy q=0.3,0.2,0.5 p=1,0,0 base=2');
    assert.equal(two.data.infiniteReason, 'p gives classes 2 and 3 probability 0 while q gives them 0.2 and 0.5, so encoding q with p needs infinitely many bits');
    const many = await ask('/entropy q=0.1,0.2,0.2,0.2,0.3 p=1,0,0,0,0 base=10');
    assert.equal(many.data.infiniteReason, 'p gives classes 2, 3, 4 and 1 more probability 0 while q gives them 0.2, 0.2, 0.2, …, so encoding q with p needs infinitely many hartleys');
    assert.match(many.summary, /are infinite: p gives classes 2, 3, 4 and 1 more probability 0/);
  });

  test('GIVEN p=0 only where q=0 THEN nothing is infinite and there is no reason', async () => {
    const reply = await ask('/entropy q=0.5,0.5,0 p=0.5,0.5,0');
    assert.ok(reply.ok, reply.summary);
    assert.ok(!('infiniteReason' in reply.data));
  });

  test('GIVEN nested brackets q=[[0.1,0.2],[0.6,0.3]] THEN one entropy per column (scipy\'s axis=0), not four odd labels', async () => {
    const reply = await ask('/entropy q=[[0.1,0.2],[0.6,0.3]]');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy([[0.1, 0.2], [0.6, 0.3]]) = [0.410116318288409, 0.6730116670092565]
    assert.ok(Math.abs((reply.data.entropy as number[])[0] as number - 0.410116318288409) < 1e-15);
    assert.ok(Math.abs((reply.data.entropy as number[])[1] as number - 0.6730116670092565) < 1e-15);
    assert.deepEqual(reply.data.labels, ['1', '2']);
  });

  test('GIVEN brackets around part of a flat list THEN one sentence asking for a flat list or bracketed rows', async () => {
    const reply = await ask('/entropy q=[0.1,0.2],0.7');
    assert.equal(reply.error?.code, 'nested-list');
    assert.match(reply.error?.message ?? '', /^q: "\[0\.1,0\.2\],0\.7" mixes brackets into a list; give one flat list .* or rows with every row bracketed \(\[\[0\.2,0\.8\],\[0\.6,0\.4\]\]\)\.$/);
    assert.match(reply.error?.usage ?? '', /Usage: \/entropy/);
  });

  test('GIVEN a flat q and p written as rows THEN a shape mismatch naming both shapes', async () => {
    const reply = await ask('/entropy q=0.5,0.5 p=(0.1,0.9),(0.5,0.5)');
    assert.equal(reply.ok, false);
    assert.equal(reply.error?.code, 'length-mismatch');
    assert.match(reply.error?.message ?? '', /^p is 2 rows of 2 but q is one flat list of 2; /);
  });

  test('GIVEN a class label of 40,000 combining marks THEN the text and the table show it shortened, and data keeps it whole', async () => {
    const label = `a${'\u0301'.repeat(40_000)}`;
    const reply = await ask(`/entropy q=${label},b,c p=0.2,0.3,0.5`);
    assert.ok(reply.ok);
    assert.ok(reply.summary.length < 2_000, `the summary is ${reply.summary.length} characters`);
    for (const row of reply.table?.rows ?? []) assert.ok((row[0] ?? '').length <= 258, 'a table cell stays short');
    assert.equal((reply.data.labels as string[] | undefined)?.[0] ?? label, label);
  });
});

describe('/entropy with many classes', () => {
  test('GIVEN 50 classes THEN the table lists the 20 likeliest, as the chart does, and sums up the rest', async () => {
    const q = Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? 10 : 1));
    const reply = await ask(`/entropy q=${q.join(',')}`);
    assert.ok(reply.ok, reply.summary);
    const rows = reply.table?.rows ?? [];
    assert.equal(rows.length, 20);
    assert.deepEqual(rows.slice(0, 7).map((r) => r[0]), ['4', '11', '18', '25', '32', '39', '46']);
    assert.match(reply.table?.caption ?? '', /The 20 likeliest of 50 classes; the other 30: total q 0\.2/);
  });
});
