import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PRACTICE_TOPICS } from '../../src/practice/problem.js';
import { problemFromId } from '../../src/practice/generate.js';
import { ask } from '../support/core.js';

describe('/practice', () => {
  test('GIVEN topic=bce level=1 seed=843 THEN the formula card\'s problem, its id and numbers in data, and no answer anywhere', async () => {
    const reply = await ask('/practice topic=bce level=1 seed=843');
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(Object.keys(reply.data).sort(), ['decimals', 'given', 'level', 'problemId', 'question', 'topic', 'unit']);
    assert.equal(reply.data.problemId, 'bce1a-34b');
    assert.equal(reply.data.topic, 'bce');
    assert.equal(reply.data.level, 1);
    assert.deepEqual(reply.data.given, { y: [1], p: [0.85] });
    assert.equal(reply.data.unit, 'nats');
    assert.match(reply.data.question as string, /A diagnostic model predicts 0\.85 that the patient has the condition/);
    assert.match(reply.data.question as string, /in nats \(natural log\) to 3 decimals/);
    const everything = JSON.stringify(reply);
    for (const answer of ['0.163', '0.1625', '0.16251']) assert.ok(!everything.includes(answer), answer);
    assert.match(reply.summary, /\/answer id=bce1a-34b value=<number>/);
  });

  test('GIVEN the same line twice THEN the same problem; without seed= THEN a valid id each time', async () => {
    const a = await ask('/practice topic=kl level=2 seed=7');
    const b = await ask('/practice topic=kl level=2 seed=7');
    assert.deepEqual(a.data, b.data);
    for (let k = 0; k < 5; k++) {
      const reply = await ask('/practice topic=entropy');
      assert.ok(reply.ok, reply.summary);
      assert.ok(problemFromId(reply.data.problemId as string), String(reply.data.problemId));
      assert.equal(reply.data.level, 1);
    }
  });

  test('GIVEN topic=mixed or no topic THEN a problem of one of the topics, fixed by the seed', async () => {
    const topics = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const mixed = await ask(`/practice topic=mixed level=3 seed=${seed}`);
      const none = await ask(`/practice level=3 seed=${seed}`);
      assert.ok(mixed.ok && none.ok);
      assert.ok((PRACTICE_TOPICS as readonly string[]).includes(mixed.data.topic as string));
      assert.deepEqual(none.data, mixed.data, 'no topic is mixed until progress is stored');
      topics.add(mixed.data.topic as string);
    }
    assert.ok(topics.size >= 4, [...topics].join(','));
  });

  test('GIVEN every topic and level THEN given uses the option names the commands use', async () => {
    const names: Record<string, string[]> = { bce: ['y', 'p'], logits: ['y', 'logits'], entropy: ['q'], 'cross-entropy': ['q', 'p'], kl: ['q', 'p'], gradient: ['y'] };
    for (const topic of PRACTICE_TOPICS) {
      for (const level of [1, 2, 3]) {
        const reply = await ask(`/practice topic=${topic} level=${level} seed=5`);
        assert.ok(reply.ok, reply.summary);
        const given = reply.data.given as Record<string, number[]>;
        for (const name of names[topic] ?? []) assert.ok(Array.isArray(given[name]), `${topic} ${level}: ${name}`);
        for (const name of Object.keys(given)) assert.ok(['y', 'p', 'logits', 'q', 'w', 'base'].includes(name), name);
      }
    }
  });

  test('GIVEN a bad seed, level or topic THEN one sentence naming the option', async () => {
    for (const [line, code, option] of [
      ['/practice seed=1.5', 'out-of-range', 'seed'],
      ['/practice seed=1,2', 'out-of-range', 'seed'],
      ['/practice seed=-1', 'out-of-range', 'seed'],
      ['/practice seed=4294967296', 'out-of-range', 'seed'],
      ['/practice seed=abc', 'not-a-number', 'seed'],
      ['/practice level=4', 'invalid-choice', 'level'],
      ['/practice topic=mse', 'invalid-choice', 'topic'],
    ] as const) {
      const reply = await ask(line);
      assert.equal(reply.ok, false, line);
      assert.equal(reply.error?.code, code, line);
      assert.match(reply.error?.message ?? '', new RegExp(`^${option}: `), line);
    }
  });
});
