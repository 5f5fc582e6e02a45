import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TOPIC_NAMES } from '../../src/derive/topics/index.js';
import type { RunContext } from '../../src/core/command.js';
import type { ReplyImage } from '../../src/core/reply.js';
import { ask, createTestDispatcher, textContext } from '../support/core.js';

/** A context whose renderers record what they were asked to draw and return 1-byte "PNGs". */
function recordingContext(extras: Partial<RunContext>): { ctx: RunContext; drawn: string[] } {
  const drawn: string[] = [];
  const fake = async (jobs: Array<{ filename: string; alt: string }>): Promise<ReplyImage[]> =>
    jobs.map((job) => {
      drawn.push(job.filename);
      return { filename: job.filename, alt: job.alt, png: new Uint8Array([0]) };
    });
  return { ctx: { ...textContext(), renderCharts: fake, renderEquations: fake, ...extras }, drawn };
}

interface StepJson {
  title: string;
  text: string;
  tex: string;
  unicode: string;
}

const hasNaN = (value: unknown): boolean => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v)).includes('NaN!');

describe('/derive', () => {
  test('GIVEN y=1 p=0.85 THEN data.topic, four or more steps with title/text/tex/unicode and data.result = -ln 0.85', async () => {
    const reply = await ask('/derive topic=bce y=1 p=0.85');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.topic, 'bce');
    const steps = reply.data.steps as StepJson[];
    assert.ok(steps.length >= 4);
    for (const step of steps) for (const key of ['title', 'text', 'tex', 'unicode'] as const) assert.ok(step[key].length > 0, key);
    assert.ok(Math.abs((reply.data.result as number) - 0.16251892949777494) < 1e-15);
    assert.match(reply.summary, /L = 0\.1625 nats/);
    assert.equal(reply.steps?.length, steps.length);
    assert.deepEqual(reply.paging, { line: '/derive topic=bce y=1 p=0.85' });
  });

  test('GIVEN no topic and no numbers THEN the bce derivation in symbols, result null, and a hint to add numbers', async () => {
    const reply = await ask('/derive');
    assert.ok(reply.ok);
    assert.equal(reply.data.topic, 'bce');
    assert.equal(reply.data.result, null);
    assert.match(reply.summary, /\/derive topic=bce y=1 p=0\.85/);
  });

  test('GIVEN every topic with numbers THEN a finite result and no NaN anywhere in data', async () => {
    for (const topic of TOPIC_NAMES) {
      const reply = await ask(topic === 'entropy' ? '/derive topic=entropy p=0.5,0.9' : `/derive topic=${topic} y=1,0,1 p=0.9,0.2,0.01`);
      assert.ok(reply.ok, `${topic}: ${reply.summary}`);
      assert.ok(Number.isFinite(reply.data.result), topic);
      assert.equal(hasNaN(reply.data), false, topic);
    }
  });

  test('GIVEN the same points THEN bce, cross-entropy and categorical end at /logloss\'s figure', async () => {
    const logloss = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7');
    for (const topic of ['bce', 'cross-entropy', 'categorical']) {
      const reply = await ask(`/derive topic=${topic} y=1,0,1 p=0.9,0.2,0.7`);
      assert.ok(Math.abs((reply.data.result as number) - (logloss.data.loss as number)) < 1e-15, topic);
    }
  });

  test('GIVEN logits z=800 for y=0 THEN the derivation starts from the sigmoid and ends at exactly 800 nats', async () => {
    const reply = await ask('/derive y=0 logits=800');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.result, 800);
    assert.equal((reply.data.steps as StepJson[])[0]?.title, 'From scores to probabilities');
    assert.equal(reply.paging?.line, '/derive topic=bce y=0 logits=800');
  });

  test('GIVEN a percentage THEN it is converted, said so, and the paging line carries the fraction', async () => {
    const reply = await ask('/derive y=1 p=85%');
    assert.ok(reply.ok);
    assert.match(reply.summary, /Percentages in p were read as fractions/);
    assert.equal(reply.paging?.line, '/derive topic=bce y=1 p=0.85');
  });

  test('GIVEN the paging line THEN re-running it reproduces the answer', async () => {
    const first = await ask('/derive topic=gradient y=1,0 p=[0.3, 0.8]');
    const again = await ask(first.paging?.line ?? '');
    assert.deepEqual(again.data, first.data);
  });

  test('GIVEN showStep (Discord pages) THEN only that step is typeset, the chart only with step 1, and every step keeps its Unicode', async () => {
    const dispatcher = createTestDispatcher();
    const all = recordingContext({});
    const every = await dispatcher.handleLine('/derive topic=bce y=1 p=0.85', all.ctx);
    const count = every.steps?.length ?? 0;
    assert.ok(count >= 4);
    assert.deepEqual(all.drawn.sort(), ['derive-bce-likelihood.png', ...Array.from({ length: count }, (_, k) => `derive-bce-step-${k + 1}.png`)].sort());

    const first = recordingContext({ showStep: 0 });
    const opening = await dispatcher.handleLine('/derive topic=bce y=1 p=0.85', first.ctx);
    assert.deepEqual(first.drawn.sort(), ['derive-bce-likelihood.png', 'derive-bce-step-1.png']);
    assert.equal(opening.steps?.[0]?.image?.filename, 'derive-bce-step-1.png');
    assert.ok(opening.steps?.slice(1).every((step) => step.image === undefined && (step.unicode ?? '').length > 0));

    const third = recordingContext({ showStep: 2 });
    const page = await dispatcher.handleLine('/derive topic=bce y=1 p=0.85', third.ctx);
    assert.deepEqual(third.drawn, ['derive-bce-step-3.png']);
    assert.equal(page.steps?.[2]?.image?.filename, 'derive-bce-step-3.png');
    assert.deepEqual(page.data.steps, (opening.data.steps as Array<Record<string, unknown>>).map((step, k) => {
      const { image: _image, ...rest } = step;
      return k === 2 ? { ...rest, image: 'derive-bce-step-3.png' } : rest;
    }));
  });

  test('GIVEN showStep on the longest answer (20 points) THEN it still pages: only that step is typeset', async () => {
    // The message carries the command line (src/core/paging.ts), so 20 points no longer cost the buttons.
    const y = Array(20).fill(1).join(',');
    const p = Array(20).fill(0.85).join(',');
    const { ctx, drawn } = recordingContext({ showStep: 0 });
    const reply = await createTestDispatcher().handleLine(`/derive topic=gradient y=${y} p=${p}`, ctx);
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(drawn, ['derive-gradient-step-1.png']);
  });

  test('GIVEN an unknown topic THEN a user error listing the topics', async () => {
    const reply = await ask('/derive topic=softmax');
    assert.equal(reply.ok, false);
    assert.equal(reply.error?.code, 'invalid-choice');
    for (const name of TOPIC_NAMES) assert.ok(reply.error?.message.includes(name), name);
    assert.match(reply.summary, /\/derive \[topic=/);
  });

  test('GIVEN incomplete or inconsistent numbers THEN one clear sentence naming the option', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/derive y=1', 'missing-option', /The option p is missing/],
      ['/derive p=0.85', 'missing-option', /The option y is missing/],
      ['/derive y=1,0 p=0.9', 'length-mismatch', /p has 1 value but y has 2/],
      ['/derive y=0.5 p=0.9', 'labels-not-binary', /"0.5" is not a class label/],
      ['/derive y=1 p=0.9 logits=2', 'conflicting-options', /only one of p, logits/],
      ['/derive topic=entropy y=1 p=0.9', 'conflicting-options', /topic=entropy does not use y/],
      [`/derive y=${Array(21).fill(1).join(',')} p=${Array(21).fill(0.5).join(',')}`, 'too-many-values', /at most 20/],
      ['/derive y=1 p=85', 'looks-like-percent', /did you mean 0\.85/],
    ];
    for (const [line, code, message] of cases) {
      const reply = await ask(line);
      assert.equal(reply.ok, false, line);
      assert.equal(reply.error?.code, code, `${line}: ${reply.error?.message}`);
      assert.match(reply.error?.message ?? '', message, line);
    }
  });
});
