import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { View, parse, transforms, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { loglossCharts } from '../../src/charts/chart-sets.js';
import { splitSpec } from '../../src/charts/render-spec.js';
import type { Canvas } from 'canvas';
import { compactVegaLookups, dropDepartedItemsEarly, viewSize } from '../../src/charts/vega-internals.js';
import { largeInput, pointsInput } from './chart-fixtures.js';

type Lookup = Record<string, unknown> | null;

/** The Relay and Project operators of a view; `_runtime.nodes` is vega-view's own table of them. */
function lookupOperators(view: View): { value: Lookup }[] {
  const nodes = (view as unknown as { _runtime: { nodes: Record<string, { value: Lookup }> } })._runtime.nodes;
  const kinds = [transforms.relay, transforms.project] as unknown[];
  return Object.values(nodes).filter((op) => kinds.includes((op as object).constructor));
}

/** A fresh View of a chart kind's structure, with the chart's own data and signals. */
function viewOf(spec: Record<string, unknown>): View {
  const { skeleton, datasets, signals } = splitSpec(spec);
  const view = new View(parse(compile(skeleton as unknown as TopLevelSpec).spec as VegaSpec), { renderer: 'none' });
  for (const [name, values] of datasets) view.data(name, values);
  for (const [name, value] of signals) view.signal(name, value);
  return view;
}

describe('Vega internals (a render worker reuses each chart\'s View for every request)', () => {
  test('GIVEN a chart whose data is replaced 100 times THEN each Relay lookup holds the live tuples only, not one entry per tuple ever seen', async () => {
    compactVegaLookups();
    const job = loglossCharts(pointsInput(), 'dark')[1]!;
    const { skeleton, datasets, signals } = splitSpec(job.spec);
    const view = new View(parse(compile(skeleton as unknown as TopLevelSpec).spec as VegaSpec), { renderer: 'none' });
    for (const [name, value] of signals) view.signal(name, value);
    const points = [...datasets.values()].reduce((sum, values) => sum + values.length, 0);
    for (let i = 0; i < 100; i++) {
      for (const [name, values] of datasets) view.data(name, values.map((row) => ({ ...(row as object) })));
      await view.runAsync();
    }
    const lookups = lookupOperators(view).map((op) => op.value).filter((value): value is Record<string, unknown> => value !== null);
    assert.ok(lookups.length > 0, 'the chart has Relay operators (derived data sets)');
    for (const lookup of lookups) {
      const entries = Object.keys(lookup);
      assert.ok(entries.length <= points, `${entries.length} entries for ${points} points`);
      assert.ok(entries.every((key) => lookup[key] !== null), 'no retired (null) entries');
    }
    view.finalize();
  });

  test('GIVEN the patch applied twice THEN the transform is wrapped once', () => {
    compactVegaLookups();
    const before = (transforms.relay as unknown as { prototype: { transform: unknown } }).prototype.transform;
    compactVegaLookups();
    assert.equal((transforms.relay as unknown as { prototype: { transform: unknown } }).prototype.transform, before);
  });

  test('GIVEN a laid-out chart THEN viewSize is the size of the canvas Vega itself draws it on (the private fields still mean that)', async () => {
    const view = viewOf(loglossCharts(largeInput(500), 'light')[0]!.spec);
    await view.runAsync();
    const size = viewSize(view);
    const canvas = (await view.toCanvas(2)) as unknown as Canvas;
    assert.deepEqual(size && [size.width * 2, size.height * 2], [canvas.width, canvas.height]);
    view.finalize();
  });

  test('GIVEN a View THEN dropDepartedItemsEarly lowers the threshold Vega reads from it (vega-dataflow\'s default is 10,000)', () => {
    const view = viewOf(loglossCharts(pointsInput(), 'light')[0]!.spec);
    const field = () => (view as unknown as { cleanThreshold?: unknown }).cleanThreshold;
    assert.equal(field(), 10_000);
    dropDepartedItemsEarly(view);
    assert.equal(field(), 500);
    view.finalize();
  });
});
