import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { launchArgs } from '../support/run-process.js';

/** "a" and 40,000 U+0301: one grapheme that took node-canvas ~14 s to measure for two charts. */
const LINE = `/entropy q=a${'\u0301'.repeat(40_000)},b`;
const TIMES = 5;

/** With no platform credentials `npm start` reads commands from stdin and answers each. */
const consoleOnly = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(env).filter(([name]) => !/^(DISCORD|SLACK)_/.test(name)));

describe('a class name that takes node-canvas seconds to measure', () => {
  test(`GIVEN the console gets it ${TIMES} times from one user, with a 6 s command timeout THEN every line is answered and the process exits normally`, { timeout: 300_000 }, async () => {
    // The console writes its charts to ./out: a folder of the test's own.
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'lossbot-slow-label-'));
    try {
      const child = spawn(process.execPath, launchArgs('src/main.ts'), {
        cwd,
        env: { ...consoleOnly(process.env), LOG_LEVEL: 'error', COMMAND_TIMEOUT_MS: '6000' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdin.end(`${LINE}\n`.repeat(TIMES));
      const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
      assert.doesNotMatch(stderr, /FATAL ERROR/);
      assert.equal(signal, null, `killed by ${signal}`);
      assert.equal(code, 0, stderr.slice(0, 2000));
      // An answer, or the timeout's or a rate limit's sentence: each line gets one.
      const answers = stdout.split('\n').filter((line) => line.startsWith('Entropy H(q): ') || line.startsWith('user error: '));
      assert.equal(answers.length, TIMES, stdout.slice(0, 2000));
      if (answers.some((line) => line.startsWith('Entropy'))) assert.ok((await readdir(path.join(cwd, 'out'))).includes('entropy-classes.png'));
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
