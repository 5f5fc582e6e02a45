import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChartJob } from '../../src/core/render-jobs.js';
import { IdleWarmUp, warmUpJobs, type Timer, type WarmUpOptions } from '../../src/render/warm-up.js';
import { createWarmUpControl, stopWarmUp } from '../../src/render/warm-up-control.js';

const job = (name: string): ChartJob => ({ kind: name, spec: {}, filename: `${name}.png`, alt: name });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * A thread's warm-up with a hand-driven clock and timers, and drawings that finish only when the
 * test says so: `drawn` lists what was drawn, in order.
 */
function harness(overrides: Partial<WarmUpOptions> = {}) {
  let now = 0;
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  const drawn: string[] = [];
  let pending: ReturnType<typeof deferred> | undefined;
  let equations = false;
  const draw = (name: string) => {
    drawn.push(name);
    pending = deferred();
    return pending.promise;
  };
  const warmUp = new IdleWarmUp({
    rounds: 2,
    charts: [job('a'), job('b')],
    drawChart: (chart) => draw(chart.kind),
    drawEquation: (_tex, theme) => draw(`tex-${theme}`),
    equationsLoaded: () => equations,
    idleMs: 100,
    idleTimeoutMs: 10_000,
    now: () => now,
    setTimer: (run, ms): Timer => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
    ...overrides,
  });
  /** Moves the clock on, firing the timers that come due. */
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.cancelled) continue;
      if (timer.at <= now) timer.run();
      else timers.push(timer);
    }
  };
  /** Finishes the drawing in progress and lets its continuation schedule the next step. */
  const finishDrawing = async () => {
    pending?.resolve();
    pending = undefined;
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { warmUp, drawn, advance, finishDrawing, loadEquations: () => (equations = true) };
}

describe('a render thread warms up between tasks (IdleWarmUp)', () => {
  test('GIVEN an idle thread THEN it draws one step at a time, only after the idle delay, and skips equations until MathJax is loaded', async () => {
    const { warmUp, drawn, advance, finishDrawing } = harness();
    warmUp.start();
    advance(99);
    assert.deepEqual(drawn, []);
    advance(1);
    assert.deepEqual(drawn, ['a']);
    advance(1000);
    assert.deepEqual(drawn, ['a'], 'the next step waits for this one');
    await finishDrawing();
    advance(0);
    assert.deepEqual(drawn, ['a', 'b']);
    await finishDrawing();
    advance(0);
    await finishDrawing();
    advance(0);
    // The round's equation step passed without drawing: this thread has typeset nothing yet.
    assert.deepEqual(drawn, ['a', 'b', 'a']);
  });

  test('GIVEN a task arrives mid-step THEN it waits for that one step, and warm-up resumes only after the thread is idle again', async () => {
    const { warmUp, drawn, advance, finishDrawing, loadEquations } = harness();
    loadEquations();
    warmUp.start();
    advance(100);
    let started = false;
    const task = warmUp.taskStarting().then(() => (started = true));
    await Promise.resolve();
    assert.equal(started, false, 'the task waits for the chart being drawn');
    await finishDrawing();
    await task;
    assert.equal(started, true);
    advance(1000);
    assert.deepEqual(drawn, ['a'], 'no step while a task runs');
    warmUp.taskEnded();
    advance(99);
    assert.deepEqual(drawn, ['a']);
    advance(1);
    assert.deepEqual(drawn, ['a', 'b']);
    await finishDrawing();
    advance(0);
    assert.deepEqual(drawn, ['a', 'b', 'tex-dark']);
  });

  test('GIVEN finish THEN every step left is drawn at once, equations included, and the thread is done', async () => {
    const { warmUp, drawn, finishDrawing } = harness();
    await warmUp.taskStarting();
    const finished = warmUp.finish(60_000);
    for (let i = 0; i < 8; i++) await finishDrawing();
    await finished;
    warmUp.taskEnded();
    assert.deepEqual(drawn, ['a', 'b', 'tex-dark', 'tex-light', 'a', 'b', 'tex-dark', 'tex-light']);
    assert.equal(warmUp.done, true);
  });

  test('GIVEN the pool stops warm-up, or the thread nears its idle retirement THEN no step starts', async () => {
    const control = createWarmUpControl();
    await stopWarmUp(control, 0);
    const stopped = harness({ control });
    stopped.warmUp.start();
    stopped.advance(100);
    assert.deepEqual(stopped.drawn, []);

    const late = harness({ idleTimeoutMs: 150 });
    late.warmUp.start();
    late.advance(100);
    assert.deepEqual(late.drawn, [], 'more than half of the idle timeout has passed');
  });

  test('GIVEN the warm-up set THEN it has every chart kind in both themes', () => {
    const jobs = warmUpJobs();
    const backgrounds = new Set(jobs.map((j) => JSON.stringify(j.spec).match(/"background":"(#[0-9a-f]+)"/)?.[1]));
    assert.ok(jobs.length >= 8, `${jobs.length} charts`);
    assert.equal(backgrounds.size, 2, 'dark and light');
  });
});
