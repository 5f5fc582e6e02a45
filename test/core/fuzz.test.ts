import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { commands } from '../../commands/index.js';
import type { Reply } from '../../src/core/reply.js';
import { ask } from '../support/core.js';

/** Hostile-input fuzzing (issue 7): always a Reply, never a throw, never NaN in data. Fixed seed, bounded runs. */
const RUNS = { seed: 7_2026, numRuns: 250 } as const;
/** The core's answer must come well within the adapters' time limit; this is a hang detector, not a speed test. */
const TIME_LIMIT_MS = 10_000;

const hostileNumbers = ['NaN', 'nan', 'Infinity', '-Infinity', '+inf', '∞', '-0', '0', '1', '1e-320', '4.9e-324', '1-1e-17', '0.99999999999999999', '1e308', '1.8e308', '-1e308', '1e999', '85', '85%', '100%', '0x1p-3', '0b1', '1_000', '١', '１', '.5', '5.', '..5', '--1', '+0.5', '1e', 'e5', '', ' ', ',', ',,', '[', ']', '[]', '[[0.5]]', '0.5.5'];
const separators = [',', ' ', ', ', ';', '\t', '\n', '，', '、', '|'];

const numberList = fc
  .array(fc.oneof(fc.constantFrom(...hostileNumbers), fc.double().map(String), fc.integer({ min: -3, max: 3 }).map(String)), { minLength: 0, maxLength: 12 })
  .chain((tokens) => fc.constantFrom(...separators).map((sep) => tokens.join(sep)))
  .map((list) => (list.length % 3 === 0 ? `[${list}]` : list));

const optionNames = [...new Set(commands.flatMap((c) => c.options.map((o) => o.name))), 'P', 'y ', 'unknown', '', '=', 'topic'];
const values = fc.oneof(numberList, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('e', '2', '10', 'bce', 'gradient', 'entropy', 'red,red,green', 'x.csv'));
const option = fc.tuple(fc.constantFrom(...optionNames), fc.constantFrom('=', '= ', ' =', ':', ''), values).map(([name, eq, value]) => `${name}${eq}${value}`);
const line = fc.tuple(
  fc.constantFrom('/logloss', '/entropy', '/derive', '/LOGLOSS', 'logloss', '/', '', '/nope', '/derive topic=mse'),
  fc.array(option, { maxLength: 6 }),
  fc.constantFrom(' ', '  ', '\n', '\t'),
).map(([command, options, sep]) => [command, ...options].join(sep));

function assertWellFormed(reply: Reply, input: string): void {
  assert.equal(typeof reply.ok, 'boolean', input);
  assert.equal(typeof reply.summary, 'string', input);
  assert.ok(reply.summary.length > 0, input);
  const json = JSON.stringify(reply.data, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? '<<NaN>>' : value));
  assert.equal(json.includes('<<NaN>>'), false, `NaN in data for ${JSON.stringify(input)}`);
  if (!reply.ok) {
    assert.ok(reply.error, input);
    assert.notEqual(reply.error?.code, 'internal', `internal error for ${JSON.stringify(input)}: ${reply.summary}`);
    assert.doesNotMatch(reply.summary, /\n\s+at /, 'no stack trace reaches the user');
  }
}

async function timed(input: string): Promise<Reply> {
  const started = performance.now();
  const reply = await ask(input);
  assert.ok(performance.now() - started < TIME_LIMIT_MS, `${JSON.stringify(input).slice(0, 80)} took too long`);
  return reply;
}

describe('hostile input (fuzzing with a fixed seed)', () => {
  test('GIVEN random command lines built from hostile tokens THEN always a well-formed Reply', async () => {
    await fc.assert(fc.asyncProperty(line, async (input) => assertWellFormed(await timed(input), input)), RUNS);
  });

  test('GIVEN arbitrary unicode strings THEN always a well-formed Reply', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (input) => assertWellFormed(await timed(input), input)), RUNS);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 100 }), async (input) => assertWellFormed(await timed(`/logloss ${input}`), input)), RUNS);
  });

  test('GIVEN each command with well-typed but extreme numbers THEN an answer or a user error, never NaN', async () => {
    const extreme = fc.constantFrom(0, 1, -0, 1e-320, 4.9e-324, 1 - 1e-17, 0.5, 1e-300, 1 - 2 ** -53);
    const points = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(fc.constantFrom(0, 1, 0.5), { minLength: n, maxLength: n }), fc.array(extreme, { minLength: n, maxLength: n }), fc.array(fc.constantFrom(-800, 800, 0, 1e308, -1e308, 40), { minLength: n, maxLength: n })));
    await fc.assert(
      fc.asyncProperty(points, fc.constantFrom('bce', 'cross-entropy', 'gradient', 'categorical', 'mse', 'entropy'), async ([y, p, z], topic) => {
        const inputs = [
          `/logloss y=${y.join(',')} p=${p.join(',')}`,
          `/logloss y=${y.join(',')} logits=${z.join(',')} base=2`,
          `/logloss y=${y.map((v) => Math.round(v)).join(',')} x=${z.join(',')}`,
          `/entropy q=${p.join(',')} p=${[...p].reverse().join(',')}`,
          `/derive topic=${topic} y=${y.join(',')} p=${p.join(',')}`,
          `/derive topic=${topic} y=${y.map((v) => Math.round(v)).join(',')} logits=${z.join(',')}`,
        ];
        for (const input of inputs) assertWellFormed(await timed(input), input);
      }),
      { seed: RUNS.seed, numRuns: 120 },
    );
  });

  test('GIVEN duplicated keys and giant lists THEN the limit or duplicate is named', async () => {
    const duplicate = await ask('/logloss y=1 y=0 p=0.5');
    assert.equal(duplicate.error?.code, 'duplicate-option');
    const giant = await ask(`/logloss y=${'1,'.repeat(10_001)}1 p=0.5`);
    assert.equal(giant.error?.code, 'too-many-values');
    assert.match(giant.summary, /at most 10,000/);
    const long = await ask(`/entropy q=${'1 '.repeat(150_000)}`);
    assert.equal(long.error?.code, 'too-many-values');
    assert.match(long.summary, /200,000 characters/);
  });
});
