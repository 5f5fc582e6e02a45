import { workerData } from 'node:worker_threads';
import type { CommandJob, Theme } from '../core/render-jobs.js';
import type { Reply } from '../core/reply.js';
import { runCommandTask } from './command-task.js';
import { renderSpecToPng } from '../charts/render-spec.js';
import { IdleWarmUp, warmUpJobs } from './warm-up.js';
import type { WarmUpControl } from './warm-up-control.js';
import { withoutSourceMaps } from './without-source-maps.js';

/**
 * The pool draws both charts and typeset equations: one set of threads, one canvas library. It
 * also runs whole commands whose input is too big for the main thread (a CSV upload), drawing
 * their pictures in the same thread.
 */
export type RenderTask =
  | { kind: 'chart'; spec: Record<string, unknown>; scale: number }
  | { kind: 'tex'; lines: string[]; theme: Theme; scale: number }
  | { kind: 'command'; job: CommandJob; scale: number }
  /** Loads the thread and draws its warm-up now, when asked (not between tasks): for callers that want warm threads. */
  | { kind: 'warm-up' };

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
 * MathJax is loaded with the first equation a thread typesets (~22 MB and ~0.2 s here), so a
 * thread that only draws charts, and the one-shot CLI asked for a chart, never pay for it. Its
 * 424 source maps are not read (without-source-maps.ts), nor then render-tex's: a TeX failure
 * reaches the asker as a message, not a stack.
 */
async function renderTex(lines: string | readonly string[], theme: Theme, scale: number): Promise<Uint8Array> {
  texModule ??= withoutSourceMaps(() => import('../tex/render-tex.js'));
  const tex = await texModule;
  texLoaded = true;
  return tex.renderTexToPng(lines, theme, scale);
}

function run(task: Exclude<RenderTask, { kind: 'warm-up' }>): Promise<Uint8Array | Reply> {
  if (task.kind === 'command') return runCommandTask(task.job, task.scale, { chart: renderSpecToPng, equation: renderTex });
  return task.kind === 'tex' ? renderTex(task.lines, task.theme, task.scale) : renderSpecToPng(task.spec, task.scale);
}

/**
 * Rounds of the warm-up set. One round compiles each chart kind, but V8 optimises a function only
 * after many calls, so the first few hundred requests after a start still paid for the compiler
 * (the load test's first decile ~30 % slower). Eight rounds cost ~1.5 s of a thread's time, drawn
 * while it is idle (warm-up.ts), so no student waits for them.
 */
const WARM_UP_ROUNDS = 8;
/**
 * A thread warms up only after this long without a task: in a burst the next task follows within
 * milliseconds, so warm-up does not slow a queue of real work.
 */
const IDLE_BEFORE_WARM_UP_MS = 250;
/** A 'warm-up' task returns after this long even if rounds are left, well inside a picture's time limit. */
const WARM_UP_TASK_BUDGET_MS = 5_000;

const data = workerData as Partial<RenderWorkerData> | undefined;
const scale = data?.scale ?? 2;
const warmUp = data?.warmUp
  ? new IdleWarmUp({
      rounds: WARM_UP_ROUNDS,
      charts: warmUpJobs(),
      drawChart: (job) => renderSpecToPng(job.spec, scale),
      drawEquation: (tex, theme) => renderTex(tex, theme, scale),
      equationsLoaded: () => texLoaded,
      idleMs: IDLE_BEFORE_WARM_UP_MS,
      idleTimeoutMs: data.idleTimeoutMs ?? Infinity,
      control: data.warmUpControl,
    })
  : undefined;

/** A pool worker's job: one spec or equation in, PNG bytes out; or a command in, its Reply out. */
export default async function renderTask(task: RenderTask): Promise<Uint8Array | Reply> {
  await warmUp?.taskStarting();
  try {
    if (task.kind !== 'warm-up') return await run(task);
    await warmUp?.finish(WARM_UP_TASK_BUDGET_MS);
    return new Uint8Array(0);
  } finally {
    warmUp?.taskEnded();
  }
}

/** Once the worker module has loaded. */
export function startWarmUp(): void {
  warmUp?.start();
}
