import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseOptionText } from '../../src/core/parse-text.js';
import { ask } from '../support/core.js';

/** Slips students make when they paste or type numbers: read them as meant, or ask. */
describe('input that forgives common slips', () => {
  test('GIVEN logits with the Unicode minus lossbot itself prints (U+2212) THEN they are negative numbers', async () => {
    const pasted = await ask('/logloss y=1,0 logits=2.5,\u22121');
    const typed = await ask('/logloss y=1,0 logits=2.5,-1');
    assert.ok(pasted.ok, pasted.summary);
    assert.equal(pasted.data.loss, typed.data.loss);
  });

  test('GIVEN an en dash as a minus sign, in the number and in its exponent THEN it is a minus', async () => {
    const pasted = await ask('/logloss y=1,0 logits=\u20133,2e\u20131');
    const typed = await ask('/logloss y=1,0 logits=-3,2e-1');
    assert.ok(pasted.ok, pasted.summary);
    assert.equal(pasted.data.loss, typed.data.loss);
  });

  test('GIVEN a dash that is not a minus where a number is wanted THEN the user\'s own text is quoted back', async () => {
    const reply = await ask('/logloss y=1 logits=2\u20133');
    assert.equal(reply.error?.code, 'not-a-number');
    assert.match(reply.error?.message ?? '', /"2\u20133" is not a number/);
  });

  test('GIVEN /entropy q with a Unicode minus THEN a negative number out of range, not a label named "−0.3"', async () => {
    const reply = await ask('/entropy q=\u22120.3,1.3');
    assert.equal(reply.error?.code, 'out-of-range', reply.summary);
  });

  test('GIVEN name:value for every option THEN it reads as name=value', async () => {
    const colon = await ask('/logloss y:1 p:0.85');
    assert.ok(colon.ok, colon.summary);
    assert.equal(colon.data.loss, 0.16251892949777494);
    const spaced = await ask('/logloss Y: 1,0 P: 0.9, 0.2 base:2');
    assert.ok(spaced.ok, spaced.summary);
    assert.equal(spaced.data.base, 2);
  });

  test('GIVEN name= and name: mixed THEN both start options', async () => {
    const reply = await ask('/derive topic:bce y=1 p:0.85');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.data.result, 0.16251892949777494);
  });

  test('GIVEN a colon after a name the command does not have THEN it stays inside the value (room for class_weight=0:1,1:3)', () => {
    const parsed = parseOptionText('class_weight=0:1, 1:3 note:x y:1', ['class_weight', 'y']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, [
      { name: 'class_weight', value: '0:1, 1:3 note:x' },
      { name: 'y', value: '1' },
    ]);
  });

  test('GIVEN name:value with no known names THEN only name= starts an option, as before', () => {
    const parsed = parseOptionText('q=red:1 p=0.5');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, [{ name: 'q', value: 'red:1' }, { name: 'p', value: '0.5' }]);
  });

  test('GIVEN p=0.85% THEN a user error that asks whether 0.85 was meant, not a silent 0.0085', async () => {
    const reply = await ask('/logloss y=1 p=0.85%');
    assert.equal(reply.ok, false, reply.summary);
    assert.equal(reply.error?.code, 'percent-below-one');
    assert.match(reply.error?.message ?? '', /^p: "0\.85%" is 0\.0085 as a probability; did you mean 0\.85\? /);
    assert.match(reply.error?.message ?? '', /0\.0085/);
    assert.match(reply.error?.usage ?? '', /^Usage: \/logloss/);
  });

  test('GIVEN /derive p=0.5% THEN the same question', async () => {
    const reply = await ask('/derive topic=bce y=1 p=0.5%');
    assert.equal(reply.error?.code, 'percent-below-one');
    assert.match(reply.error?.message ?? '', /did you mean 0\.5\?/);
  });

  test('GIVEN 0%, 1% or 85% THEN still read as percentages', async () => {
    for (const line of ['/logloss y=0 p=0%', '/logloss y=1 p=1%', '/logloss y=1 p=85%']) {
      const reply = await ask(line);
      assert.ok(reply.ok, `${line}: ${reply.summary}`);
    }
  });
});
