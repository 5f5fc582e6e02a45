import { workerData } from 'node:worker_threads';
import type { CommandJob, Theme } from '../core/render-jobs.js';
import type { Reply } from '../core/reply.js';
import { runCommandTask } from './command-task.js';
import { renderSpecToPng } from '../charts/render-spec.js';
import { WARM_UP_TEX, WarmUpPlan, warmUpJobs } from './warm-up.js';
import { beginWarmUpStep, endWarmUpStep, type WarmUpControl } from './warm-up-control.js';

/**
 * The pool draws both charts and typeset equations: one set of threads, one canvas library. It
 * also runs whole commands whose input is too big for the main thread (a CSV upload), drawing
 * their pictures in the same thread.
 */
export type RenderTask =
  | { kind: 'chart'; spec: Record<string, unknown>; scale: number }
  | { kind: 'tex'; lines: string[]; theme: Theme; scale: number }
  | { kind: 'command'; job: CommandJob; scale: number };

export interface RenderWorkerData {
  /** Warm up between tasks (long-running bots; not the one-shot CLI). */
  warmUp: boolean;
  scale: number;
  /** The pool retires a thread idle this long; warm-up stops well before. */
  idleTimeoutMs?: number;
  /** Lets the pool stop the warm-up before it terminates the threads. */
  warmUpControl?: WarmUpControl;
}

type TexModule = typeof import('../tex/render-tex.js');
let texModule: Promise<TexModule> | undefined;
let texLoaded = false;

/**
 * MathJax is loaded with the first equation a thread typesets (~22 MB and ~0.1 s here), so a
 * thread that only draws charts, and the one-shot CLI asked for a chart, never pay for it.
 */
async function renderTex(lines: string | readonly string[], theme: Theme, scale: number): Promise<Uint8Array> {
  texModule ??= import('../tex/render-tex.js');
  const tex = await texModule;
  texLoaded = true;
  return tex.renderTexToPng(lines, theme, scale);
}

function run(task: RenderTask): Promise<Uint8Array | Reply> {
  if (task.kind === 'command') return runCommandTask(task.job, task.scale, { chart: renderSpecToPng, equation: renderTex });
  return task.kind === 'tex' ? renderTex(task.lines, task.theme, task.scale) : renderSpecToPng(task.spec, task.scale);
}

/**
 * Rounds of the warm-up set. One round compiles each chart kind, but V8 optimises a function only
 * after many calls, so the first few hundred requests after a start still paid for the compiler
 * (the load test's first decile ~30 % slower). Eight rounds cost ~1.5 s of a thread's time; they
 * are drawn one chart at a time while the thread is idle, so no student waits for them.
 */
const WARM_UP_ROUNDS = 8;
/**
 * A thread warms up only after this long without a task: tasks of a burst follow one another
 * within a millisecond, so warm-up never delays a queue of real work.
 */
const IDLE_BEFORE_WARM_UP_MS = 50;

const data = workerData as Partial<RenderWorkerData> | undefined;
const plan = data?.warmUp ? new WarmUpPlan({ charts: warmUpJobs(), rounds: WARM_UP_ROUNDS }) : undefined;
let running = 0;
let lastTaskEnd = performance.now();
/** The warm-up step being drawn: a task waits for it (one chart) before it touches the shared views and canvases. */
let warming: Promise<unknown> | undefined;
let timer: NodeJS.Timeout | undefined;

function warmUpStep(): void {
  timer = undefined;
  // The pool terminates a thread idle for idleTimeoutMs, and a thread stopped inside node-canvas
  // can take the process down: never draw in the second half of that time.
  const idleTimeoutMs = data?.idleTimeoutMs ?? Infinity;
  if (!plan || plan.done || running > 0 || warming || performance.now() - lastTaskEnd > idleTimeoutMs / 2) return;
  if (!beginWarmUpStep(data?.warmUpControl)) return;
  const step = plan.next();
  const scale = data?.scale ?? 2;
  // An equation step only once this thread has MathJax loaded for a real equation.
  const drawn = step === undefined || (step === 'tex' && !texLoaded)
    ? Promise.resolve()
    : step === 'tex' ? Promise.all((['dark', 'light'] as const).map((theme) => renderTex(WARM_UP_TEX, theme, scale))) : renderSpecToPng(step.spec, scale);
  warming = drawn.catch(() => undefined).finally(() => {
    endWarmUpStep(data?.warmUpControl);
    warming = undefined;
    scheduleWarmUp(0);
  });
}

function scheduleWarmUp(delayMs: number): void {
  if (!plan || plan.done || timer || running > 0) return;
  timer = setTimeout(warmUpStep, delayMs);
}

/** A pool worker's job: one spec or equation in, PNG bytes out; or a command in, its Reply out. */
export default async function renderTask(task: RenderTask): Promise<Uint8Array | Reply> {
  running += 1;
  clearTimeout(timer);
  timer = undefined;
  try {
    await warming;
    return await run(task);
  } finally {
    running -= 1;
    lastTaskEnd = performance.now();
    scheduleWarmUp(IDLE_BEFORE_WARM_UP_MS);
  }
}

/** Called once the worker module has loaded: the first warm-up step waits for a quiet moment like any other. */
export function startWarmUp(): void {
  lastTaskEnd = performance.now();
  scheduleWarmUp(IDLE_BEFORE_WARM_UP_MS);
}
