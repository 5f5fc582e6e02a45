import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loglossCharts } from '../../src/charts/chart-sets.js';
import { RenderError, type ChartJob } from '../../src/core/render-jobs.js';
import { createRenderer, type RendererOptions } from '../../src/render/renderer.js';
import { pointsInput } from '../charts/chart-fixtures.js';

/**
 * A chart that stays inside node-canvas for seconds: a title that no chart input can carry any more
 * (one grapheme of 40,000 combining marks, ~5 s of text measuring here), built as a raw spec.
 */
function slowJob(marks = 40_000): ChartJob {
  return {
    kind: 'slow',
    spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 100, height: 40, title: `a${'\u0301'.repeat(marks)}`, data: { values: [{ a: 1 }] }, mark: 'point' },
    filename: 'slow.png',
    alt: '',
  };
}

/** A renderer whose abandoned tasks announce their end through `ended`. */
function observedRenderer(options: RendererOptions) {
  const late: Array<{ ok: boolean }> = [];
  let announce = () => {};
  const ended = new Promise<void>((resolve) => (announce = resolve));
  const renderer = createRenderer({
    ...options,
    onLateSettle: (info) => {
      late.push(info);
      announce();
    },
  });
  return { renderer, late, ended };
}

const isAbandoned = (error: unknown) => error instanceof RenderError && /abandoned/.test(error.message);

describe('abandoning a render (no thread is ever terminated mid-task)', () => {
  test('GIVEN the only thread busy with an abandoned slow render THEN a normal render completes before the slow task ends', { timeout: 120_000 }, async () => {
    const { renderer, ended } = observedRenderer({ threads: 1, timeoutMs: 120_000 });
    const events: string[] = [];
    void ended.then(() => events.push('slow task ended'));
    try {
      await renderer.ready();
      const stop = new AbortController();
      const slow = renderer.renderCharts([slowJob()], stop.signal);
      stop.abort();
      await assert.rejects(slow, isAbandoned);
      events.push('slow render abandoned');
      const [image] = await renderer.renderCharts(loglossCharts(pointsInput(), 'dark').slice(0, 1));
      assert.ok(image && image.png.length > 1000);
      events.push('normal render done');
      await ended;
      assert.deepEqual(events, ['slow render abandoned', 'normal render done', 'slow task ended']);
    } finally {
      await renderer.close();
    }
  });

  test("GIVEN a render past its time limit THEN the caller hears at once, and the task's late end is observed, not thrown", { timeout: 120_000 }, async () => {
    const { renderer, late, ended } = observedRenderer({ threads: 1, timeoutMs: 100 });
    const events: string[] = [];
    void ended.then(() => events.push('slow task ended'));
    try {
      await assert.rejects(renderer.renderCharts([slowJob(20_000)]), (error: unknown) => error instanceof RenderError && /in time \(0\.1 s\)/.test(error.message));
      events.push('timed out');
      await ended;
      assert.deepEqual(events, ['timed out', 'slow task ended']);
      assert.deepEqual(late.map((l) => l.ok), [true]);
    } finally {
      await renderer.close();
    }
  });

  test('GIVEN an abandoned render that fails in its thread THEN the failure is dropped without an unhandled rejection', { timeout: 60_000 }, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const { renderer, late, ended } = observedRenderer({ threads: 1 });
    try {
      await renderer.ready();
      const stop = new AbortController();
      const broken = { kind: 'broken', spec: { mark: 'no-such-mark', data: { values: [{ a: 1 }] } }, filename: 'broken.png', alt: '' };
      const pending = renderer.renderCharts([broken], stop.signal);
      stop.abort();
      await assert.rejects(pending, isAbandoned);
      await ended;
      assert.deepEqual(late.map((l) => l.ok), [false]);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await renderer.close();
    }
  });

  test('GIVEN an equation abandoned by one request THEN another request for the same equation still gets its picture', { timeout: 60_000 }, async () => {
    const renderer = createRenderer({ threads: 1 });
    const equation = { lines: ['\\sum_{i=1}^{N} q_i = 1'], theme: 'dark' as const, filename: 'sum.png', alt: 'Σ q = 1' };
    try {
      const stop = new AbortController();
      const first = renderer.renderEquations([equation], stop.signal);
      stop.abort();
      await assert.rejects(first, isAbandoned);
      const [image] = await renderer.renderEquations([equation]);
      assert.ok(image && image.png.length > 100, "the second request is not handed the first one's abandonment");
      await assert.rejects(renderer.renderEquations([equation], AbortSignal.abort()), isAbandoned);
      const [again] = await renderer.renderEquations([equation]);
      assert.ok(again && again.png.length > 100);
    } finally {
      await renderer.close();
    }
  });

  test('GIVEN close while an abandoned task still runs THEN close waits for it: no thread is terminated inside native code', { timeout: 120_000 }, async () => {
    const { renderer, ended } = observedRenderer({ threads: 1 });
    const events: string[] = [];
    void ended.then(() => events.push('slow task ended'));
    await renderer.ready();
    const stop = new AbortController();
    const slow = renderer.renderCharts([slowJob(20_000)], stop.signal);
    stop.abort();
    await assert.rejects(slow, isAbandoned);
    await renderer.close();
    events.push('closed');
    assert.deepEqual(events, ['slow task ended', 'closed']);
  });
});
