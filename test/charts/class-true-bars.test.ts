import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger, renderSpecToPng, splitSpec } from '../../src/charts/render-spec.js';
import { classTrueBarsSpec, MAX_CLASS_BARS, type ClassBarsInput } from '../../src/charts/specs/class-true-bars.js';

function input(classes: string[], labels: number[], q: number[]): ClassBarsInput {
  const perPoint = Float64Array.from(q, (v) => -Math.log(v));
  return { classes, labels: Uint32Array.from(labels), trueClassProb: Float64Array.from(q), perPoint, loss: perPoint.reduce((a, b) => a + b, 0) / q.length, unit: 'nats', logBase: Math.E };
}

const params = (spec: Record<string, unknown>) => new Map((spec.params as Array<{ name: string; value: unknown }>).map((p) => [p.name, p.value]));
const bars = (spec: Record<string, unknown>) => ((spec.layer as Array<{ data: { values: Array<{ point: string; cls: string; q: number }> } }>)[1]?.data.values ?? []);

describe('class-true-bars (multi-class per-point chart)', () => {
  test('GIVEN points of three classes THEN one bar per point, worst first, coloured by its class name, the classes in column order', () => {
    const spec = classTrueBarsSpec(input(['bird', 'cat', 'dog'], [1, 2, 0], [0.7, 0.2, 0.3]), 'light');
    assert.deepEqual(bars(spec).map((b) => [b.point, b.cls, b.q]), [['#2 dog', 'dog', 0.2], ['#3 bird', 'bird', 0.3], ['#1 cat', 'cat', 0.7]]);
    assert.deepEqual(params(spec).get('class_domain'), ['bird', 'cat', 'dog']);
    assert.match(String(params(spec).get('chart_title')), /^Mean log loss 1\.057 nats = −ln\(0\.3476\); worst first$/);
    const warnings: string[] = [];
    compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings) });
    assert.deepEqual(warnings, []);
  });

  test('GIVEN other classes, points and themes THEN the same skeleton per theme, so a worker compiles it once', () => {
    const a = splitSpec(classTrueBarsSpec(input(['bird', 'cat', 'dog'], [1, 2, 0], [0.7, 0.2, 0.3]), 'dark')).skeleton;
    const b = splitSpec(classTrueBarsSpec(input(['0', '1', '2', '3', '4'], [4, 0, 1, 1], [0.1, 0.9, 0.5, 0.4]), 'dark')).skeleton;
    assert.equal(JSON.stringify(a), JSON.stringify(b));
  });

  test('GIVEN more points than bars fit THEN the worst ones and the title says how many of how many', () => {
    const n = MAX_CLASS_BARS + 10;
    const spec = classTrueBarsSpec(input(['a', 'b', 'c'], Array.from({ length: n }, (_, i) => i % 3), Array.from({ length: n }, (_, i) => (i + 1) / (n + 1))), 'light');
    assert.equal(bars(spec).length, MAX_CLASS_BARS);
    assert.match(String(params(spec).get('chart_title')), /the 30 worst of 40 points$/);
  });

  test('GIVEN both themes THEN a PNG renders through the fast path', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const png = await renderSpecToPng(classTrueBarsSpec(input(['bird', 'cat', 'dog', 'fish'], [1, 2, 0, 3], [0.1, 0.2, 0.6, 0.4]), theme), 2);
      assert.deepEqual(Array.from(png.subarray(1, 4)), [0x50, 0x4e, 0x47], 'PNG signature');
    }
  });
});
