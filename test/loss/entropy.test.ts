import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compareDistributions, crossEntropy, entropy, klDivergence, normalize } from '../../src/loss/index.js';
import { assertClose } from './assert-close.js';

// References: scipy.stats.entropy([0.3, 0.7]) as published; the rest mpmath at 50 digits on the
// exact float64 inputs (or, for counts, on the exact rationals 1/6, 2/6, 3/6 and 2/10, 5/10, 3/10).
describe('entropy, cross-entropy and KL divergence', () => {
  test('GIVEN q=0.3,0.7 THEN scipy\'s entropy 0.6108643020548935 nats', () => {
    assertClose(entropy([0.3, 0.7]), 0.6108643020548935, 1e-15);
  });

  test('GIVEN three classes THEN H, H_p and KL in nats, bits and hartleys', () => {
    const q = [1 / 6, 1 / 3, 1 / 2];
    const p = [0.2, 0.5, 0.3];
    assertClose(entropy(q), 1.0114042647073517095, 1e-15);
    assertClose(entropy(q, '2'), 1.4591479170272447442, 1e-15);
    assertClose(entropy(q, '10'), 0.43924729113581867815, 1e-15);
    assertClose(crossEntropy(q, p), 1.1012751144219664768, 1e-15);
    assertClose(crossEntropy(q, p, '2'), 1.5888041462309967812, 1e-15);
    assertClose(klDivergence(q, p), 0.089870849714614767261, 1e-14);
    assertClose(klDivergence(q, p, '2'), 0.12965622920375203702, 1e-14);
    assertClose(klDivergence(q, p, '10'), 0.03903041411501362772, 1e-14);
  });

  test('GIVEN counts THEN they are normalised first (compensated sum)', () => {
    const report = compareDistributions([1, 2, 3], [2, 5, 3]);
    assertClose(report.entropy, 1.0114042647073517186, 1e-15);
    assertClose(report.kl as number, 0.089870849714614776575, 1e-14);
    assert.deepEqual(report.q, [1 / 6, 2 / 6, 3 / 6]);
    assert.deepEqual(report.p, [0.2, 0.5, 0.3]);
    assert.deepEqual(Array.from(normalize([3, 7])), [0.3, 0.7]);
  });

  test('GIVEN all-zero counts THEN normalize gives zeros, not NaN', () => {
    assert.deepEqual(Array.from(normalize([0, 0])), [0, 0]);
    assert.equal(compareDistributions([0, 0]).entropy, 0);
  });

  test('GIVEN p=0 where q>0 THEN infinite H_p and KL, the class ruled out listed (0-based), never NaN', () => {
    const report = compareDistributions([0.3, 0.7], [1, 0]);
    assert.equal(report.kl, Infinity);
    assert.equal(report.crossEntropy, Infinity);
    assert.deepEqual(report.ruledOut, [1]);
    assert.deepEqual(report.contributions.kl?.map(Number.isNaN), [false, false]);
    assert.equal(klDivergence([0.3, 0.7], [1, 0]), Infinity);
    assert.equal(crossEntropy([0.3, 0.7], [1, 0]), Infinity);
  });

  test('GIVEN several classes ruled out THEN every one is listed', () => {
    assert.deepEqual(compareDistributions([0.3, 0.2, 0.5], [1, 0, 0], '2').ruledOut, [1, 2]);
    assert.deepEqual(compareDistributions([0.1, 0.2, 0.2, 0.2, 0.3], [1, 0, 0, 0, 0], '10').ruledOut, [1, 2, 3, 4]);
  });

  test('GIVEN q=0 where p=0 THEN that class adds nothing (0 ln 0 = 0) and nothing is infinite', () => {
    const report = compareDistributions([0.5, 0.5, 0], [0.5, 0.5, 0]);
    assert.equal(report.kl, 0);
    assert.equal(report.ruledOut, undefined);
    assert.ok(!('ruledOut' in report));
    assertClose(report.crossEntropy as number, Math.LN2, 1e-15);
  });

  test('GIVEN a subnormal p THEN the KL term stays finite (356.20754223351713724) where q/p would overflow', () => {
    assertClose(klDivergence([0.5, 0.5], [1e-310, 1]), 356.20754223351713724, 1e-14);
  });

  test('GIVEN q without p THEN only the entropy and its terms', () => {
    const report = compareDistributions([0.3, 0.7], undefined, '2');
    assert.equal(report.crossEntropy, undefined);
    assert.equal(report.kl, undefined);
    assert.equal(report.base, '2');
    assertClose(report.entropy, 0.6108643020548935 / Math.LN2, 1e-15);
  });

  test('GIVEN per-class contributions THEN they add up to the totals', () => {
    const report = compareDistributions([0.2, 0.5, 0.3], [0.1, 0.6, 0.3], '2');
    const sum = (values: number[] = []) => values.reduce((a, b) => a + b, 0);
    assertClose(sum(report.contributions.entropy), report.entropy, 1e-14);
    assertClose(sum(report.contributions.crossEntropy), report.crossEntropy as number, 1e-14);
    assertClose(sum(report.contributions.kl), report.kl as number, 1e-12);
    assert.ok((report.contributions.kl?.[0] as number) > 0 && (report.contributions.kl?.[1] as number) < 0);
  });

  test('GIVEN p of a different length THEN a RangeError (a caller bug, not user data)', () => {
    assert.throws(() => compareDistributions([0.5, 0.5], [1]), RangeError);
  });

  test('GIVEN random distributions THEN H_p(q) = H(q) + D(q‖p), D ≥ 0 and D(q‖q) = 0 (property, fixed seed)', () => {
    const counts = fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(counts, counts, fc.constantFrom('e' as const, '2' as const, '10' as const), (qRaw, pRaw, base) => {
        const n = Math.min(qRaw.length, pRaw.length);
        const report = compareDistributions(qRaw.slice(0, n), pRaw.slice(0, n), base);
        const ce = report.crossEntropy as number;
        const kl = report.kl as number;
        const self = compareDistributions(qRaw.slice(0, n), qRaw.slice(0, n), base).kl as number;
        return kl >= 0 && Math.abs(ce - (report.entropy + kl)) <= 1e-12 * Math.max(1, ce) && self <= 1e-15;
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });
});
