import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calibrationFinding } from '../../src/explain/calibration-answer.js';
import { calibration } from '../../src/loss/index.js';

/** count points at probability p of which `ones` are 1s. */
function points(groups: Array<[p: number, count: number, ones: number]>): { y: Float64Array; p: Float64Array } {
  const y: number[] = [];
  const p: number[] = [];
  for (const [prob, count, ones] of groups) for (let i = 0; i < count; i++) { p.push(prob); y.push(i < ones ? 1 : 0); }
  return { y: Float64Array.from(y), p: Float64Array.from(p) };
}

describe('the calibration finding', () => {
  test('GIVEN high predictions that come true far less often THEN over-confident above the lowest such bin', () => {
    const { y, p } = points([[0.15, 40, 6], [0.5, 40, 20], [0.85, 40, 22], [0.95, 40, 24]]);
    const finding = calibrationFinding(calibration(y, p, 10));
    assert.match(finding, /^over-confident above 0\.8: in the 0\.9–1 bin it predicted 0\.95 on average but 60% of its 40 points were 1s$/);
  });

  test('GIVEN bins whose share of 1s matches their predictions THEN calibrated', () => {
    const { y, p } = points([[0.15, 40, 6], [0.5, 40, 20], [0.85, 40, 34]]);
    assert.match(calibrationFinding(calibration(y, p, 10)), /^calibrated as far as 120 points can tell: in every bin/);
  });

  test('GIVEN predictions too timid THEN under-confident', () => {
    const { y, p } = points([[0.35, 60, 6], [0.65, 60, 54]]);
    assert.match(calibrationFinding(calibration(y, p, 10)), /^under-confident below 0\.4 and above 0\.6/);
  });
});
