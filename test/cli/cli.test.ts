import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { runEntry } from '../support/run-process.js';

const CLI = 'src/adapters/cli/cli-main.ts';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let outDir = '';

before(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'lossbot-cli-'));
});
after(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the CLI, through the real process', () => {
  test('GIVEN --json and the visual explanation data THEN one JSON object with loss 0.33291 and exit 0', async () => {
    const result = await runEntry(CLI, ['--json', '--no-charts', '/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1']);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { command: string; ok: boolean; data: Record<string, number>; text: string; images: unknown[]; error?: unknown };
    assert.equal(json.command, 'logloss');
    assert.equal(json.ok, true);
    assert.equal(json.data.loss?.toFixed(5), '0.33291');
    // The exact optimum (scikit-learn 1.2.1, solver='newton-cholesky', tol=1e-12; test/loss/logistic-regression.test.ts).
    assert.equal(json.data.coef?.toFixed(8), '0.97193448');
    assert.ok(json.text.includes('Log loss'));
    assert.deepEqual(json.images, []);
    assert.equal('error' in json, false);
  });

  test('GIVEN a user error THEN exit 2, "user error" and the usage on stderr', async () => {
    const result = await runEntry(CLI, ['--no-charts', '/logloss y=1 p=85']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^user error: p: "85" is not a probability/);
    assert.match(result.stderr, /Usage: \/logloss/);
    assert.equal(result.stdout, '');
  });

  test('GIVEN a user error with --json THEN ok false with the code and message', async () => {
    const result = await runEntry(CLI, ['--json', '--no-charts', '/entropy q=0.3,0.7 p=0.5']);
    assert.equal(result.code, 2);
    const json = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(json.ok, false);
    assert.equal(json.error.code, 'length-mismatch');
  });

  test('GIVEN an infinite KL THEN JSON carries the string "Infinity", never null or NaN', async () => {
    const result = await runEntry(CLI, ['--json', '--no-charts', '/entropy q=0.3,0.7 p=1,0']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"kl":"Infinity"/);
    assert.doesNotMatch(result.stdout, /NaN|null,"q"/);
  });

  test('GIVEN a CSV path THEN the file is read and unknown flags are user errors', async () => {
    const csv = path.join(outDir, 'points.csv');
    await writeFile(csv, 'y,p\n1,0.85\n');
    const result = await runEntry(CLI, ['--json', '--no-charts', `/logloss file=${csv}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { data: { loss: number } }).data.loss, 0.16251892949777494);
    const flag = await runEntry(CLI, ['--colour', '/logloss y=1 p=0.5']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^user error: /);
  });

  test('GIVEN charts on THEN real PNGs are written to --out and listed with their alt text', async () => {
    const result = await runEntry(CLI, ['--json', '--out', outDir, '--theme', 'dark', '/logloss y=1,0,1 p=0.9,0.2,0.7'], undefined, { CHART_THREADS: '1' });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { images: Array<{ path: string; alt: string }> };
    assert.deepEqual(json.images.map((i) => path.basename(i.path)), ['logloss-curve.png', 'logloss-points.png']);
    for (const image of json.images) {
      const bytes = await readFile(image.path);
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
      assert.match(image.alt, /mean log loss 0\.2284 nats/);
    }
  });

  test('GIVEN /derive with --json THEN the output contract: topic, steps, result, and one typeset PNG per step', async () => {
    const result = await runEntry(CLI, ['--json', '--out', outDir, '/derive topic=bce y=1 p=0.85'], undefined, { CHART_THREADS: '1' });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { data: { topic: string; result: number; steps: Array<Record<string, string>> }; images: Array<{ path: string; alt: string }> };
    assert.equal(json.data.topic, 'bce');
    assert.equal(json.data.result, 0.16251892949777494);
    assert.ok(json.data.steps.length >= 4);
    for (const step of json.data.steps) assert.deepEqual(['title', 'text', 'tex', 'unicode'].filter((key) => !step[key]), []);
    // One typeset equation per step, then the likelihood chart.
    assert.equal(json.images.length, json.data.steps.length + 1);
    assert.equal(path.basename(json.images.at(-1)?.path ?? ''), 'derive-bce-likelihood.png');
    for (const [k, image] of json.images.slice(0, -1).entries()) {
      assert.equal(path.basename(image.path), `derive-bce-step-${k + 1}.png`);
      assert.equal((await readFile(image.path)).subarray(1, 4).toString('latin1'), 'PNG');
      assert.match(image.alt, new RegExp(`^Step ${k + 1}, `));
    }
    const text = await runEntry(CLI, ['--no-charts', '/derive topic=gradient y=1 p=0.2']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Step 3 of 5: The chain rule gives p − y\n/);
    assert.match(text.stdout, /∂ℓ₁\/∂z₁ = 0\.2 − 1 = −0\.8/);
    const unknown = await runEntry(CLI, ['/derive topic=nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^user error: topic: "nope" is not one of bce, cross-entropy, gradient, categorical, mse, entropy\./);
  });

  test('GIVEN "/lossbot help" THEN exit 0 and every command with its example, each under its name, and where to read more', async () => {
    const result = await runEntry(CLI, ['--no-charts', '/lossbot help']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^lossbot: every command/);
    for (const command of commands) assert.match(result.stdout, new RegExp(`^/${command.name} .*\\n +\`${escape(command.examples[0] ?? '')}\`$`, 'm'));
    assert.match(result.stdout, /the README in the lossbot repository/);
  });

  test('GIVEN the README\'s sample file, as a fresh clone has it THEN its log loss and exit 0', async () => {
    const result = await runEntry(CLI, ['--json', '--no-charts', '/logloss file=examples/predictions.csv']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { data: { loss: number } }).data.loss.toFixed(4), '0.5529');
  });

  test('GIVEN the text mode THEN a person reads the number, the explanation and the table', async () => {
    const result = await runEntry(CLI, ['--no-charts', '/logloss y=1,0,1 p=0.9,0.2,0.7']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Log loss: 0\.2284 nats/);
    assert.match(result.stdout, /Each point adds −ln of the probability/);
    assert.match(result.stdout, /#\s+y\s+p\s+p\(true\)\s+loss\s+share/);
    assert.doesNotMatch(result.stdout, /\*\*/);
  });
});

describe('npm start without credentials: the console', () => {
  test('GIVEN piped lines THEN one answer per line, errors included, exit 0', async () => {
    const result = await runEntry('src/main.ts', [], '/entropy q=3,7\n/logloss y=1 p=2\n', { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', CHART_THREADS: '1' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Entropy H\(q\): 0\.6109 nats/);
    assert.match(result.stdout, /user error: p: "2" is not a probability/);
  });

  test('GIVEN /lossbot help typed in the console THEN the help, like the CLI\'s', async () => {
    const result = await runEntry('src/main.ts', [], '/lossbot help\n', { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', CHART_THREADS: '1' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^lossbot: every command/m);
    for (const command of commands) assert.ok(result.stdout.includes(`\`${command.examples[0]}\``), command.name);
  });

  test('GIVEN a bad setting THEN the variable is named and nothing starts', async () => {
    const result = await runEntry('src/main.ts', [], '', { LOG_LEVEL: 'loud' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /LOG_LEVEL/);
  });
});
