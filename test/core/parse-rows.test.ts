import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksLikeRows, splitRows } from '../../src/core/parse-rows.js';
import { ask } from '../support/core.js';

describe('rows of values, as numpy prints them (parse-rows.ts)', () => {
  test('GIVEN rows with or without spaces and commas between them THEN the same rows', () => {
    for (const raw of ['[[0.2,0.7,0.1],[0.6,0.2,0.2]]', '[[0.2, 0.7, 0.1], [0.6, 0.2, 0.2]]', '[[0.2 0.7 0.1] [0.6 0.2 0.2]]', '((0.2,0.7,0.1),(0.6,0.2,0.2))', '[0.2,0.7,0.1],[0.6,0.2,0.2]', '(0.2 0.7 0.1) (0.6 0.2 0.2)']) {
      assert.ok(looksLikeRows(raw), raw);
      const rows = splitRows('p', raw);
      assert.ok(rows.ok, raw);
      assert.deepEqual(rows.value, { rows: [['0.2', '0.7', '0.1'], ['0.6', '0.2', '0.2']], width: 3 });
    }
    assert.equal(looksLikeRows('[0.2,0.7]'), false);
    assert.deepEqual(splitRows('p', '[0.5,0.5]'), { ok: true, value: { rows: [['0.5', '0.5']], width: 2 } }, 'one row');
    assert.equal(looksLikeRows('0.2,0.7'), false);
  });

  test('GIVEN rows that are not rows THEN one sentence that says what is wrong and shows the form', () => {
    const cases: Array<[string, RegExp]> = [
      ['[[0.2,0.8],[0.6]]', /row 2 has 1 value but row 1 has 2; give every row the same number of values\./],
      ['[[0.2,0.8],[0.6,0.4]', /row 1 is not closed/],
      ['[[0.2,0.8]],[0.6,0.4]]', /closes no row|stands outside/],
      ['[[[0.2]]]', /two levels deep at most/],
      ['[[0.2,0.8], 0.5]', /"0\.5" stands outside the rows/],
      ['[[],[0.5]]', /row 1 is empty/],
    ];
    for (const [raw, expected] of cases) {
      const rows = splitRows('p', raw);
      assert.ok(!rows.ok, raw);
      assert.match(rows.error.message, expected, raw);
      assert.match(rows.error.message, /^p: /, raw);
    }
  });

  test('GIVEN rows where an option takes one flat list THEN a user error that says so, not "not a number"', async () => {
    const reply = await ask('/logloss y=1,0 logits=[[1,2],[3,4]]');
    assert.equal(reply.ok, false);
    assert.equal(reply.error?.code, 'rows-not-accepted');
    assert.match(reply.error?.message ?? '', /^logits takes one flat list of numbers, not rows/);
  });

  test('GIVEN rows for /entropy THEN they arrive as rows and it computes per column', async () => {
    const reply = await ask('/entropy q=[[0.5,0.5],[0.9,0.1]]');
    assert.ok(reply.ok, reply.summary);
    assert.equal((reply.data.entropy as number[]).length, 2);
  });
});
