import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { entropyCharts, loglossCharts } from '../../src/charts/chart-sets.js';
import { splitSpec } from '../../src/charts/render-spec.js';
import { likelihoodCurvesSpec, type LikelihoodChartInput } from '../../src/charts/specs/likelihood-curves.js';
import type { ChartJob, Renderer, Theme } from '../../src/core/render-jobs.js';
import { createRenderer } from '../../src/render/renderer.js';
import { reliabilityChart } from '../../src/charts/reliability-chart.js';
import { calibrationInput } from '../../src/charts/sample-inputs.js';
import { entropyInput, fitInput, largeFitInput, largeInput, likelihoodInput, manyClassesInput, pointsInput } from '../charts/chart-fixtures.js';
import { naivePixels } from '../charts/naive-render.js';
import { readPng } from '../charts/read-png.js';
import { mulberry32 } from '../loss/mulberry32.js';

const SCALE = 2;
const SEED = 20_261_201;
/** One per file in src/charts/specs that draws a chart (histogram.ts and common.ts are helpers). */
const EVERY_KIND = ['binary-entropy-curve', 'distribution-bars', 'likelihood-curves', 'loss-curve', 'loss-histogram', 'reliability-diagram', 'sigmoid-fit', 'true-class-bars', 'true-class-histogram'];

interface LabelledJob {
  label: string;
  job: ChartJob;
}

const million = largeInput();

/** The likelihood chart belongs to /derive's answer, not to a chart set. */
const likelihoodJob = (input: LikelihoodChartInput, theme: Theme): ChartJob => ({ kind: 'likelihood-curves', spec: likelihoodCurvesSpec(input, theme), filename: 'derive-bce-likelihood.png', alt: '' });

/** Every chart kind in the variants whose labels, legends and sizes differ, each structure (one cached View) at least twice. */
function everyChart(theme: Theme): LabelledJob[] {
  const sets: Array<[string, ChartJob[]]> = [
    ['5 points', loglossCharts(pointsInput(), theme)],
    ['40 points', loglossCharts(largeInput(40), theme)],
    ['fit, 10 points', loglossCharts(fitInput(), theme)],
    ['fit, 150 points', loglossCharts(largeFitInput(150), theme)],
    ['201 points', loglossCharts(largeInput(201), theme)],
    ['1,000,000 points', loglossCharts(million, theme)],
    ['fit, 1,000 points', loglossCharts(largeFitInput(1000), theme)],
    ['fit, 1,010 points', loglossCharts(largeFitInput(1010), theme)],
    ['2 classes', entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), theme)],
    ['2 classes, bits', entropyCharts(entropyInput(['cat', 'dog'], [0.9, 0.1], [0.2, 0.8], '2'), theme)],
    ['2 classes, q only', entropyCharts(entropyInput(['yes', 'no'], [0.6, 0.4]), theme)],
    ['2 classes, q only, base 10', entropyCharts(entropyInput(['spam', 'ham'], [0.05, 0.95], undefined, '10'), theme)],
    ['3 classes, an infinite part', entropyCharts(entropyInput(['red', 'green', 'blue'], [2, 1, 1], [1, 1, 0], '2'), theme)],
    ['30 classes', entropyCharts(manyClassesInput(), theme)],
    ['4 classes, q only', entropyCharts(entropyInput(['a', 'b', 'c', 'd'], [1, 1, 1, 5], undefined, '10'), theme)],
    ['/derive bce', [likelihoodJob(likelihoodInput(), theme)]],
    ['/derive bce, 10 points', [likelihoodJob({ y: Float64Array.of(0, 0, 1, 0, 1, 1, 1, 1, 1, 0), p: Float64Array.of(0.1, 0.2, 0.6, 0.3, 0.55, 0.7, 0.8, 0.9, 0.93, 0.99), loss: 0.7 }, theme)]],
    ['10,000 classes', entropyCharts(manyClassesInput(10_000), theme)],
    ['/derive bce, one class', [likelihoodJob({ y: Float64Array.of(0, 0), p: Float64Array.of(0.999, 0.3), loss: 3.63 }, theme)]],
    ['calibration, 10 bins', [reliabilityChart(calibrationInput(), theme, '')]],
    ['calibration, 3 bins', [reliabilityChart(calibrationInput(3), theme, '')]],
  ];
  return sets.flatMap(([input, jobs]) => jobs.map((job) => ({ label: `${theme} ${job.kind} (${input})`, job })));
}

/** How many of the jobs share each structure, i.e. draw with the same cached View. */
function usesPerView(jobs: readonly LabelledJob[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const { label, job } of jobs) {
    const key = JSON.stringify(splitSpec(job.spec).skeleton);
    uses.set(key, [...(uses.get(key) ?? []), label]);
  }
  return uses;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

let renderer: Renderer;
before(() => {
  renderer = createRenderer({ threads: 1, timeoutMs: 60_000 });
});
after(async () => {
  await renderer.close();
});

describe('chart order (one render worker reuses its Views and canvases for every chart)', () => {
  test('GIVEN every chart kind in both themes drawn in a shuffled order in one worker THEN each has exactly the size and RGBA pixels of a fresh render', async () => {
    const jobs = shuffled([...everyChart('dark'), ...everyChart('light')], SEED);
    assert.deepEqual([...new Set(jobs.map(({ job }) => job.kind))].sort(), EVERY_KIND);
    const drawnOnce = [...usesPerView(jobs).values()].filter((labels) => labels.length < 2);
    assert.deepEqual(drawnOnce, [], 'every cached View is reused');
    const differences: string[] = [];
    for (const { label, job } of jobs) {
      // One at a time, so the worker draws them in exactly this order; the fresh render runs here meanwhile.
      const [[image], fresh] = await Promise.all([renderer.renderCharts([job]), naivePixels(job.spec, SCALE)]);
      const ours = readPng(image!.png);
      if (ours.width !== fresh.width || ours.height !== fresh.height) differences.push(`${label}: ${ours.width}x${ours.height}, fresh ${fresh.width}x${fresh.height}`);
      else if (!ours.pixels.equals(fresh.pixels) || !ours.alpha.equals(fresh.alpha)) differences.push(`${label}: same size, different pixels`);
    }
    assert.deepEqual(differences, [], `${differences.length} of ${jobs.length} charts depend on what was drawn before them`);
  });
});
