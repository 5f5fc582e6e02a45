import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Reply } from '../../src/core/reply.js';
import { ask } from '../support/core.js';

/** Fixed seed, bounded runs: hostile ids, values and seeds always get a Reply, never a throw or NaN. */
const RUNS = { seed: 2026_12, numRuns: 200 } as const;

const hostile = ['NaN', 'Infinity', '-0', '1e-320', '1e308', '1e999', '85%', '0.85%', '−0.163', '%', '', ' ', '[1]', '[[1]]', '1,2', 'hint', 'solution', 'nats', 'bce1a-34b', 'BCE1A-34B', 'bce1a-ffffffff', 'bce1a-100000000', 'kl3a-0', 'grad9z-1'];
const token = fc.oneof(fc.constantFrom(...hostile), fc.double().map(String), fc.string({ maxLength: 12 }), fc.nat().map((n) => n.toString(16)));
const line = fc.tuple(
  fc.constantFrom('/answer', '/practice', '/answer hint', '/answer solution'),
  fc.array(fc.tuple(fc.constantFrom('id', 'value', 'show', 'seed', 'level', 'topic'), token).map(([name, value]) => `${name}=${value}`), { maxLength: 4 }),
).map(([command, options]) => [command, ...options].join(' '));

function assertWellFormed(reply: Reply, input: string): void {
  assert.ok(reply.summary.length > 0, input);
  const json = JSON.stringify(reply.data, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? '<<NaN>>' : value));
  assert.equal(json.includes('<<NaN>>'), false, `NaN in data for ${input}`);
  if (!reply.ok) assert.notEqual(reply.error?.code, 'internal', `${input}: ${reply.summary}`);
}

describe('/practice and /answer with hostile input', () => {
  test('GIVEN random lines of hostile ids, values, seeds and levels THEN always a well-formed Reply', async () => {
    await fc.assert(fc.asyncProperty(line, async (input) => assertWellFormed(await ask(input), input)), RUNS);
  });

  test('GIVEN every seed id of a range for every template THEN /answer with any finite value answers without NaN', async () => {
    for (const id of ['bce1a-0', 'bce2c-ffff', 'lgt3a-ffffffff', 'ent3a-1', 'xent2b-2', 'kl2b-3', 'grad3a-4']) {
      for (const value of ['0', '-1e308', '1e308', '4.9e-324', '0.5']) assertWellFormed(await ask(`/answer id=${id} value=${value}`), `${id} ${value}`);
    }
  });
});
