import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, type TopLevelSpec } from 'vega-lite';
import { entropyCharts, loglossCharts } from '../../src/charts/chart-sets.js';
import type { ChartJob } from '../../src/core/render-jobs.js';
import { collectingLogger, splitSpec } from '../../src/charts/render-spec.js';
import { likelihoodCurvesSpec } from '../../src/charts/specs/likelihood-curves.js';
import { sqrtTicks } from '../../src/charts/specs/loss-histogram.js';
import { entropyInput, fitInput, largeInput, pointsInput } from './chart-fixtures.js';

type Json = Record<string, unknown>;

function compileWarnings(spec: Json): string[] {
  const warnings: string[] = [];
  compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings) });
  return warnings;
}

/** Every `data.values` array in a spec, wherever it sits in layers and concats. */
function datasets(node: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(node)) node.forEach((n) => datasets(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && Array.isArray((value as { values?: unknown }).values)) out.push((value as { values: unknown[] }).values);
      else datasets(value, out);
    }
  }
  return out;
}

/** A top-level param's value: where the numbers and units a chart shows live. */
function param(job: ChartJob, name: string): unknown {
  const params = job.spec.params as Array<{ name: string; value: unknown }>;
  const found = params.find((p) => p.name === name);
  assert.ok(found, `${job.kind} has a param ${name}`);
  return found.value;
}

const byKind = (jobs: ChartJob[], kind: string): ChartJob => {
  const job = jobs.find((j) => j.kind === kind);
  assert.ok(job, `a ${kind} chart`);
  return job;
};

const skeletonOf = (job: ChartJob) => JSON.stringify(splitSpec(job.spec).skeleton);

describe('chart specs', () => {
  test('GIVEN points with p THEN the loss curve and the per-point bars, titled with the mean loss and its unit', () => {
    const jobs = loglossCharts(pointsInput(), 'dark');
    assert.deepEqual(jobs.map((j) => j.kind), ['loss-curve', 'true-class-bars']);
    const curve = byKind(jobs, 'loss-curve');
    assert.equal(param(curve, 'chart_title'), 'Mean log loss 1.335 nats over 5 points: confident mistakes cost most');
    assert.equal(param(curve, 'y_title'), 'loss −ln q (nats)');
    assert.match(JSON.stringify(curve.spec), /probability given to the true class \(q\)/);
    assert.deepEqual(param(curve, 'class_legend'), ['y = 1', 'y = 0']);
    assert.match(curve.alt, /mean log loss 1\.335 nats/);
    const labels = datasets(curve.spec).flat().map((row) => (row as { label?: string }).label).filter(Boolean);
    assert.deepEqual(labels, ['#4, #5']);
    const bars = byKind(jobs, 'true-class-bars');
    const barRows = datasets(bars.spec)[1] as Array<{ point: string; q: number; rank: number }>;
    assert.deepEqual(barRows.map((r) => r.point), ['#4', '#5', '#3', '#2', '#1'], 'worst first');
    assert.equal(param(bars, 'chart_title'), 'Mean log loss 1.335 nats = −ln(0.2631); worst first');
  });

  test('GIVEN two points at the same spot THEN they are drawn as rings, the larger first, so neither class hides', () => {
    const curve = byKind(loglossCharts(pointsInput(), 'light'), 'loss-curve');
    const points = datasets(curve.spec)[1] as Array<{ q: number; cls: string; size: number }>;
    const atFive = points.filter((p) => Math.abs(p.q - 0.05) < 1e-9);
    assert.equal(atFive.length, 2);
    assert.notEqual(atFive[0]!.cls, atFive[1]!.cls);
    assert.ok(atFive[0]!.size > atFive[1]!.size);
    assert.equal(points.filter((p) => Math.abs(p.q - 0.05) >= 1e-9).every((p) => p.size === atFive[1]!.size), true);
  });

  test('GIVEN x THEN the fitted sigmoid with one bar per point as long as its true-class probability', () => {
    const jobs = loglossCharts(fitInput(), 'light');
    assert.deepEqual(jobs.map((j) => j.kind), ['sigmoid-fit', 'loss-curve', 'true-class-bars']);
    const fit = byKind(jobs, 'sigmoid-fit');
    assert.match(String(param(fit, 'chart_title')), /σ\(0\.9719·x \+ 0\.6555\); mean log loss 0\.3329 nats/);
    const rows = datasets(fit.spec)[1] as Array<{ y: number; from: number; to: number }>;
    assert.equal(rows.length, 10);
    const input = fitInput();
    rows.forEach((row, i) => {
      assert.ok(row.to >= row.from && row.to <= 1 && row.from >= 0);
      assert.ok(Math.abs(row.to - row.from - (input.trueClassProb[i] as number)) < 1e-9, 'bar length = probability of the true class');
    });
  });

  test('GIVEN a million points THEN histograms with a few dozen rows, not a million marks', () => {
    const jobs = loglossCharts(largeInput(), 'dark');
    assert.deepEqual(jobs.map((j) => j.kind), ['loss-histogram', 'true-class-histogram']);
    for (const job of jobs) assert.ok(JSON.stringify(job.spec).length < 50_000, `${job.kind} spec stays small`);
    const histogram = byKind(jobs, 'loss-histogram');
    assert.equal(param(histogram, 'x_title'), 'loss −log₂ q (bits)');
    assert.match(String(param(histogram, 'chart_title')), /1,000,000 points by true class: mean 0\.\d+ bits/);
    const counted = (datasets(histogram.spec)[0] as Array<{ count: number; closing?: true }>).reduce((s, r) => s + (r.closing ? 0 : r.count), 0);
    assert.equal(counted, 1_000_000);
    assert.match(histogram.alt, /1,000,000 points/);
    const ticks = param(histogram, 'count_ticks') as number[];
    assert.equal(ticks[0], 0);
    assert.ok(ticks.length >= 3 && ticks.every((t, i) => i === 0 || t > ticks[i - 1]!), 'round, rising ticks');
  });

  test('GIVEN counts on a square-root scale THEN ticks are round numbers spread over its height', () => {
    assert.deepEqual(sqrtTicks([{ count: 350_000 }, { count: 10 }]), [0, 20_000, 80_000, 200_000, 300_000]);
    assert.deepEqual(sqrtTicks([{ count: 0 }]), [0]);
  });

  test('GIVEN infinite per-point losses THEN they are counted in the last bin and the title says so', () => {
    const input = largeInput(1000);
    input.perPoint[3] = Infinity;
    input.loss = Infinity;
    const histogram = byKind(loglossCharts(input, 'dark'), 'loss-histogram');
    const rows = datasets(histogram.spec).flat() as Array<Record<string, number>>;
    assert.ok(rows.every((row) => Object.values(row).every((v) => typeof v !== 'number' || Number.isFinite(v))));
    assert.match(String(param(histogram, 'chart_title')), /1 infinite, counted in the last bin/);
  });

  test('GIVEN two classes with p THEN class bars and the binary entropy curve with its cross-entropy line', () => {
    const jobs = entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), 'light');
    assert.deepEqual(jobs.map((j) => j.kind), ['distribution-bars', 'binary-entropy-curve']);
    const curve = byKind(jobs, 'binary-entropy-curve');
    assert.match(curve.alt, /H\(q\) = 0\.6109, Hₚ\(q\) = 0\.6931, KL = 0\.08228 nats/);
    assert.equal(param(curve, 'chart_title'), 'H(q) = 0.6109, Hₚ(q) = 0.6931: the gap is KL = 0.08228 nats');
    assert.equal(param(curve, 'y_title'), 'nats');
    assert.deepEqual(param(curve, 'series_legend'), ['entropy H(x)', 'cross-entropy Hₚ(x)']);
    const bars = byKind(jobs, 'distribution-bars');
    assert.equal(param(bars, 'part_title'), 'part (nats)');
  });

  test('GIVEN an infinite cross-entropy part THEN the bar is capped and labelled ∞, no Infinity reaches Vega, and the title and alt say so', () => {
    const jobs = entropyCharts(entropyInput(['red', 'green', 'blue'], [2, 1, 1], [1, 1, 0], '2'), 'dark');
    assert.equal(jobs.length, 1);
    const rows = datasets(jobs[0]!.spec).flat() as Array<{ value: number; text?: string }>;
    assert.ok(rows.every((r) => Number.isFinite(r.value)));
    assert.ok(rows.some((r) => r.text === '∞'));
    assert.match(String(param(jobs[0]!, 'chart_title')), /∞ bar is cut off/);
    assert.match(jobs[0]!.alt, /cut off/);
  });

  test('GIVEN every chart kind THEN the spec compiles without Vega-Lite warnings', () => {
    const jobs = [
      ...loglossCharts(pointsInput(), 'dark'),
      ...loglossCharts(fitInput(), 'light'),
      ...loglossCharts(largeInput(1000), 'dark'),
      ...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), 'dark'),
      ...entropyCharts(entropyInput(['a', 'b', 'c'], [1, 2, 3]), 'light'),
    ];
    assert.equal(new Set(jobs.map((j) => j.kind)).size, 7);
    for (const job of jobs) assert.deepEqual(compileWarnings(job.spec), [], job.kind);
  });

  test('GIVEN /derive bce numbers THEN the likelihood chart compiles cleanly, keeps one structure, and shows every point', () => {
    const a = likelihoodCurvesSpec({ y: Float64Array.of(1, 0, 1), p: Float64Array.of(0.9, 0.2, 0.05), loss: 1.108 }, 'dark');
    const b = likelihoodCurvesSpec({ y: Float64Array.of(0), p: Float64Array.of(0.999), loss: 6.9 }, 'dark');
    assert.deepEqual(compileWarnings(a), []);
    const job = (spec: Record<string, unknown>): ChartJob => ({ kind: 'likelihood-curves', spec, filename: 'x.png', alt: '' });
    assert.equal(skeletonOf(job(a)), skeletonOf(job(b)));
    const points = (a.layer as Array<{ layer?: Array<{ data: { values: Array<{ label?: string; value: number }> } }> }>)[1]?.layer?.[3]?.data.values ?? [];
    assert.deepEqual(points.map((row) => row.label), ['#1', '#2', '#3']);
    assert.ok(points.every((row) => Number.isFinite(row.value)));
  });

  test('GIVEN different numbers for the same chart kind THEN the structure is the same, so a worker compiles it once', () => {
    const other = pointsInput();
    other.trueClassProb.set([0.6, 0.4, 0.01, 0.8, 0.3]);
    other.perPoint.set(Array.from(other.trueClassProb, (q) => -Math.log(q)));
    other.loss = other.perPoint.reduce((s, v) => s + v, 0) / 5;
    const pairs: Array<[ChartJob[], ChartJob[]]> = [
      [loglossCharts(pointsInput(), 'dark'), loglossCharts(other, 'dark')],
      [loglossCharts(fitInput(), 'dark'), loglossCharts({ ...fitInput(), fit: { ...fitInput().fit!, coef: -2, intercept: 0.1 } }, 'dark')],
      [loglossCharts(largeInput(1000), 'light'), loglossCharts(largeInput(3000), 'light')],
      [entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), 'dark'), entropyCharts(entropyInput(['cat', 'dog'], [0.9, 0.1], [0.2, 0.8], '2'), 'dark')],
      [entropyCharts(entropyInput(['red', 'green', 'blue'], [1, 2, 3]), 'light'), entropyCharts(entropyInput(['a', 'b', 'c', 'd'], [1, 1, 1, 5], undefined, '10'), 'light')],
    ];
    for (const [a, b] of pairs) {
      assert.deepEqual(a.map((j) => j.kind), b.map((j) => j.kind));
      a.forEach((job, i) => assert.equal(skeletonOf(job), skeletonOf(b[i]!), `${job.kind} keeps its structure`));
    }
  });

  test("GIVEN a hostile class label THEN it appears only as a data or param value, never in the spec's code", () => {
    const hostile = 'datum.x); alert(1); (';
    const jobs = entropyCharts(entropyInput([hostile, 'ok'], [0.5, 0.5]), 'dark');
    for (const job of jobs) {
      const { skeleton, datasets: data, signals } = splitSpec(job.spec);
      assert.ok(!JSON.stringify(skeleton).includes(hostile), `${job.kind}: not in the structure`);
      assert.ok(JSON.stringify([...data.values(), ...signals.values()]).includes(hostile), `${job.kind}: still drawn, as a value`);
    }
  });
});

describe('charts without collisions', () => {
  const deriveTen = () => ({
    y: Float64Array.of(0, 0, 1, 0, 1, 1, 1, 1, 1, 1),
    p: Float64Array.of(0.1, 0.2, 0.6, 0.3, 0.55, 0.7, 0.8, 0.9, 0.93, 0.99),
    loss: 0.35,
  });
  type Layer = { data?: { values: Array<Record<string, unknown>> }; mark?: { type: string; align?: string; dx?: number }; layer?: Layer[]; encoding?: { y?: { title?: unknown; axis?: { orient?: string } } } };
  const textLayers = (layers: Layer[]): Layer[] => layers.flatMap((l) => [...(l.mark?.type === 'text' ? [l] : []), ...textLayers(l.layer ?? [])]);

  test('GIVEN per-point bars THEN every loss label is written right of q = 1, where the mean rule never reaches', () => {
    for (const input of [pointsInput(), fitInput(), largeInput(40)]) {
      const bars = byKind(loglossCharts(input, 'dark'), 'true-class-bars');
      const [rule, rows] = datasets(bars.spec) as [Array<{ q: number }>, Array<{ at: number }>];
      assert.ok(rule[0]!.q <= 1);
      assert.ok(rows.length > 0 && rows.every((r) => r.at === 1), 'labels sit in a column at q = 1');
      const [text] = textLayers(bars.spec.layer as Layer[]);
      assert.ok((text?.mark?.dx ?? 0) > 0 && text?.mark?.align === 'left', 'offset to the right of the column');
    }
  });

  test('GIVEN /derive bce with 10 points THEN only the 3 costliest are numbered, and those near the right edge read leftwards', () => {
    const spec = likelihoodCurvesSpec(deriveTen(), 'dark');
    const texts = textLayers(spec.layer as Layer[]);
    const labelled = texts.flatMap((t) => (t.data?.values ?? []).map((r) => ({ label: r.label, p: r.p as number, align: t.mark?.align })));
    assert.deepEqual(labelled.map((l) => l.label).sort(), ['#3', '#4', '#5']);
    assert.ok(labelled.every((l) => l.align === 'left'));
    assert.deepEqual(compileWarnings(spec), []);
    const edge = deriveTen();
    edge.y[9] = 0;
    const atEdge = textLayers(likelihoodCurvesSpec(edge, 'dark').layer as Layer[]).flatMap((t) => (t.data?.values ?? []).map((r) => ({ label: r.label, align: t.mark?.align })));
    assert.deepEqual(atEdge.find((l) => l.label === '#10'), { label: '#10', align: 'right' }, 'a costly point at p = 0.99 reads leftwards, inside the plot');
  });

  test('GIVEN the likelihood chart THEN probability and nats have their own y scales and axes', () => {
    const spec = likelihoodCurvesSpec(deriveTen(), 'light');
    assert.deepEqual((spec.resolve as { scale: { y: string } }).scale.y, 'independent');
    const titles = (spec.layer as Layer[]).map((l) => String(l.encoding?.y?.title ?? ''));
    assert.ok(titles.some((t) => /^likelihood/.test(t)) && titles.some((t) => /^loss/.test(t)), titles.join(' | '));
    assert.ok((spec.layer as Layer[]).some((l) => l.encoding?.y?.axis?.orient === 'right'));
  });

  test('GIVEN p with q THEN chart titles write the cross-entropy Hₚ(q) as the text does, never H_p', () => {
    const jobs = [...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), 'dark'), ...entropyCharts(entropyInput(['a', 'b', 'c'], [1, 2, 3], [1, 1, 1]), 'dark')];
    for (const job of jobs) {
      assert.match(String(param(job, 'chart_title')), /Hₚ\(q\)/, job.kind);
      assert.ok(!JSON.stringify(job.spec).includes('H_p'), `${job.kind}: no H_p drawn`);
    }
  });

  test('GIVEN 50 classes THEN the bars show the 20 likeliest, say what the rest weigh, and fit the y scale to small values', () => {
    const q = Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? 10 : 1));
    const labels = q.map((_, i) => `k${i + 1}`);
    const input = entropyInput(labels, q);
    assert.equal(input.labels.length, 20);
    const bars = byKind(entropyCharts(input, 'light'), 'distribution-bars');
    const drawn = new Set((datasets(bars.spec)[0] as Array<{ label: string }>).map((r) => r.label));
    assert.equal(drawn.size, 20);
    for (const i of [3, 10, 17, 24, 31, 38, 45]) assert.ok(drawn.has(`k${i + 1}`), `the likely class k${i + 1} is drawn`);
    assert.match(String(param(bars, 'class_title')), /the 20 likeliest of 50 classes; the other 30: total q 0\.2/);
    const top = param(bars, 'q_top') as number;
    assert.ok(top < 0.2 && top > Math.max(...input.q), `y stops at ${top}`);
  });

  test('GIVEN x THEN the fitted sigmoid, the −log curve with the points, and the bars', () => {
    assert.deepEqual(loglossCharts(fitInput(), 'light').map((j) => j.kind), ['sigmoid-fit', 'loss-curve', 'true-class-bars']);
  });
});
