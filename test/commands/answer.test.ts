import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunContext } from '../../src/core/command.js';
import type { ReplyImage } from '../../src/core/reply.js';
import { problemFromId } from '../../src/practice/generate.js';
import { ask, createTestDispatcher, testFiles, textContext } from '../support/core.js';

interface StepJson {
  title: string;
  unicode: string;
}

const hasNaN = (value: unknown): boolean => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v)).includes('NaN!');

describe('/answer', () => {
  test('GIVEN the card\'s problem and 0.163 THEN correct, with expected, given, mistake null and feedback', async () => {
    const reply = await ask('/answer id=bce1a-34b value=0.163');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.correct, true);
    assert.equal(reply.data.expected, 0.163);
    assert.equal(reply.data.given, 0.163);
    assert.equal(reply.data.mistake, null);
    assert.equal(reply.data.feedback, 'Right: 0.163 nats.');
    assert.equal(reply.steps, undefined);
  });

  test('GIVEN the card\'s slips THEN each named in data with the right method, and no steps unless asked', async () => {
    for (const [value, mistake] of [['0.071', 'log10'], ['0.234', 'log2'], ['-0.163', 'sign'], ['−0.163', 'sign'], ['1.897', 'wrong-class'], ['16.252', 'percent']] as const) {
      const reply = await ask(`/answer id=bce1a-34b value=${value}`);
      assert.ok(reply.ok, reply.summary);
      assert.equal(reply.data.correct, false, value);
      assert.equal(reply.data.mistake, mistake, value);
      assert.match(reply.data.feedback as string, /The answer is 0\.163 nats\./);
      assert.equal(reply.steps, undefined, value);
      assert.match(reply.summary, /show=solution/);
    }
  });

  test('GIVEN a wrong answer that matches no slip THEN the worked solution: /derive\'s bce steps ending at the answer', async () => {
    const reply = await ask('/answer id=bce1a-34b value=0.5');
    assert.ok(reply.ok);
    assert.equal(reply.data.mistake, null);
    assert.equal(reply.data.show, 'solution');
    const derive = await ask('/derive topic=bce y=1 p=0.85');
    assert.deepEqual((reply.data.steps as StepJson[]).map((s) => s.unicode), (derive.data.steps as StepJson[]).map((s) => s.unicode));
    assert.equal(reply.steps?.length, derive.steps?.length);
    assert.deepEqual(reply.paging, { line: '/answer id=bce1a-34b value=0.5' });
  });

  test('GIVEN show=hint, a leading hint or a trailing hint THEN only the first step; show=solution or solution THEN every step', async () => {
    const hints = await Promise.all(['/answer id=bce2b-7 show=hint', '/answer hint id=bce2b-7', '/answer id=bce2b-7 hint'].map((line) => ask(line)));
    for (const reply of hints) {
      assert.ok(reply.ok, reply.summary);
      assert.equal((reply.data.steps as StepJson[]).length, 1);
      assert.equal(reply.data.expected, null, 'a hint does not give the answer away');
      assert.equal(reply.data.correct, null);
    }
    const solutions = await Promise.all(['/answer id=bce2b-7 show=solution', '/answer solution id=bce2b-7', '/answer id=bce2b-7 solution'].map((line) => ask(line)));
    for (const reply of solutions) {
      assert.ok(reply.ok, reply.summary);
      const steps = reply.data.steps as StepJson[];
      assert.equal(steps[0]?.title, (hints[0]?.data.steps as StepJson[])[0]?.title);
      assert.equal(steps.at(-1)?.title, 'Weight each point');
      assert.equal(reply.data.expected, 0.423);
    }
  });

  test('GIVEN every topic and level with a solution THEN no NaN and the steps as images when a renderer is there', async () => {
    const drawn: string[] = [];
    const fake = async (jobs: Array<{ filename: string; alt: string }>): Promise<ReplyImage[]> => jobs.map((job) => (drawn.push(job.filename), { filename: job.filename, alt: job.alt, png: new Uint8Array([0]) }));
    const ctx: RunContext = { ...textContext(), renderEquations: fake, renderCharts: fake };
    const dispatcher = createTestDispatcher();
    for (const id of ['bce1a-7', 'bce2c-7', 'bce3a-7', 'lgt1a-7', 'lgt2b-7', 'lgt3a-7', 'ent1a-7', 'ent2a-7', 'xent2a-7', 'kl3a-7', 'grad1a-7', 'grad2a-7', 'grad3a-7']) {
      const reply = await dispatcher.handleLine(`/answer id=${id} show=solution`, ctx, testFiles());
      assert.ok(reply.ok, `${id}: ${reply.summary}`);
      assert.equal(hasNaN(reply.data), false, id);
      assert.equal(reply.images.length, (reply.data.steps as StepJson[]).length, id);
      const problem = problemFromId(id);
      assert.match(reply.summary, new RegExp(`ends at ${(problem?.answer ?? 0).toFixed(3)}`), id);
    }
    assert.ok(drawn.every((name) => name.startsWith('derive-practice-')));
  });

  test('GIVEN value=16.3% style input THEN read as lossbot reads p, and the reply says so', async () => {
    const reply = await ask('/answer id=bce1a-7 value=138.6%');
    assert.ok(reply.ok);
    assert.equal(reply.data.given, 1.386);
    assert.equal(reply.data.correct, true);
    assert.match(reply.summary, /138\.6% was read as the fraction 1\.386/);
  });

  test('GIVEN value=0.163 nats or a value with a unit and solution after it THEN the unit is read past', async () => {
    const plain = await ask('/answer id=bce1a-34b value=0.163');
    assert.deepEqual((await ask('/answer id=bce1a-34b value=0.163 nats')).data, plain.data);
    const withSolution = await ask('/answer id=bce1a-34b value=0.163 nats solution');
    assert.equal(withSolution.data.correct, true);
    assert.equal(withSolution.data.show, 'solution');
  });

  test('GIVEN a bad id, a value that is not a number, two values or no value THEN one sentence and a stable code', async () => {
    for (const [line, code, option] of [
      ['/answer id=nope value=1', 'unknown-problem', 'id'],
      ['/answer id=bce9a-7 value=1', 'unknown-problem', 'id'],
      ['/answer id=bce1a-7 value=abc', 'not-a-number', 'value'],
      ['/answer id=bce1a-7 value=NaN', 'not-finite', 'value'],
      ['/answer id=bce1a-7 value=1,2', 'too-many-values', 'value'],
      ['/answer id=bce1a-7', 'missing-option', 'value'],
      ['/answer value=1', 'missing-option', 'id'],
    ] as const) {
      const reply = await ask(line);
      assert.equal(reply.ok, false, line);
      assert.equal(reply.error?.code, code, line);
      assert.ok((reply.error?.message ?? '').includes(option), line);
      assert.equal((reply.error?.message ?? '').split('. ').length, 1, `${line}: one sentence`);
    }
  });

  test('GIVEN an answer checked by a fresh process THEN the same verdict (the id carries the problem)', async () => {
    const first = await ask('/answer id=kl1a-7 value=0.226');
    const fresh = await createTestDispatcher().handleLine('/answer id=kl1a-7 value=0.226', textContext(), testFiles());
    assert.deepEqual(fresh.data, first.data);
    assert.equal(fresh.data.mistake, 'kl-reversed');
  });
});
