import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Shared between the pool and its threads: a thread warms up between tasks, and the pool must
 * not terminate a thread inside node-canvas (that can abort the process, see render-queue.ts).
 * Slot 0 says "stop warming up"; slot 1 counts the warm-up steps being drawn, over all threads.
 */
const STOP = 0;
const DRAWING = 1;

export type WarmUpControl = Int32Array;

export function createWarmUpControl(): WarmUpControl {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * In a thread, before a warm-up step: false means do not draw. Counting first and then reading
 * the flag means the pool, which sets the flag and then reads the count, sees every step that
 * will draw.
 */
export function beginWarmUpStep(control: WarmUpControl | undefined): boolean {
  if (!control) return true;
  Atomics.add(control, DRAWING, 1);
  if (Atomics.load(control, STOP) === 0) return true;
  Atomics.sub(control, DRAWING, 1);
  return false;
}

export function endWarmUpStep(control: WarmUpControl | undefined): void {
  if (control) Atomics.sub(control, DRAWING, 1);
}

/** In the pool, before terminating its threads: no new step starts, and those being drawn end (up to `ms`). */
export async function stopWarmUp(control: WarmUpControl, ms: number): Promise<void> {
  Atomics.store(control, STOP, 1);
  const deadline = performance.now() + ms;
  while (Atomics.load(control, DRAWING) > 0 && performance.now() < deadline) await sleep(5);
}
