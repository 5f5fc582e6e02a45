import { workerData } from 'node:worker_threads';
import { renderTexToPng } from '../tex/render-tex.js';
import type { Theme } from './theme.js';
import { renderSpecToPng } from './render-spec.js';
import { warmUpJobs } from './warm-up.js';

/** The pool draws both charts and typeset equations: one set of threads, one canvas library. */
export type RenderTask =
  | { kind: 'chart'; spec: Record<string, unknown>; scale: number }
  | { kind: 'tex'; lines: string[]; theme: Theme; scale: number };

export interface RenderWorkerData {
  /** Draw every chart kind once before taking work (long-running bots; not the one-shot CLI). */
  warmUp: boolean;
  scale: number;
}

/** A pool worker's job: one spec or equation in, PNG bytes out. */
export default async function renderTask(task: RenderTask): Promise<Uint8Array> {
  return task.kind === 'tex' ? renderTexToPng(task.lines, task.theme, task.scale) : renderSpecToPng(task.spec, task.scale);
}

/** Runs while the worker module loads, so piscina hands it no task until it is warm. */
export async function warmUp(): Promise<void> {
  const data = workerData as Partial<RenderWorkerData> | undefined;
  if (!data?.warmUp) return;
  const scale = data.scale ?? 2;
  for (const job of warmUpJobs()) await renderSpecToPng(job.spec, scale);
  for (const theme of ['dark', 'light'] as const) await renderTexToPng('L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i', theme, scale);
}
