import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger, splitSpec } from '../../src/charts/render-spec.js';
import { reliabilityChart } from '../../src/charts/reliability-chart.js';
import { calibrationInput } from '../../src/charts/sample-inputs.js';

type Json = Record<string, unknown>;

function compileWarnings(spec: Json): string[] {
  const warnings: string[] = [];
  compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings) });
  return warnings;
}

describe('reliability diagram', () => {
  test('GIVEN calibration bins THEN a spec that compiles cleanly, one point per bin with its count, and the diagonal', () => {
    const job = reliabilityChart(calibrationInput(), 'light', 'over-confident above 0.7');
    assert.equal(job.kind, 'reliability-diagram');
    assert.deepEqual(compileWarnings(job.spec), []);
    const layers = job.spec.layer as Array<{ data: { values: Array<Record<string, unknown>> } }>;
    assert.deepEqual(layers[0]?.data.values, [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }]);
    const rows = layers[1]?.data.values ?? [];
    assert.equal(rows.length, 10);
    // scikit-learn 1.2.1 calibration_curve(n_bins=10): first bin prob_pred 0.04857…, prob_true 0.5, 14 points
    assert.deepEqual({ ...rows[0], predicted: Number((rows[0]?.predicted as number).toFixed(12)) }, { predicted: 0.048571428571, observed: 0.5, count: 14, countText: 'n=14' });
    assert.match(job.alt, /ECE 0\.2156, Brier 0\.2991; over-confident above 0\.7/);
  });

  test('GIVEN other bins and themes THEN the same structure (one compiled view per theme), the numbers only in data and params', () => {
    for (const theme of ['light', 'dark'] as const) {
      const ten = splitSpec(reliabilityChart(calibrationInput(10), theme, '').spec).skeleton;
      const three = splitSpec(reliabilityChart(calibrationInput(3), theme, '').spec).skeleton;
      assert.deepEqual(ten, three);
    }
  });
});
