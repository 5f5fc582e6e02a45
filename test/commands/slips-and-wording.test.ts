import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loglossCharts } from '../../src/charts/chart-sets.js';
import type { ChartJob } from '../../src/core/render-jobs.js';
import { ask } from '../support/core.js';

const chartTitle = (job: ChartJob | undefined): string =>
  String((job?.spec.params as Array<{ name: string; value: unknown }> | undefined)?.find((p) => p.name === 'chart_title')?.value);

describe('/logloss: y and p swapped', () => {
  test('GIVEN y=0.85 p=1 THEN a user error saying they look swapped, with the swapped command', async () => {
    const reply = await ask('/logloss y=0.85 p=1');
    assert.equal(reply.ok, false, reply.summary);
    assert.equal(reply.error?.code, 'looks-swapped');
    assert.match(reply.error?.message ?? '', /look swapped/);
    assert.match(reply.error?.message ?? '', /\/logloss y=1 p=0\.85\b/);
  });

  test('GIVEN several points, weights and a base THEN the swapped command keeps them', async () => {
    const reply = await ask('/logloss y=0.9,0.2,0.7 p=1,0,1 w=1,2,1 base=2');
    assert.equal(reply.error?.code, 'looks-swapped');
    assert.match(reply.error?.message ?? '', /\/logloss y=1,0,1 p=0\.9,0\.2,0\.7 w=1,2,1 base=2\?/);
  });

  test('GIVEN soft labels with soft predictions, or hard labels with hard predictions THEN answered as before', async () => {
    for (const line of ['/logloss y=0.85 p=0.9', '/logloss y=1,0 p=1,0', '/logloss y=0.5,1 logits=0,1']) {
      const reply = await ask(line);
      assert.ok(reply.ok, `${line}: ${reply.summary}`);
    }
  });
});

describe('/entropy: numbers that do not sum to 1', () => {
  test('GIVEN q=0.3,0.6 THEN the note says plainly it sums to 0.9, not 1, and was read as counts', async () => {
    const reply = await ask('/entropy q=0.3,0.6');
    assert.ok(reply.ok, reply.summary);
    assert.match(reply.summary, /Note: q does not sum to 1 \(it sums to 0\.9\), so it was read as counts over 2 classes/);
    assert.deepEqual(reply.data.reading, { q: 'counts' });
  });

  test('GIVEN p=0.5,0.4 beside a proper q THEN the same for p', async () => {
    const reply = await ask('/entropy q=0.3,0.7 p=0.5,0.4');
    assert.ok(reply.ok, reply.summary);
    assert.match(reply.summary, /p does not sum to 1 \(it sums to 0\.9\)/);
    assert.doesNotMatch(reply.summary, /q does not sum/);
  });

  test('GIVEN counts such as q=3,7 THEN no talk of summing to 1', async () => {
    const reply = await ask('/entropy q=3,7');
    assert.match(reply.summary, /read as counts over 2 classes/);
    assert.doesNotMatch(reply.summary, /sum to 1 \(/);
  });
});

describe('wording: plurals and shares as a person says them', () => {
  test('GIVEN a loss of exactly 1 bit THEN "1 bit" in the title, the sentences and the fields', async () => {
    const reply = await ask('/logloss y=1 p=0.5 base=2');
    assert.equal(reply.title, 'Log loss: 1 bit');
    assert.match(reply.summary, /−log₂\(0\.5\) = 1 bit\./);
    assert.doesNotMatch(JSON.stringify([reply.summary, reply.fields]), /\b1 bits\b/);
    assert.equal(reply.data.unit, 'bits');
  });

  test('GIVEN a baseline of exactly 1 bit THEN it "would score 1 bit"', async () => {
    const reply = await ask('/logloss y=1,0 p=0.9,0.2 base=2');
    assert.match(reply.summary, /would score 1 bit, the entropy of the labels/);
    assert.equal(reply.fields.find((f) => f.name === 'Baseline')?.value, '1 bit (always 0.5)');
  });

  test('GIVEN /entropy of a fair coin in bits THEN "1 bit"', async () => {
    const reply = await ask('/entropy q=0.5,0.5 base=2');
    assert.equal(reply.title, 'Entropy H(q): 1 bit');
    assert.doesNotMatch(reply.summary, /\b1 bits\b/);
  });

  test('GIVEN /derive topic=entropy p=0.5 THEN the typeset and the Unicode equations say 1 bit', async () => {
    const reply = await ask('/derive topic=entropy p=0.5');
    assert.ok(reply.ok, reply.summary);
    const steps = reply.steps ?? [];
    assert.ok(steps.some((s) => /I₂\(0\.5\) = (.* = )?1 bit$/m.test(s.unicode ?? '')), JSON.stringify(steps.map((s) => s.unicode)));
    assert.ok(steps.some((s) => (s.tex ?? '').includes('= 1 \\text{ bit}')));
    for (const step of steps) {
      assert.doesNotMatch(step.unicode ?? '', /\b1 bits\b/);
      assert.doesNotMatch(step.tex ?? '', /\b1 \\text\{ bits\}/);
    }
  });

  test('GIVEN the costliest of 2,000 equal points THEN its share is a real percentage, not "<0.1%"', async () => {
    const n = 2000;
    const reply = await ask(`/logloss y=${Array(n).fill('1').join(',')} p=${Array(n).fill('0.9').join(',')}`);
    assert.ok(reply.ok, reply.summary);
    assert.match(reply.summary, /costs 0\.1054 nats, 0\.05% of the total\./);
    assert.doesNotMatch(reply.summary, /<0\.1%/);
  });

  test('GIVEN one point THEN its chart says "the only point", never "1 points"', () => {
    const jobs = loglossCharts({ y: Float64Array.of(1), trueClassProb: Float64Array.of(0.5), perPoint: Float64Array.of(1), loss: 1, unit: 'bits', logBase: 2 }, 'light');
    const curve = jobs.find((j) => j.kind === 'loss-curve');
    assert.equal(chartTitle(curve), 'Log loss 1 bit of the only point');
    for (const job of jobs) {
      assert.doesNotMatch(job.alt, /\b1 points\b|\b1 bits\b|costliest point, #1/, job.alt);
      assert.match(job.alt, /the only point/);
    }
  });

  test('GIVEN five points THEN the chart title is as before', () => {
    const perPoint = Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5);
    const jobs = loglossCharts({ y: Float64Array.of(1, 1, 0, 0, 1), trueClassProb: perPoint.map((l) => Math.exp(-l)), perPoint, loss: 0.3, unit: 'nats', logBase: Math.E }, 'light');
    assert.equal(chartTitle(jobs.find((j) => j.kind === 'loss-curve')), 'Mean log loss 0.3 nats over 5 points: confident mistakes cost most');
  });
});

describe('/logloss: the baseline of a single point', () => {
  test('GIVEN one point THEN no Baseline or Gap field, and the summary says why the baseline is 0', async () => {
    const reply = await ask('/logloss y=1 p=0.85');
    assert.ok(reply.ok, reply.summary);
    const names = reply.fields.map((f) => f.name);
    assert.ok(!names.includes('Baseline') && !names.includes('Gap to baseline'), names.join(', '));
    assert.match(reply.summary, /Baseline: with one point the base rate is its own label 1, so the baseline scores 0 by construction/);
    assert.equal(reply.data.baseline, 0);
    assert.ok(Math.abs((reply.data.gap as number) - 0.16251892949777494) < 1e-15);
  });

  test('GIVEN one soft label THEN no Baseline or Gap field either: the base rate is the label itself', async () => {
    const reply = await ask('/logloss y=0.85 p=0.9');
    assert.ok(!reply.fields.some((f) => f.name === 'Gap to baseline'));
    assert.match(reply.summary, /with one point the base rate is its own label 0\.85/);
  });

  test('GIVEN several points of one class THEN no Baseline or Gap field: 0 by construction, as the summary says', async () => {
    const reply = await ask('/logloss y=1,1,1 p=0.9,0.8,0.7');
    assert.ok(!reply.fields.some((f) => f.name === 'Baseline' || f.name === 'Gap to baseline'));
    assert.match(reply.summary, /every label is 1, so always predicting 1 would score 0/);
  });

  test('GIVEN both classes THEN the Baseline and Gap fields stay', async () => {
    const reply = await ask('/logloss y=1,0 p=0.9,0.2');
    assert.deepEqual(reply.fields.map((f) => f.name).slice(0, 4), ['Log loss', 'Points', 'Baseline', 'Gap to baseline']);
  });
});
