import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { entropyCharts, loglossCharts } from '../../src/charts/chart-sets.js';
import { RenderError, type ChartJob, type Renderer } from '../../src/core/render-jobs.js';
import { createRenderer } from '../../src/render/renderer.js';
import { entropyInput, fitInput, largeInput, pointsInput } from '../charts/chart-fixtures.js';
import { naivePixels } from '../charts/naive-render.js';
import { readPng } from '../charts/read-png.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Distinct colours among the pixels: a blank or single-colour image has one or two. */
function distinctColours(pixels: Buffer): number {
  const seen = new Set<number>();
  for (let i = 0; i + 2 < pixels.length && seen.size < 50; i += 3 * 7) seen.add(((pixels[i] as number) << 16) | ((pixels[i + 1] as number) << 8) | (pixels[i + 2] as number));
  return seen.size;
}

function everyKind(theme: 'dark' | 'light'): ChartJob[] {
  return [
    ...loglossCharts(pointsInput(), theme),
    ...loglossCharts(fitInput(), theme),
    ...loglossCharts(largeInput(5000), theme),
    ...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), theme),
    ...entropyCharts(entropyInput(['red', 'green', 'blue'], [0.5, 0.3, 0.2], [0.25, 0.25, 0.5], '2'), theme),
  ];
}

let renderer: Renderer;
before(() => {
  renderer = createRenderer({ threads: 2, timeoutMs: 20_000 });
});
after(async () => {
  await renderer.close();
});

describe('the chart renderer (worker pool, Vega -> node-canvas -> PNG)', () => {
  test('GIVEN every chart kind in both themes THEN valid, opaque, non-blank PNGs at scale 2 under 500 KB', async () => {
    for (const theme of ['dark', 'light'] as const) {
      const jobs = everyKind(theme);
      const images = await renderer.renderCharts(jobs);
      assert.equal(images.length, jobs.length);
      for (const [i, image] of images.entries()) {
        assert.deepEqual([...image.png.subarray(0, 8)], PNG_SIGNATURE, image.filename);
        const { width, height, pixels, alpha } = readPng(image.png);
        assert.ok(width >= 2 * 560 && height >= 2 * 120, `${image.filename} is ${width}x${height}`);
        assert.ok(image.png.length < 500 * 1024, `${image.filename} is ${image.png.length} bytes`);
        assert.ok(distinctColours(pixels) >= 4, `${image.filename} is not blank`);
        assert.ok(alpha.every((a) => a === 255), `${image.filename} is opaque`);
        assert.equal(image.alt, jobs[i]!.alt);
        assert.equal(image.filename, jobs[i]!.filename);
      }
    }
  });

  test('GIVEN other numbers drawn first on the same chart kinds THEN every chart has exactly the naive path\'s size and pixels', async () => {
    const other = pointsInput();
    other.trueClassProb.set([0.6, 0.4, 0.01, 0.8, 0.3]);
    other.perPoint.set(Array.from(other.trueClassProb, (q) => -Math.log(q)));
    other.loss = other.perPoint.reduce((s, v) => s + v, 0) / 5;
    const single = createRenderer({ threads: 1 });
    try {
      await single.renderCharts([...loglossCharts(other, 'dark'), ...entropyCharts(entropyInput(['a', 'b'], [0.9, 0.1], [0.2, 0.8]), 'dark')]);
      const jobs = everyKind('dark');
      const images = await single.renderCharts(jobs);
      for (const [i, image] of images.entries()) {
        const ours = readPng(image.png);
        const naive = await naivePixels(jobs[i]!.spec, 2);
        assert.deepEqual([ours.width, ours.height], [naive.width, naive.height], `${image.filename}: size`);
        assert.ok(ours.pixels.equals(naive.pixels), `${image.filename}: pixels`);
      }
    } finally {
      await single.close();
    }
  });

  test('GIVEN a spec that cannot render THEN a clear RenderError, and the pool keeps working', async () => {
    const broken = { kind: 'broken', spec: { mark: 'no-such-mark', data: { values: [{ a: 1 }] } }, filename: 'broken.png', alt: '' };
    await assert.rejects(renderer.renderCharts([broken]), (error: unknown) => error instanceof RenderError && /broken\.png/.test(error.message));
    const [image] = await renderer.renderCharts(loglossCharts(pointsInput(), 'dark').slice(0, 1));
    assert.ok(image && image.png.length > 1000);
  });

  test('GIVEN a render that overruns its time limit THEN it is abandoned with a clear message and the pool recovers', async () => {
    const hasty = createRenderer({ threads: 1, timeoutMs: 1 });
    try {
      await assert.rejects(hasty.renderCharts(loglossCharts(fitInput(), 'dark')), (error: unknown) => error instanceof RenderError && /in time \(0\.001 s\)/.test(error.message));
    } finally {
      await hasty.close();
    }
    const [image] = await renderer.renderCharts(loglossCharts(pointsInput(), 'light').slice(0, 1));
    assert.ok(image && image.png.length > 1000);
  });

  test('GIVEN the request\'s own deadline passes THEN its charts and equations are abandoned and the pool still answers', async () => {
    const abort = new AbortController();
    const pending = renderer.renderCharts(loglossCharts(fitInput(), 'dark'), abort.signal);
    const equations = renderer.renderEquations([{ lines: ['x^{2}'], theme: 'dark', filename: 'never.png', alt: 'x²' }], abort.signal);
    abort.abort();
    await assert.rejects(pending, (error: unknown) => error instanceof RenderError && /abandoned/.test(error.message));
    await assert.rejects(equations, (error: unknown) => error instanceof RenderError && /abandoned/.test(error.message));
    const [image] = await renderer.renderEquations([{ lines: ['x^{2}'], theme: 'dark', filename: 'x.png', alt: 'x²' }]);
    assert.ok(image && readPng(image.png).width > 20, 'an aborted equation is not cached');
  });

  test('GIVEN a million points THEN the histograms render (the large-input path stays small)', async () => {
    const images = await renderer.renderCharts(loglossCharts(largeInput(), 'dark'));
    assert.equal(images.length, 2);
    for (const image of images) assert.ok(image.png.length > 1000);
  });
});
