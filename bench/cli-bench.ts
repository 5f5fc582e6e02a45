import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtEntryArgs, projectFolder } from './built-entry.js';
import { median } from './timing.js';

const RUNS = 5;

/** Wall time of the one-shot CLI answering `/logloss y=1 p=0.85` with its chart written to disk: the median of five runs. */
export async function measureCliMs(): Promise<number> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'lossbot-bench-cli-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const started = performance.now();
      await promisify(execFile)(process.execPath, builtEntryArgs('cli', ['--out', out, '/logloss y=1 p=0.85']), { cwd: projectFolder(), env: { ...process.env, LOG_LEVEL: 'error' } });
      // The first run reads the files from disk; later ones, like a user's, from the page cache.
      if (i > 0) times.push(performance.now() - started);
    }
    return Math.round(median(times));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
