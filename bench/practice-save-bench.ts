import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { percentile } from './timing.js';

/**
 * Saving checked answers as a busy course channel does: `n` attempts, `inFlight` at a time, on a
 * SQLite file (the default store) in a temporary folder. Each save's time runs from the call to
 * its promise settling, so it includes waiting behind the others (target p99 <= 10 ms).
 */
/** Saves before the measured ones: the first batches pay for compiling the query path (V8 and Kysely). */
const WARM_UP = 200;

export async function benchPracticeSave(n = 1000, inFlight = 50): Promise<number> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-bench-store-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') });
  try {
    const times: number[] = [];
    let next = -WARM_UP;
    const worker = async () => {
      while (next < n) {
        const i = next++;
        const started = performance.now();
        await store.practice.record({
          platform: 'discord', serverId: `guild-${Math.abs(i) % 7}`, userId: `user-${Math.abs(i) % 97}`, kind: `bce${(Math.abs(i) % 3) + 1}a`, topic: 'bce', level: (Math.abs(i) % 3) + 1,
          correct: Math.abs(i) % 4 !== 0, mistake: Math.abs(i) % 4 === 0 ? 'log10' : null, atMs: Date.now(),
        });
        if (i >= 0) times.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return Math.round(percentile(times, 99) * 100) / 100;
  } finally {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  }
}
