import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loglossReport } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';

/**
 * scikit-learn 1.2.1 has no d2_log_loss_score (it arrived in 1.5), so the references follow its
 * definition with 1.2.1's log_loss: 1 − log_loss(y, p, sample_weight=w) /
 * log_loss(y, np.full(n, np.average(y, weights=w)), sample_weight=w).
 */
describe('D² (d2_log_loss_score)', () => {
  const y = f64([1, 0, 1, 1, 0, 0, 1]);
  const p = f64([0.8, 0.3, 0.6, 0.9, 0.1, 0.4, 0.35]);
  const w = f64([1, 2, 1, 0.5, 1, 3, 1]);

  test('GIVEN weights THEN 1 − loss/baseline with the weighted base rate: 0.33019373476899083', () => {
    const report = loglossReport(y, { kind: 'p', values: p }, { base: 'e', weights: w });
    assert.ok(report.ok);
    assertClose(report.value.d2 as number, 0.33019373476899083, 1e-13);
    assertClose(report.value.baseline.loss, 0.6581099875431143, 1e-14);
  });

  test('GIVEN no weights THEN 0.40129721305107724, the same in bits and under any reduction', () => {
    for (const base of ['e', '2'] as const) {
      for (const reduction of ['mean', 'sum', 'sum_over_batch_size'] as const) {
        const report = loglossReport(y, { kind: 'p', values: p }, { base, scoring: { settings: { convention: 'sklearn', guard: { kind: 'clip', eps: Number.EPSILON }, reduction, overridden: [] }, conventionGiven: false } });
        assert.ok(report.ok);
        assertClose(report.value.d2 as number, 0.40129721305107724, 1e-13, `${base}, ${reduction}`);
      }
    }
  });

  test('GIVEN one point or one class THEN D² is null (scikit-learn: nan or an error), never NaN', () => {
    const one = loglossReport(f64([1]), { kind: 'p', values: f64([0.8]) }, { base: 'e' });
    assert.ok(one.ok);
    assert.equal(one.value.d2, null);
    const oneClass = loglossReport(f64([1, 1]), { kind: 'p', values: f64([0.8, 0.6]) }, { base: 'e' });
    assert.ok(oneClass.ok);
    assert.equal(oneClass.value.d2, null);
  });
});
