import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/run-process.js';

const SEEDS = [7, 20_261_201];
const REQUESTS = 60;

interface Report {
  requests: number;
  resolved: number;
  stopped: number;
  lateEnded: number;
  afterBytes: number;
  unhandled: string[];
}

/** random-stops-run.ts in a process of its own: an abort there must fail this test, not end the runner. */
async function runStops(seed: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/render/random-stops-run.ts'), String(seed), String(REQUESTS)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

describe('renders stopped at random moments (request deadlines, shutdown)', () => {
  for (const seed of SEEDS) {
    test(`GIVEN ${REQUESTS} requests of ordinary charts stopped at seeded random moments (seed ${seed}) THEN every call settles, the pool still draws, and the process lives`, { timeout: 300_000 }, async () => {
      const result = await runStops(seed);
      assert.doesNotMatch(result.stderr, /FATAL ERROR/);
      assert.equal(result.signal, null, `killed by ${result.signal}: ${result.stderr.slice(0, 500)}`);
      assert.equal(result.code, 0, result.stderr.slice(0, 2000));
      const report = JSON.parse(result.stdout) as Report;
      assert.equal(report.resolved + report.stopped, REQUESTS, 'every call resolved or was refused with a RenderError');
      assert.ok(report.stopped > 0 && report.resolved > 0, `a mix of outcomes: ${result.stdout}`);
      assert.ok(report.lateEnded > 0, 'some stops landed while a chart was in its thread, and those tasks ran to their end');
      assert.ok(report.afterBytes > 1000, 'the pool still draws afterwards');
      assert.deepEqual(report.unhandled, []);
    });
  }
});
