import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RenderWatch, STALLED_AFTER_MS, type RenderedKind } from '../../src/render/render-watch.js';
import type { RenderTask } from '../../src/render/render-worker.js';

const chart: RenderTask = { kind: 'chart', spec: {}, scale: 2 };
const tex: RenderTask = { kind: 'tex', lines: ['x'], theme: 'light', scale: 2 };

function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the render service health and render times', () => {
  test('GIVEN a task that has not ended THEN ok until STALLED_AFTER_MS, "stalled" past it, ok again once it ends', async () => {
    let now = 1_000;
    const watch = new RenderWatch(undefined, () => now);
    const task = pending<string>();
    const running = watch.run(chart, () => task.promise);
    now += STALLED_AFTER_MS;
    assert.equal(watch.health(), 'ok');
    now += 1_000;
    assert.equal(watch.health(), 'stalled: no render finished in 61 s with 1 in the threads');
    task.resolve('png');
    assert.equal(await running, 'png');
    assert.equal(watch.health(), 'ok');
  });

  test('GIVEN a pool idle for hours THEN ok without sending anything to a thread, and "closed" once closed', async () => {
    let now = 0;
    let sent = 0;
    const watch = new RenderWatch(undefined, () => now);
    await watch.run(chart, async () => (sent += 1));
    now += 5 * 3_600_000;
    assert.equal(watch.health(), 'ok');
    assert.equal(watch.health(), 'ok');
    assert.equal(sent, 1, 'the probe itself starts no task');
    watch.close();
    assert.equal(watch.health(), 'closed');
  });

  test('GIVEN a chart, a failed equation and a warm-up THEN the listener hears the first two with their times in the thread; the error still reaches the caller', async () => {
    let now = 0;
    const heard: Array<[RenderedKind, number, boolean]> = [];
    const watch = new RenderWatch((kind, ms, ok) => heard.push([kind, ms, ok]), () => now);
    const drawn = pending<string>();
    const running = watch.run(chart, () => drawn.promise);
    now += 70;
    drawn.resolve('png');
    await running;
    const failing = pending<string>();
    const failed = watch.run(tex, () => failing.promise);
    now += 3;
    failing.reject(new Error('TeX error'));
    await assert.rejects(failed, /TeX error/);
    await watch.run({ kind: 'warm-up' }, async () => 'warm');
    assert.deepEqual(heard, [['chart', 70, true], ['equation', 3, false]]);
  });

  test('GIVEN a listener that throws THEN the picture is still delivered', async () => {
    const watch = new RenderWatch(() => {
      throw new Error('broken counter');
    });
    assert.equal(await watch.run(chart, async () => 'png'), 'png');
  });
});
