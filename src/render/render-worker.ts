import { workerData } from 'node:worker_threads';
import { renderTexToPng } from '../tex/render-tex.js';
import type { CommandJob, Theme } from '../core/render-jobs.js';
import type { Reply } from '../core/reply.js';
import { runCommandTask } from './command-task.js';
import { renderSpecToPng } from '../charts/render-spec.js';
import { warmUpJobs } from './warm-up.js';

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
  /** Draw every chart kind once before taking work (long-running bots; not the one-shot CLI). */
  warmUp: boolean;
  scale: number;
}

/** A pool worker's job: one spec or equation in, PNG bytes out; or a command in, its Reply out. */
export default async function renderTask(task: RenderTask): Promise<Uint8Array | Reply> {
  if (task.kind === 'command') return runCommandTask(task.job, task.scale, { chart: renderSpecToPng, equation: renderTexToPng });
  return task.kind === 'tex' ? renderTexToPng(task.lines, task.theme, task.scale) : renderSpecToPng(task.spec, task.scale);
}

/**
 * Rounds of the warm-up set. One round compiles each chart kind, but V8 optimises a function only
 * after many calls, so the first few hundred requests after a start still paid for the compiler
 * (background threads busy, the load test's first decile ~30 % slower). Eight rounds take ~1.5 s
 * more at start; measured here in interleaved load runs: p99 790-845 ms against 970-1060 ms
 * with one round, and ~2 s less CPU per 1,000 commands.
 */
const WARM_UP_ROUNDS = 8;

/** Runs while the worker module loads, so piscina hands it no task until it is warm. */
export async function warmUp(): Promise<void> {
  const data = workerData as Partial<RenderWorkerData> | undefined;
  if (!data?.warmUp) return;
  const scale = data.scale ?? 2;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const job of warmUpJobs()) await renderSpecToPng(job.spec, scale);
    for (const theme of ['dark', 'light'] as const) await renderTexToPng('L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i', theme, scale);
  }
}
